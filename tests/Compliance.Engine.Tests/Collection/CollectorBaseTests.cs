using System.Linq;
using Compliance.Engine.Checks;

namespace Compliance.Engine.Tests.Collection;

/// <summary>
/// CMP1004 against the default branch, on a pull request's branch: the base's collectors are read from git, and a
/// file is taken from the working tree's parse only when its blob is the base's and HEAD's and it is unedited.
/// </summary>
public class CollectorBaseTests
{
    [Fact]
    public void A_collector_changed_in_a_commit_on_a_branch_is_called_out_against_the_default_branch()
    {
        using var programme = OnBranch("[scripts/collect.sh]");
        CollectorProgramme.Declare(programme, "[scripts/collect.sh, --exfiltrate]");
        programme.Commit("Change the collector", "2026-10-27T10:00:00Z");

        var change = Assert.Single(programme.Check().CollectorChanges);

        Assert.Equal(CollectorChangeKind.Changed, change.Kind);
        Assert.Equal("origin/main", change.BaseName);
        Assert.Equal(new[] { "scripts/collect.sh" }, change.Before!.Argv);
        Assert.Equal(new[] { "scripts/collect.sh", "--exfiltrate" }, change.After.Argv);
    }

    [Fact]
    public void A_collector_committed_on_a_branch_and_edited_back_is_compared_with_the_working_tree()
    {
        using var programme = OnBranch("[scripts/collect.sh]");
        CollectorProgramme.Declare(programme, "[scripts/collect.sh, --exfiltrate]");
        programme.Commit("Change the collector", "2026-10-27T10:00:00Z");
        CollectorProgramme.Declare(programme, "[scripts/collect.sh]");

        Assert.Empty(programme.Check().CollectorChanges);
    }

    [Fact]
    public void A_collector_unchanged_on_a_branch_with_other_commits_is_not_called_out()
    {
        using var programme = OnBranch("[scripts/collect.sh]");
        programme.Write("policies/extra.md", "---\nid: POL-EXTRA\n---\n# Extra\n");
        programme.Commit("Another change", "2026-10-27T10:00:00Z");

        var result = programme.Check();

        Assert.Empty(result.CollectorChanges);
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "CMP1004");
    }

    // A clone of the default branch (origin/HEAD at main's tip) with a pull request's branch checked out.
    private static TestProgramme OnBranch(string run)
    {
        var programme = new TestProgramme(git: true);
        CollectorProgramme.Declare(programme, run);
        programme.Commit("Declare the collector", "2026-10-26T10:00:00Z");
        programme.Git("update-ref", "refs/remotes/origin/main", "HEAD");
        programme.Git("symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/main");
        programme.Git("checkout", "-q", "-b", "feature");
        return programme;
    }
}
