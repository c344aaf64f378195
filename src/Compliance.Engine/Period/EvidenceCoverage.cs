using System;
using System.Collections.Generic;
using System.Linq;

namespace Compliance.Engine.Period;

/// <summary>
/// The day arithmetic of evidence over a period, kept free of git so the boundaries can be tested directly.
/// </summary>
public static class EvidenceCoverage
{
    /// <summary>
    /// The days one sidecar version covers its requirement: while that sidecar version was committed, while
    /// a committed version of the artifact matched its recorded SHA-256, and while fresh (collected_on through
    /// collected_on + freshness_days, as the as-of check counts). So an artifact counts from the later of
    /// collected_on and its commit, and stops when it goes stale, is deleted or replaced, or is tampered with.
    /// </summary>
    public static DaySet Covered(DayRange sidecarDays, DateOnly collectedOn, int freshnessDays, string recordedSha256, IEnumerable<ArtifactVersion> artifact)
    {
        var fresh = DayRange.Between(collectedOn, collectedOn.AddDays(Math.Max(0, freshnessDays)));
        if (fresh is null)
        {
            return DaySet.Empty;
        }

        var intact = DaySet.Of(artifact.Where(v => string.Equals(v.Sha256, recordedSha256, StringComparison.OrdinalIgnoreCase)).Select(v => v.Days));
        return intact.Intersect(sidecarDays).Intersect(fresh.Value);
    }

    /// <summary>
    /// Splits the period into day states: not defined, fresh, waived, and (for the rest) stale when an
    /// artifact had covered the requirement before, missing when none ever had.
    /// </summary>
    public static List<TimelineSegment> Timeline(DayRange period, DaySet defined, DaySet covered, DaySet waived)
    {
        var inPeriod = DaySet.Of(period);
        var required = defined.Intersect(period);
        var fresh = required.Intersect(covered);
        var gaps = required.Except(covered);
        var waivedGaps = gaps.Intersect(waived);
        var open = gaps.Except(waived);

        var segments = new List<TimelineSegment>();
        segments.AddRange(inPeriod.Except(required).Ranges.Select(r => new TimelineSegment(r, PeriodDayState.NotDefined)));
        segments.AddRange(fresh.Ranges.Select(r => new TimelineSegment(r, PeriodDayState.Fresh)));
        segments.AddRange(waivedGaps.Ranges.Select(r => new TimelineSegment(r, PeriodDayState.Waived)));
        var firstCovered = covered.IsEmpty ? (DateOnly?)null : covered.Ranges[0].Start;
        foreach (var gap in open.Ranges)
        {
            // A gap never holds a covered day, so coverage before its start means evidence went stale (or was removed).
            var state = firstCovered is { } first && first < gap.Start ? PeriodDayState.Stale : PeriodDayState.Missing;
            segments.Add(new TimelineSegment(gap, state));
        }

        return segments.OrderBy(s => s.Days.Start).ToList();
    }
}
