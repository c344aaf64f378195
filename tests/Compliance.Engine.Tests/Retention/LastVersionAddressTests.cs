using System;
using System.Linq;

namespace Compliance.Engine.Tests.Retention;

/// <summary>
/// Where a deleted document's last version is, for the site's link to the programme's forge: the deleting
/// commit's first parent (what 'git show SHA^:PATH' reads) and the path from the repository's root.
/// </summary>
public class LastVersionAddressTests
{
    private static void NameRepository(TestProgramme programme) => programme.Write("controls/programme.yaml", """
        programme:
          id: acme
          name: Acme Health
          scope:
            - framework: mini
          site:
            repository_url: https://github.com/acme/compliance
        """);

    [Fact]
    public void A_deleted_policy_names_the_commit_before_its_deletion_when_the_programme_names_its_repository()
    {
        using var programme = new TestProgramme();
        NameRepository(programme);
        programme.Commit("Name the repository", "2026-10-27T10:00:00Z");
        var before = programme.Git("rev-parse", "HEAD").Trim();
        programme.Delete("policies/security.md");
        programme.Commit("Delete the policy", "2026-10-28T10:00:00Z");

        var retained = programme.Check(new DateOnly(2026, 10, 29)).Retention.Single(d => d.Path == "policies/security.md");

        Assert.Equal((before, "policies/security.md"), (retained.LastVersionSha, retained.RepositoryPath));
        Assert.NotEqual(retained.LastVersionCommit, retained.LastVersionSha);
    }

    [Fact]
    public void Without_a_repository_address_no_commit_is_looked_up()
    {
        using var programme = new TestProgramme();
        programme.Delete("policies/security.md");
        programme.Commit("Delete the policy", "2026-10-28T10:00:00Z");

        var retained = programme.Check(new DateOnly(2026, 10, 29)).Retention.Single(d => d.Path == "policies/security.md");

        Assert.Equal((null, null), (retained.LastVersionSha, retained.RepositoryPath));
        Assert.NotNull(retained.LastVersionCommit);
    }
}
