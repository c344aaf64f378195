using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Compliance.Engine.Assessment;
using Compliance.Engine.Checks;
using Compliance.Engine.Json;
using Compliance.Model.Diagnostics;

namespace Compliance.Engine.Reports;

/// <summary>What changed since the base of a comparison (<c>--compare-to</c>), as the caller read it from git.</summary>
public sealed record SummaryChanges(string Description, IReadOnlyList<SummaryChangedFile> Files, int Commits, string? Unavailable);

/// <summary>One programme file that changed: added, modified, deleted or renamed.</summary>
public sealed record SummaryChangedFile(string Change, string Path);

/// <summary>
/// The Markdown summary a CI job shows on its page (GitHub's <c>GITHUB_STEP_SUMMARY</c>): the counts, coverage per
/// framework, the errors grouped by rule with a link to each rule's documentation, and what changed since the base.
/// It shows the verdicts of the model (coverage), the engine (findings, assessments) and git; it decides nothing.
/// </summary>
public static class StepSummaryReport
{
    /// <summary>A summary is read on one page: each rule lists this many findings, then how many more.</summary>
    public const int FindingsPerRule = 10;

    /// <summary>Changed files listed before "and N more".</summary>
    public const int ChangedFilesShown = 30;

    public static string Render(CheckResult result, SummaryChanges? changes)
    {
        var md = new StringBuilder();
        var name = result.Programme.Programme?.Name ?? "the programme";
        md.Append(CultureInfo.InvariantCulture, $"## Compliance check of {Text(name)} as of {CheckContext.Iso(result.Options.AsOf)}: {(result.Passed ? "passed" : "failed")}\n\n");
        md.Append("| Errors | Warnings | Waived |\n| ---: | ---: | ---: |\n");
        md.Append(CultureInfo.InvariantCulture, $"| {result.Errors} | {result.Warnings} | {result.Waived} |\n\n");
        AppendCoverage(md, result);
        AppendFindings(md, result.Findings.Where(f => f.Severity == Severity.Error).ToList(), "Errors");
        AppendFindings(md, result.Findings.Where(f => f.Severity == Severity.Warning).ToList(), "Warnings");
        AppendCollectorChanges(md, result.CollectorChanges);
        if (changes is not null)
        {
            AppendChanges(md, changes);
        }

        return md.ToString();
    }

    private static void AppendCoverage(StringBuilder md, CheckResult result)
    {
        var assessor = new RequirementAssessor(result);
        var rows = result.Programme.Frameworks
            .Select(f => (Framework: f, Assessed: assessor.Assessed(f).ToList()))
            .Where(r => r.Assessed.Count > 0)
            .ToList();
        if (rows.Count == 0)
        {
            return;
        }

        md.Append("### Coverage per framework\n\n| Framework | Requirements | Covered | Satisfied |\n| --- | ---: | ---: | ---: |\n");
        foreach (var (framework, assessed) in rows)
        {
            var covered = assessed.Count(c => c.IsCovered);
            var satisfied = assessed.Count(c => assessor.Assess(c).Satisfied);
            md.Append(CultureInfo.InvariantCulture, $"| {Text(framework.Title)} | {assessed.Count} | {covered} ({Percent(covered, assessed.Count)}) | {satisfied} ({Percent(satisfied, assessed.Count)}) |\n");
        }

        md.Append('\n');
    }

    private static void AppendFindings(StringBuilder md, IReadOnlyList<Finding> findings, string heading)
    {
        if (findings.Count == 0)
        {
            return;
        }

        md.Append(CultureInfo.InvariantCulture, $"### {heading} by rule\n\n");
        foreach (var group in findings.GroupBy(f => f.RuleId).OrderBy(g => g.Key, System.StringComparer.Ordinal))
        {
            var rule = Rules.Find(group.Key);
            var title = rule is null ? group.Key : $"[{group.Key}]({rule.HelpLink}): {Text(rule.Title)}";
            md.Append(CultureInfo.InvariantCulture, $"<details><summary>{group.Count()} × {title}</summary>\n\n");
            foreach (var finding in group.Take(FindingsPerRule))
            {
                var where = finding.Location is { } at ? $"`{Code(at.Path)}({at.Line},{at.Column})` " : string.Empty;
                md.Append(CultureInfo.InvariantCulture, $"- {where}{Text(finding.Text)}\n");
            }

            if (group.Count() > FindingsPerRule)
            {
                md.Append(CultureInfo.InvariantCulture, $"- and {group.Count() - FindingsPerRule} more (see the SARIF report)\n");
            }

            md.Append("\n</details>\n\n");
        }
    }

