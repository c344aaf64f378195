using System.Linq;

namespace Compliance.Engine.Tests.Checks;

/// <summary>CMP1002: a file that was a document at the previous commit and now defines nothing is an error, not a warning.</summary>
public sealed class DocumentRegressionTests
{
    private const string Stripped = "# Security Policy\n\nThe front matter was deleted.\n";

    private static string[] Regressions(TestProgramme programme) => TestProgramme.Lines(programme.Check(), rulePrefix: "CMP1002").ToArray();

    [Fact]
    public void A_policy_that_lost_its_front_matter_since_HEAD_is_an_error()
    {
        using var programme = new TestProgramme();
        programme.Write("policies/security.md", Stripped);

        Assert.Equal(
            new[] { "policies/security.md(1,1): error CMP1002: At the previous commit this file was a policy document; now it defines nothing, so the checks that applied to it would silently stop. Fix: Restore the document's content (for a policy, its --- front matter block), or delete the file in a commit of its own if the document is retired." },
            Regressions(programme));
    }

    [Fact]
    public void A_committed_regression_is_found_against_the_parent_commit()
    {
        using var programme = new TestProgramme();
        programme.Write("policies/security.md", Stripped);
        programme.Commit("Strip the policy", "2026-10-26T10:00:00Z");

        Assert.Single(Regressions(programme));
    }

    [Fact]
    public void An_emptied_controls_file_is_an_error()
    {
        using var programme = new TestProgramme();
        programme.Write("controls/controls.yaml", "# emptied\n");

        Assert.Contains("controls/controls.yaml(1,1): error CMP1002: At the previous commit this file was a controls document", Regressions(programme).Single());
    }

    [Fact]
    public void A_page_that_was_always_a_page_is_not_a_regression()
    {
        using var programme = new TestProgramme();
        programme.Write("policies/notes.md", "# Notes\n");
        programme.Commit("Add notes", "2026-10-26T10:00:00Z");
        programme.Write("policies/notes.md", "# Notes\n\nMore.\n");

        Assert.Empty(Regressions(programme));
    }
}
