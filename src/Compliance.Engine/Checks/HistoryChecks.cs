using Compliance.Model.Diagnostics;
using Compliance.Model.Text;

namespace Compliance.Engine.Checks;

/// <summary>Provenance availability, and six-year retention of documentation (45 CFR 164.316(b)(2)(i)).</summary>
public static class HistoryChecks
{
    public static void Run(CheckContext context)
    {
        var provenance = context.Provenance;
        if (!provenance.Available)
        {
            context.Report(Rules.ProvenanceUnavailable, null, "git",
                $"Git provenance is unavailable: {provenance.UnavailableReason}. Provenance, retention and commit-date checks were skipped; the other checks ran.");
            return;
        }

        foreach (var deletion in provenance.Deletions)
        {
            if (!deletion.Path.StartsWith("evidence/", System.StringComparison.Ordinal) && !deletion.Path.StartsWith("policies/", System.StringComparison.Ordinal))
            {
                continue;
            }

            var created = deletion.FirstAdded.CommitDay;
            var keepUntil = created.AddYears(CheckOptions.RetentionYears);
            var deleted = deletion.DeletedBy.CommitDay;
            if (deleted < keepUntil)
            {
                context.Report(Rules.RetentionViolation, SourceSpan.StartOf(deletion.Path), deletion.Path,
                    $"'{deletion.Path}' was deleted by commit {deletion.DeletedBy.ShortSha} ({deletion.DeletedBy.AuthorName}, {CheckContext.Iso(deleted)}), {deleted.DayNumber - created.DayNumber} days after commit {deletion.FirstAdded.ShortSha} added it on {CheckContext.Iso(created)}; it must be kept until at least {CheckContext.Iso(keepUntil)}.");
            }
        }
    }
}
