using Compliance.Model.Diagnostics;

namespace Compliance.Engine.Checks;

/// <summary>Provenance availability: without history the provenance and retention checks are skipped, with one warning.</summary>
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

        // Retention of deleted documents is RetentionChecks' (it needs what each was last in effect).
    }
}
