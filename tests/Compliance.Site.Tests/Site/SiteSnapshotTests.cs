using System;
using System.IO;
using System.Linq;
using System.Text;
using Compliance.Site.Tests.Infrastructure;

namespace Compliance.Site.Tests.Site;

/// <summary>The whole site of the fixture programme, file by file, against golden files; and that it is deterministic.</summary>
public sealed class SiteSnapshotTests
{
    [Fact]
    public void Whole_site_of_the_fixture_programme_matches_the_golden_files()
    {
        using var repo = FixtureRepo.Create("mini");
        using var output = new TempFolder();
        var result = repo.Render(output.Path);

        Assert.True(result.Pages > 40, $"Only {result.Pages} pages were rendered.");
        SiteSnapshot.Match("mini", output.Path);
    }

    [Fact]
    public void Same_commit_and_as_of_date_give_byte_identical_files()
    {
        using var first = FixtureRepo.Create("mini");
        using var second = FixtureRepo.Create("mini");
        using var a = new TempFolder();
        using var b = new TempFolder();
        first.Render(a.Path);
        second.Render(b.Path);
        second.Render(b.Path);

        var filesA = SiteSnapshot.Files(a.Path).ToList();
        Assert.Equal(filesA, SiteSnapshot.Files(b.Path).ToList());
        foreach (var file in filesA)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(a.Path, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(b.Path, file))), $"{file} differs between two renders of the same commit.");
        }
    }

    [Fact]
    public void No_file_names_the_machine_the_site_was_rendered_on()
    {
        using var repo = FixtureRepo.Create("mini");
        using var output = new TempFolder();
        repo.Render(output.Path);

        foreach (var file in SiteSnapshot.Files(output.Path).Where(f => f.EndsWith(".html", StringComparison.Ordinal) || f.EndsWith(".js", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(Path.Combine(output.Path, file), Encoding.UTF8);
            Assert.DoesNotContain(repo.Root, text, StringComparison.Ordinal);
            Assert.DoesNotContain(output.Path, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Path.GetTempPath(), text, StringComparison.Ordinal);
        }
    }
}
