using System;
using System.IO;
using Compliance.Site.Tests.Infrastructure;

namespace Compliance.Site.Tests.Site;

/// <summary>The policies page lists retired documents with the retain-until day the retention check decided.</summary>
public sealed class RetentionSectionTests
{
    [Fact]
    public void A_retired_policy_is_listed_with_its_retain_until_day_and_is_not_due_for_review()
    {
        using var repo = FixtureRepo.Create("mini");
        var path = Path.Combine(repo.Root, "policies", "retention.md");
        File.WriteAllText(path, File.ReadAllText(path).Replace("governs: [GOV-01]", "governs: [GOV-01]\nstatus: retired\nretired_on: 2026-09-20", StringComparison.Ordinal));
        repo.Commit("Retire the retention policy", new DateTimeOffset(2026, 9, 20, 9, 0, 0, TimeSpan.Zero));
        using var output = new TempFolder();
        repo.Render(output.Path);

        var page = File.ReadAllText(output.Combine("policies/index.html"));
        var section = page.Substring(page.IndexOf("id=\"retention\"", StringComparison.Ordinal));
        Assert.Contains("<code>policies/retention.md</code></th><td>retired on <time datetime=\"2026-09-20\">2026-09-20</time></td><td><time datetime=\"2032-09-20\">2032-09-20</time></td>", section, StringComparison.Ordinal);
        Assert.Contains("Retired</span>", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deleted_policy_links_its_last_version_on_the_forge_beside_the_git_show_command_when_the_programme_names_its_repository()
    {
        using var repo = FixtureRepo.Create("mini");
        var programme = Path.Combine(repo.Root, "controls", "programme.yaml");
        File.WriteAllText(programme, File.ReadAllText(programme) + "  site:\n    repository_url: https://github.com/acme/compliance/\n");
        var before = repo.Commit("Name the repository", new DateTimeOffset(2026, 9, 20, 9, 0, 0, TimeSpan.Zero));
        File.Delete(Path.Combine(repo.Root, "policies", "retention.md"));
        var deleting = repo.Commit("Delete the retention policy", new DateTimeOffset(2026, 9, 21, 9, 0, 0, TimeSpan.Zero));
        using var output = new TempFolder();
        repo.Render(output.Path);

        var page = File.ReadAllText(output.Combine("policies/index.html"));
        var section = page.Substring(page.IndexOf("id=\"retention\"", StringComparison.Ordinal));
        Assert.Contains($"<a href=\"https://github.com/acme/compliance/blob/{before}/policies/retention.md\" rel=\"noopener noreferrer\" class=\"external\">last version on the forge</a> <code>git show {deleting}^:policies/retention.md</code>", section, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_repository_address_a_deleted_policy_shows_only_the_git_show_command()
    {
        using var repo = FixtureRepo.Create("mini");
        File.Delete(Path.Combine(repo.Root, "policies", "retention.md"));
        var deleting = repo.Commit("Delete the retention policy", new DateTimeOffset(2026, 9, 21, 9, 0, 0, TimeSpan.Zero));
        using var output = new TempFolder();
        repo.Render(output.Path);

        var page = File.ReadAllText(output.Combine("policies/index.html"));
        var section = page.Substring(page.IndexOf("id=\"retention\"", StringComparison.Ordinal));
        Assert.Contains($"<td><code>git show {deleting}^:policies/retention.md</code>", section, StringComparison.Ordinal);
        Assert.DoesNotContain("last version on the forge", section, StringComparison.Ordinal);
    }
}
