using System;
using System.Collections.Generic;
using System.Linq;
using Compliance.Model.Diagnostics;
using Compliance.Model.Documents;
using Compliance.Model.Linking;

namespace Compliance.Engine.Period;

/// <summary>
/// Evidence over the period: for each evidence requirement, the days it was defined (its control
/// implemented, from the history of controls/), the days fresh evidence covered it (from the history
/// of the sidecars and their artifacts), the days a waiver covered, and the gaps in between.
/// </summary>
internal static class EvidencePeriod
{
    public static (List<RequirementTimeline> Timelines, List<PeriodException> Exceptions) Run(DayRange period, LinkedProgramme head, ProgrammeHistory history, DaySetsByKey waivers)
    {
        var requirements = Definitions(head, history);
        var frameworkOf = head.Frameworks.SelectMany(f => f.Requirements.Select(r => (r.Id.Value, f.Id.Value)))
            .GroupBy(p => p.Item1, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Item2, StringComparer.Ordinal);

        // What each artifact covered, by requirement: the union is the coverage, the parts name the artifacts either side of a gap.
        var covering = new Dictionary<string, List<(string Artifact, DaySet Days)>>(StringComparer.Ordinal);
        foreach (var sidecar in history.Sidecars)
        {
            if (sidecar.Parsed.Evidence is not { CollectedOn: { } collected } record || !requirements.TryGetValue(record.Key, out var requirement))
            {
                continue;
            }

            var days = EvidenceCoverage.Covered(sidecar.Days, DateOnly.FromDateTime(collected), requirement.Definition.FreshnessDays, record.Sha256.Value, history.ArtifactOf(sidecar, record));
            if (!days.IsEmpty)
            {
                (covering.TryGetValue(record.Key, out var list) ? list : covering[record.Key] = new()).Add((sidecar.Path, days));
            }
        }

        var timelines = new List<RequirementTimeline>();
        var exceptions = new List<PeriodException>();
        foreach (var (key, requirement) in requirements.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var parts = covering.TryGetValue(key, out var list) ? list : new();
            var covered = DaySet.Of(parts.SelectMany(p => p.Days.Ranges));
            var waived = waivers.For(key);
            var segments = EvidenceCoverage.Timeline(period, requirement.Defined, covered, waived);
            var frameworks = requirement.Control.MapsTo.Select(m => frameworkOf.TryGetValue(m.Value, out var f) ? f : null)
                .Where(f => f is not null).Select(f => f!).Distinct().OrderBy(f => f, StringComparer.Ordinal).ToList();
            timelines.Add(new RequirementTimeline(key, requirement.Control.Id.Value, requirement.Definition.FreshnessDays, frameworks, segments,
                segments.Where(s => s.State != PeriodDayState.NotDefined).Sum(s => s.Days.Days),
                segments.Where(s => s.State == PeriodDayState.Fresh).Sum(s => s.Days.Days),
                segments.Where(s => s.State == PeriodDayState.Waived).Sum(s => s.Days.Days))
            {
                Frequency = Sampling.ControlFrequencies.Of(requirement.Definition),
            });

            foreach (var gap in segments.Where(s => s.State is PeriodDayState.Stale or PeriodDayState.Missing))
            {
                var before = parts.Where(p => p.Days.Contains(gap.Days.Start.AddDays(-1))).Select(p => p.Artifact).OrderBy(a => a, StringComparer.Ordinal).FirstOrDefault();
                var after = parts.Where(p => p.Days.Contains(gap.Days.End.AddDays(1))).Select(p => p.Artifact).OrderBy(a => a, StringComparer.Ordinal).FirstOrDefault();
                var stale = gap.State == PeriodDayState.Stale;
                var message = $"The evidence requirement '{key}' had no fresh, intact, committed evidence from {DayRange.Iso(gap.Days.Start)} to {DayRange.Iso(gap.Days.End)} ({gap.Days.Days} days"
                    + (stale ? $"; the last covering artifact was {before ?? "removed or tampered with"}" : "; no artifact had covered it before")
                    + (after is null ? ")." : $"; covered again by {after}).");
                exceptions.Add(new PeriodException(stale ? PeriodExceptionKind.EvidenceStale : PeriodExceptionKind.EvidenceMissing, Rules.PeriodEvidenceGap.Id, key, gap.Days,
                    requirement.Definition.Id.Span, message, before, after));
            }
        }

        return (timelines, exceptions);
    }

    /// <summary>An evidence requirement over history: the days its control was implemented, and its latest definition.</summary>
    internal sealed record RequirementHistory(DaySet Defined, ControlDefinition Control, EvidenceRequirementDefinition Definition);

    /// <summary>
    /// Each evidence requirement's lifetime from the committed versions of controls/. The definition the
    /// period reports against is the head's where it still exists (its position is where the finding
    /// points), else the latest committed one.
    /// </summary>
    private static Dictionary<string, RequirementHistory> Definitions(LinkedProgramme head, ProgrammeHistory history)
    {
        var defined = new Dictionary<string, List<DayRange>>(StringComparer.Ordinal);
        var latest = new Dictionary<string, (DateOnly Start, ControlDefinition Control, EvidenceRequirementDefinition Requirement)>(StringComparer.Ordinal);
        foreach (var version in history.Controls)
        {
            foreach (var control in version.Parsed.Controls)
            {
                if (control.Status is not (ControlStatuses.Implemented or ControlStatuses.PartiallyImplemented))
                {
                    continue;
                }

                foreach (var requirement in control.Evidence)
                {
                    var key = $"{control.Id.Value}/{requirement.Id.Value}";
                    (defined.TryGetValue(key, out var ranges) ? ranges : defined[key] = new()).Add(version.Days);
                    if (!latest.TryGetValue(key, out var known) || known.Start <= version.Days.Start)
                    {
                        latest[key] = (version.Days.Start, control, requirement);
                    }
                }
            }
        }

        var headControls = head.Controls.ToDictionary(c => c.Id.Value, StringComparer.Ordinal);
        var result = new Dictionary<string, RequirementHistory>(StringComparer.Ordinal);
        foreach (var (key, ranges) in defined)
        {
            var (_, control, requirement) = latest[key];
            if (headControls.TryGetValue(control.Id.Value, out var current) && current.Evidence.FirstOrDefault(e => e.Id.Value == requirement.Id.Value) is { } now)
            {
                (control, requirement) = (current, now);
            }

            result[key] = new RequirementHistory(DaySet.Of(ranges), control, requirement);
        }

        return result;
    }
}

/// <summary>Day sets by target key (a requirement key, a vendor, a person), built by union.</summary>
internal sealed class DaySetsByKey
{
    private readonly Dictionary<string, List<DayRange>> _ranges = new(StringComparer.Ordinal);

    public void Add(string key, DaySet days)
    {
        if (!_ranges.TryGetValue(key, out var list))
        {
            _ranges[key] = list = new();
        }

        list.AddRange(days.Ranges);
    }

    public void Add(string key, DayRange days) => Add(key, DaySet.Of(days));

    public IEnumerable<string> Keys => _ranges.Keys.OrderBy(k => k, StringComparer.Ordinal);

    public DaySet For(string key) => _ranges.TryGetValue(key, out var list) ? DaySet.Of(list) : DaySet.Empty;
}
