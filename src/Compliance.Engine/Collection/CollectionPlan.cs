using System;
using System.Collections.Generic;
using System.Linq;
using Compliance.Engine.Checks;
using Compliance.Model.Documents;

namespace Compliance.Engine.Collection;

public enum CollectionMode
{
    /// <summary>Only requirements whose evidence is missing, stale or inside the warning window.</summary>
    Due,

    /// <summary>Every declared collector.</summary>
    All,
}

/// <summary>One collector chosen to run, and the evidence state that made it due.</summary>
public sealed record PlannedCollection(string Control, string Requirement, CollectorDefinition Collector, EvidenceState State, bool IsDue)
{
    public string Key => $"{Control}/{Requirement}";
}

/// <summary>
/// Chooses the collectors to run from the check's own evidence statuses, so "due" means exactly
/// what the build reports as missing, stale or nearly stale; freshness is never recomputed here.
/// </summary>
public static class CollectionPlan
{
    public static IReadOnlyList<PlannedCollection> Select(CheckResult check, CollectionMode mode, string? only)
    {
        var states = check.Evidence.ToDictionary(s => s.Key, s => s.State, StringComparer.Ordinal);
        var planned = new List<PlannedCollection>();
        foreach (var control in check.Programme.Controls)
        {
            foreach (var requirement in control.Evidence)
            {
                if (requirement.Collector is not { } collector)
                {
                    continue;
                }

                var key = $"{control.Id.Value}/{requirement.Id.Value}";
                if (only is not null && !string.Equals(only, key, StringComparison.Ordinal))
                {
                    continue;
                }

                var state = states.TryGetValue(key, out var known) ? known : EvidenceState.Missing;
                var due = IsDue(state);
                if (due || mode == CollectionMode.All)
                {
                    planned.Add(new PlannedCollection(control.Id.Value, requirement.Id.Value, collector, state, due));
                }
            }
        }

        return planned.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
    }

    public static bool IsDue(EvidenceState state) => state is EvidenceState.Missing or EvidenceState.Stale or EvidenceState.NearlyStale;
}
