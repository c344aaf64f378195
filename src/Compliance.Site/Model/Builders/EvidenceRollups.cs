using System.Collections.Generic;
using Compliance.Engine.Checks;

namespace Compliance.Site.Model;

/// <summary>How the engine's evidence states roll up into one state for a control or a requirement.</summary>
internal static class EvidenceRollups
{
    public static EvidenceRollup Of(EvidenceState state) => state switch
    {
        EvidenceState.Fresh => EvidenceRollup.Fresh,
        EvidenceState.NearlyStale => EvidenceRollup.NearlyStale,
        EvidenceState.Stale => EvidenceRollup.Stale,
        _ => EvidenceRollup.Missing,
    };

    /// <summary>The worst state, ignoring "none"; none if there is nothing else.</summary>
    public static EvidenceRollup Worst(IEnumerable<EvidenceRollup> states)
    {
        var worst = EvidenceRollup.None;
        foreach (var state in states)
        {
            if (state == EvidenceRollup.None)
            {
                continue;
            }

            worst = worst == EvidenceRollup.None || state > worst ? state : worst;
        }

        return worst;
    }
}
