using System;
using System.IO;
using Compliance.Site.Tests.Infrastructure;

namespace Compliance.Site.Tests.Site;

/// <summary>A policy page lists each commit that changed the policy, with the version it gave and the lines it changed.</summary>
public sealed class PolicyRevisionsTests
{
    [Fact]
    public void Each_revision_shows_its_version_and_the_lines_it_added_and_removed()
    {
        using var repo = FixtureRepo.Create("mini");
        var path = Path.Combine(repo.Root, "policies", "retention.md");
        File.WriteAllText(path, File.ReadAllText(path)
            .Replace("version: \"2.0\"", "version: \"2.1\"", StringComparison.Ordinal)
            + "\nBackups are kept as long as the records they hold.\n");
        repo.Commit("Retention 2.1: backups", new DateTimeOffset(2026, 9, 20, 9, 0, 0, TimeSpan.Zero));
        using var output = new TempFolder();
        repo.Render(output.Path);

        var page = File.ReadAllText(output.Combine("policies/pol-ret.html"));
        var history = page.Substring(page.IndexOf("Revision history", StringComparison.Ordinal));
        Assert.Contains("2.1", history, StringComparison.Ordinal);
        Assert.Contains("modified, +3 −1 lines", history, StringComparison.Ordinal);
    }

    [Fact]
    public void A_version_changed_in_the_work_tree_and_not_committed_is_not_shown_as_the_last_revision()
    {
        // The last revision's version is taken from the check when the work tree holds the file as HEAD
        // does; a file changed since must have its revision's version read from the commit instead.
        using var repo = FixtureRepo.Create("mini");
        var path = Path.Combine(repo.Root, "policies", "retention.md");
        File.WriteAllText(path, File.ReadAllText(path).Replace("version: \"2.0\"", "version: \"2.1\"", StringComparison.Ordinal));
        repo.Commit("Retention 2.1", new DateTimeOffset(2026, 9, 20, 9, 0, 0, TimeSpan.Zero));
        File.WriteAllText(path, File.ReadAllText(path).Replace("version: \"2.1\"", "version: \"7.7\"", StringComparison.Ordinal));
        using var output = new TempFolder();
        repo.Render(output.Path);

        var page = File.ReadAllText(output.Combine("policies/pol-ret.html"));
        var history = page.Substring(page.IndexOf("Revision history", StringComparison.Ordinal));
        Assert.Contains("2.1", history, StringComparison.Ordinal);
        Assert.DoesNotContain("7.7", history, StringComparison.Ordinal);
    }
}
