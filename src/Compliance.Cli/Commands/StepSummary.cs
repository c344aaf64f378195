using System.IO;
using System.Linq;
using Compliance.Engine;
using Compliance.Engine.Reports;
using Compliance.Site.Git;

namespace Compliance.Cli.Commands;

/// <summary>
/// Appends the check's Markdown summary to the CI job's summary file (GitHub's GITHUB_STEP_SUMMARY), with what
/// changed since <c>--compare-to</c> when it is given. The file may already hold other steps' text: it is read,
/// extended and replaced in one atomic write.
/// </summary>
public static class StepSummary
{
    public const string Variable = "GITHUB_STEP_SUMMARY";

    public static void Append(string path, CheckResult result, string? compareTo)
    {
        var summary = StepSummaryReport.Render(result, string.IsNullOrWhiteSpace(compareTo) ? null : Changes(result, compareTo));
        var existing = File.Exists(path) ? File.ReadAllText(path) : string.Empty;
        var separator = existing.Length == 0 || existing.EndsWith('\n') ? string.Empty : "\n";
        AtomicFile.WriteAllText(path, existing + separator + summary);
    }

    private static SummaryChanges Changes(CheckResult result, string compareTo)
    {
        using var git = SiteGit.Open(result.Options.Root);
        var changes = git.Changes(compareTo, result.Options.AsOf);
        return new SummaryChanges(
            changes.Description,
            changes.Files.Select(f => new SummaryChangedFile(f.Change, f.OldPath is null ? f.Path : $"{f.OldPath} → {f.Path}")).ToList(),
            changes.Commits.Count + changes.MoreCommits,
            changes.Unavailable);
    }
}
