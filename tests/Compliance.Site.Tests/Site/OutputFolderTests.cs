using System;
using System.IO;
using System.Linq;
using Compliance.Site.Output;
using Compliance.Site.Tests.Infrastructure;

namespace Compliance.Site.Tests.Site;

/// <summary>The site writes only inside its own folder, cleans only a folder it marked, and never copies evidence from outside evidence/.</summary>
public sealed class OutputFolderTests
{
    [Fact]
    public void A_folder_that_is_not_the_sites_is_refused_and_left_untouched()
    {
        using var repo = FixtureRepo.Create("mini");
        using var output = new TempFolder();
        File.WriteAllText(output.Combine("notes.txt"), "mine");

        var error = Assert.Throws<SiteException>(() => repo.Render(output.Path));
        Assert.Contains("not a site folder", error.Message);
        Assert.Equal(new[] { "notes.txt" }, Directory.EnumerateFileSystemEntries(output.Path).Select(Path.GetFileName).ToArray());
    }

    [Fact]
    public void Stale_files_are_removed_from_a_marked_folder_only()
    {
        using var repo = FixtureRepo.Create("mini");
        using var output = new TempFolder();
        repo.Render(output.Path);
        Directory.CreateDirectory(output.Combine("controls/old"));
        File.WriteAllText(output.Combine("controls/old/gone.html"), "stale");
        File.WriteAllText(output.Combine("stale.html"), "stale");
        var index = output.Combine("index.html");
        var before = File.GetLastWriteTimeUtc(index);
        File.SetLastWriteTimeUtc(index, before.AddDays(-1));

        var result = repo.Render(output.Path);

        Assert.Equal(2, result.RemovedFiles);
        Assert.False(File.Exists(output.Combine("stale.html")));
        Assert.False(Directory.Exists(output.Combine("controls/old")));
        Assert.Equal(before.AddDays(-1), File.GetLastWriteTimeUtc(index)); // unchanged content is not rewritten
    }

    [Theory]
    [InlineData("")]
    [InlineData("..")]
    [InlineData("evidence/site")]
    [InlineData("controls/site")]
    [InlineData("site")]
    public void The_site_is_never_written_over_or_among_the_programme(string relative)
    {
        using var repo = FixtureRepo.Create("mini");
        var target = Path.GetFullPath(Path.Combine(repo.Root, relative));
        Assert.Throws<SiteException>(() => repo.Render(target));
    }

    [Fact]
    public void A_symbolic_link_in_the_site_folder_is_refused()
    {
        using var repo = FixtureRepo.Create("mini");
        using var output = new TempFolder();
        using var elsewhere = new TempFolder("elsewhere");
        repo.Render(output.Path);
        Directory.Delete(output.Combine("evidence"), recursive: true);
        Directory.CreateSymbolicLink(output.Combine("evidence"), elsewhere.Path);

        Assert.Throws<SiteException>(() => repo.Render(output.Path));
        Assert.Empty(Directory.EnumerateFileSystemEntries(elsewhere.Path));
    }

    [Fact]
    public void Evidence_paths_that_leave_evidence_are_listed_but_never_copied()
    {
        using var repo = FixtureRepo.Create("mini");
        File.WriteAllText(Path.Combine(repo.Root, "secret.txt"), "outside evidence/");
        File.WriteAllText(Path.Combine(repo.Root, "evidence/iam-01/escape.evidence.yaml"), """
            evidence:
              artifact: ../../secret.txt
              control: IAM-01
              requirement: sso-config
              collected_on: 2026-09-01
              collector: alice
              sha256: 0000000000000000000000000000000000000000000000000000000000000000
            """);
        repo.Commit("An escaping sidecar", FixtureRepo.SecondCommit.AddHours(1));
        using var output = new TempFolder();
        repo.Render(output.Path);

        var files = SiteSnapshot.Files(output.Path).ToList();
        Assert.DoesNotContain(files, f => f.Contains("secret", StringComparison.Ordinal) && !f.EndsWith(".html", StringComparison.Ordinal));
        Assert.All(files, f => Assert.DoesNotContain("..", f, StringComparison.Ordinal));
        var viewer = files.Single(f => f.StartsWith("evidence/unresolved/", StringComparison.Ordinal));
        Assert.Contains("Path refused", File.ReadAllText(output.Combine(viewer)));
        Assert.DoesNotContain("outside evidence/", string.Concat(files.Select(f => File.ReadAllText(output.Combine(f)))));
    }
}