    /// <summary>Each new or changed collector command (CMP1004) with its old and new argv: code that will run with the collecting job's credentials.</summary>
    private static void AppendCollectorChanges(StringBuilder md, IReadOnlyList<CollectorChange> changes)
    {
        if (changes.Count == 0)
        {
            return;
        }

        var rule = Rules.CollectorCommandChanged;
        md.Append(CultureInfo.InvariantCulture, $"### Collector commands to review ([{rule.Id}]({rule.HelpLink}))\n\n");
        md.Append(CultureInfo.InvariantCulture, $"{changes.Count} collector command(s) are new or changed since {Text(changes[0].BaseName)}. Each runs with the collecting job's credentials.\n\n");
        md.Append("| Requirement | Change | Before | After |\n| --- | --- | --- | --- |\n");
        foreach (var change in changes.OrderBy(c => c.Requirement, System.StringComparer.Ordinal))
        {
            md.Append(CultureInfo.InvariantCulture,
                $"| {Text(change.Requirement)} | {(change.Kind == CollectorChangeKind.New ? "new" : "changed")} | {(change.Before is { } before ? Command(before) : "–")} | {Command(change.After)} |\n");
        }

        md.Append('\n');
    }

    /// <summary>An argv shown as a JSON array in a code span, so each argument's bounds are visible; a built-in by its name.</summary>
    private static string Command(CollectorCommand command)
    {
        var what = command.Builtin is { } builtin ? $"built-in {builtin}" : System.Text.Json.JsonSerializer.Serialize(command.Argv, EngineJson.Default.IReadOnlyListString);
        var env = command.Environment.Count == 0 ? string.Empty : $" env {System.Text.Json.JsonSerializer.Serialize(command.Environment, EngineJson.Default.IReadOnlyListString)}";
        return $"`{Code(what + env).Replace("|", "\\|")}` as `{Code(command.Collector).Replace("|", "\\|")}`";
    }

    private static void AppendChanges(StringBuilder md, SummaryChanges changes)
    {
        md.Append(CultureInfo.InvariantCulture, $"### What changed {Text(changes.Description)}\n\n");
        if (changes.Unavailable is { } why)
        {
            md.Append(CultureInfo.InvariantCulture, $"Not available: {Text(why)}.\n\n");
            return;
        }

        md.Append(CultureInfo.InvariantCulture, $"{changes.Files.Count} programme file(s) changed in {changes.Commits} commit(s).\n\n");
        foreach (var file in changes.Files.Take(ChangedFilesShown))
        {
            md.Append(CultureInfo.InvariantCulture, $"- {Text(file.Change)} `{Code(file.Path)}`\n");
        }

        if (changes.Files.Count > ChangedFilesShown)
        {
            md.Append(CultureInfo.InvariantCulture, $"- and {changes.Files.Count - ChangedFilesShown} more\n");
        }

        md.Append('\n');
    }

    private static string Percent(int part, int whole) => whole == 0 ? "–" : (100.0 * part / whole).ToString("0", CultureInfo.InvariantCulture) + "%";

    /// <summary>Programme text is data: it must not become Markdown or HTML (a title with '|' would break a table).</summary>
    private static string Text(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var c in value.ReplaceLineEndings(" "))
        {
            switch (c)
            {
                case '<': text.Append("&lt;"); break;
                case '>': text.Append("&gt;"); break;
                case '&': text.Append("&amp;"); break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '#' or '~' or '!':
                    text.Append('\\').Append(c);
                    break;
                default: text.Append(c); break;
            }
        }

        return text.ToString();
    }

    /// <summary>A path inside a code span: only a backtick could end it.</summary>
    private static string Code(string value) => value.Replace('`', '\'').ReplaceLineEndings(" ");
}
