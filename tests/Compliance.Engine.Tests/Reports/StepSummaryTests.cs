using System;
using System.IO;
using System.Linq;
using Compliance.Cli.Commands;
using Compliance.Engine.Reports;
using Compliance.Model.Diagnostics;

namespace Compliance.Engine.Tests;

/// <summary>The Markdown summary the check appends to GITHUB_STEP_SUMMARY in CI.</summary>
public class StepSummaryTests
{
    private static readonly Func<DateTime> NotTheClock = () => throw new InvalidOperationException("The check read the clock.");

    [Fact]
    public void A_failing_check_appends_the_counts_coverage_and_errors_grouped_by_rule_with_their_documentation_links()
    {
        using var programme = new TestProgramme();
        programme.Write("evidence/stray.csv", "x\n");
        programme.Delete("evidence/baa/cloud.md");
        var summary = Path.Combine(programme.Root, "step-summary.md");
        File.WriteAllText(summary, "An earlier step's summary.");

        var exit = CheckCommand.Run(new[] { "--root", programme.Root, "--as-of", "2026-11-01", "--no-cache" }, TextWriter.Null, NotTheClock, summary);
        var text = File.ReadAllText(summary);

        Assert.Equal(1, exit);
        Assert.StartsWith("An earlier step's summary.\n## Compliance check of Acme Health as of 2026-11-01: failed\n", text);
        var result = programme.Check();
        Assert.Contains($"| {result.Errors} | {result.Warnings} | {result.Waived} |", text);
        Assert.Contains("| Mini framework | 1 | 1 (100%) |", text);
        Assert.Contains("### Errors by rule", text);
        foreach (var rule in result.Findings.Where(f => f.Severity == Severity.Error).Select(f => f.RuleId).Distinct())
        {
            Assert.Contains($"[{rule}]({Rules.Find(rule)!.HelpLink}): {Rules.Find(rule)!.Title}", text);
        }

        Assert.Contains("[CMP1205](https://github.com/evidence-as-code/compliance/blob/main/docs/diagnostics.md#cmp1205)", text);
        Assert.DoesNotContain("### What changed", text);
    }

    [Fact]
    public void With_compare_to_it_says_which_programme_files_changed_since_the_base()
    {
        using var programme = new TestProgramme();
        programme.Git("tag", "base");
        programme.Write("controls/controls.yaml", File.ReadAllText(Path.Combine(programme.Root, "controls/controls.yaml")).Replace("Disks are encrypted.", "Disks and backups are encrypted.", StringComparison.Ordinal));
        programme.Commit("Backups too", "2026-10-20T10:00:00Z");
        var summary = Path.Combine(programme.Root, "step-summary.md");

        CheckCommand.Run(new[] { "--root", programme.Root, "--as-of", "2026-11-01", "--no-cache", "--compare-to", "base" }, TextWriter.Null, NotTheClock, summary);
        var text = File.ReadAllText(summary);

        Assert.Contains("### What changed since base", text);
        Assert.Contains("1 programme file(s) changed in 1 commit(s).", text);
        Assert.Contains("- modified `controls/controls.yaml`", text);
    }

    [Fact]
    public void Programme_text_cannot_become_Markdown_or_HTML()
    {
        using var programme = new TestProgramme(git: false);
        programme.Write("controls/programme.yaml", File.ReadAllText(Path.Combine(programme.Root, "controls/programme.yaml")).Replace("name: Acme Health", "name: \"Acme | <b>Health</b> *now*\"", StringComparison.Ordinal));

        var text = StepSummaryReport.Render(programme.Check(), null);

        Assert.StartsWith("## Compliance check of Acme \\| &lt;b&gt;Health&lt;/b&gt; \\*now\\* as of 2026-11-01", text);
    }

    [Fact]
    public void Without_GITHUB_STEP_SUMMARY_nothing_is_written()
    {
        using var programme = new TestProgramme(git: false);

        CheckCommand.Run(new[] { "--root", programme.Root, "--as-of", "2026-11-01", "--no-cache" }, TextWriter.Null, NotTheClock, stepSummary: null);

        Assert.False(File.Exists(Path.Combine(programme.Root, "step-summary.md")));
    }
}
