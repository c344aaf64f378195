using System;
using System.IO;
using System.Linq;
using Compliance.Engine.Loading;
using Compliance.Model.Files;

namespace Compliance.Engine.Tests.Loading;

/// <summary>
/// The CLI's path of the programme's file set: the loader enumerates with <see cref="ProgrammeFileSet"/>, reports every
/// symbolic link with the finding the compiler's path gives (Compliance.EndToEnd.Tests' SymbolicLinkTests), and never reads one.
/// </summary>
public sealed class ProgrammeFileSetTests
{
    [Theory]
    [InlineData("controls/a.yaml", true)]
    [InlineData("controls/deep/a.yml", true)]
    [InlineData("controls/notes.md", false)]
    [InlineData("policies/p.md", true)]
    [InlineData("policies/people.yaml", true)]
    [InlineData("evidence/x/report.json.evidence.yaml", true)]
    [InlineData("evidence/x/report.json", false)]
    [InlineData("site/page.md", false)]
    public void The_classifier_names_the_programme_files(string path, bool included)
    {
        Assert.Equal(included, ProgrammeFileSet.Includes(path));
    }

    [Fact]
    public void Links_to_a_file_and_a_folder_outside_the_repository_are_reported_and_never_read()
    {
        using var programme = new TestProgramme(git: false);
        var outside = Path.Combine(Path.GetTempPath(), "compliance-outside-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(outside, "folder"));
        try
        {
            // Read through a link, this would redefine a control (CMP0020) and fail to parse (CMP0001).
            File.WriteAllText(Path.Combine(outside, "outside.yaml"), "controls: [\n");
            File.WriteAllText(Path.Combine(outside, "folder", "inner.yaml"), "controls: [\n");
            File.CreateSymbolicLink(Path.Combine(programme.Root, "controls/outside.yaml"), Path.Combine(outside, "outside.yaml"));
            Directory.CreateSymbolicLink(Path.Combine(programme.Root, "policies/linked"), Path.Combine(outside, "folder"));

            var listing = ProgrammeFileSet.Enumerate(programme.Root);
            var lines = TestProgramme.Lines(programme.Check(), rulePrefix: null);

            Assert.Equal(new[] { "controls/outside.yaml", "policies/linked" }, listing.Links);
            Assert.DoesNotContain(listing.Files, f => f.StartsWith("policies/linked", StringComparison.Ordinal) || f == "controls/outside.yaml");
            const string message = "error CMP0018: This is a symbolic link, which the programme never follows: programme files under controls/, policies/ and evidence/ must be regular files inside the repository. Fix: Replace the symbolic link with the file itself (copy it into the repository), or delete the link.";
            Assert.Contains("controls/outside.yaml(1,1): " + message, lines);
            Assert.Contains("policies/linked(1,1): " + message, lines);
            Assert.DoesNotContain(lines, l => l.Contains("CMP0001", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }
}
