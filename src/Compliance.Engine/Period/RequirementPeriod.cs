using System;
using System.Collections.Generic;
using System.Linq;
using Compliance.Model.Diagnostics;
using Compliance.Model.Documents;
using Compliance.Model.Linking;
using Compliance.Model.Text;

namespace Compliance.Engine.Period;

/// <summary>
/// In-scope requirements day by day (CMP2702), by the model's own coverage rule applied to each day's
/// committed controls/: a requirement is covered on a day when an implemented or partially implemented
/// control maps it or a decision names it, or (a standard or section) when every in-scope part of it
/// that was defined that day was covered. A not-applicable control covers nothing, as at the head.
/// A requirement counts from the commit that added it to its framework; a control added mid-period
/// covers only from its commit. A crosswalk is not coverage in the model (only a hint to map a control),
/// so it is not coverage here either.
/// </summary>
internal static class RequirementPeriod
{
    /// <summary>Deeper requirement trees than this are cut, as the model cuts them.</summary>
    private const int MaxDepth = 64;

    public static IEnumerable<PeriodException> Run(DayRange period, LinkedProgramme head, ProgrammeHistory history)
    {
        var direct = new DaySetsByKey();
        var defined = new DaySetsByKey();
        foreach (var version in history.Controls)
        {
            foreach (var requirement in version.Parsed.Framework?.Requirements.AsEnumerable() ?? Array.Empty<RequirementDefinition>())
            {
                defined.Add(requirement.Id.Value, version.Days);
            }

            foreach (var control in version.Parsed.Controls.Where(c => c.Status is ControlStatuses.Implemented or ControlStatuses.PartiallyImplemented))
            {
                foreach (var requirement in control.MapsTo)
                {
                    direct.Add(requirement.Value, version.Days);
                }
            }

            foreach (var decision in version.Parsed.Decisions)
            {
                direct.Add(decision.Requirement.Value, version.Days);
            }
        }

        var partsByParent = PartsByParent(head);
        var coverage = new Coverage(period, partsByParent, direct, defined);
        foreach (var (requirement, location, parts) in Assessed(head, partsByParent).OrderBy(a => a.Id, StringComparer.Ordinal))
        {
            foreach (var gap in defined.For(requirement).Intersect(period).Except(coverage.Of(requirement, 0)).Ranges)
            {
                var message = parts.Count == 0
                    ? $"The requirement '{requirement}' had no implemented control or decision from {DayRange.Iso(gap.Start)} to {DayRange.Iso(gap.End)} ({gap.Days} days)."
                    : $"The requirement '{requirement}' had no implemented control or decision, and not all of its parts were covered, from {DayRange.Iso(gap.Start)} to {DayRange.Iso(gap.End)} ({gap.Days} days; uncovered on {DayRange.Iso(gap.Start)}: {string.Join(", ", parts.Where(p => defined.For(p).Contains(gap.Start) && !coverage.Of(p, 1).Contains(gap.Start)))}).";
                yield return new PeriodException(PeriodExceptionKind.RequirementUncovered, Rules.PeriodRequirementUncovered.Id, requirement, gap, location, message);
            }
        }
    }

    /// <summary>
    /// The requirements the head covers, where each finding points: those a control or decision maps
    /// (at the first mapping), and those covered through their parts (at the requirement's definition).
    /// Requirements the head does not cover at all are the as-of check's (CMP0030).
    /// </summary>
    private static List<(string Id, SourceSpan Location, IReadOnlyList<string> Parts)> Assessed(LinkedProgramme head, Dictionary<string, IReadOnlyList<string>> partsByParent)
    {
        var inScope = new HashSet<string>(head.InScopeRequirements, StringComparer.Ordinal);
        var mappedAt = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        foreach (var control in head.Controls.Where(c => c.Status != ControlStatuses.Planned))
        {
            foreach (var mapped in control.MapsTo.Where(m => inScope.Contains(m.Value) && !mappedAt.ContainsKey(m.Value)))
            {
                mappedAt[mapped.Value] = mapped.Span;
            }
        }

        foreach (var decision in head.Decisions.Where(d => inScope.Contains(d.Requirement.Value) && !mappedAt.ContainsKey(d.Requirement.Value)))
        {
            mappedAt[decision.Requirement.Value] = decision.Requirement.Span;
        }

        var result = mappedAt.Select(m => (m.Key, m.Value, (IReadOnlyList<string>)Array.Empty<string>())).ToList();
        var definitions = Definitions(head);
        foreach (var record in head.Coverage.Where(c => c.InScope && c.State == CoverageState.CoveredByChildren && !mappedAt.ContainsKey(c.RequirementId)))
        {
            if (definitions.TryGetValue(record.RequirementId, out var definition))
            {
                result.Add((record.RequirementId, definition.Id.Span, partsByParent.TryGetValue(record.RequirementId, out var parts) ? parts : Array.Empty<string>()));
            }
        }

        return result;
    }

    private static Dictionary<string, RequirementDefinition> Definitions(LinkedProgramme head)
    {
        var definitions = new Dictionary<string, RequirementDefinition>(StringComparer.Ordinal);
        foreach (var requirement in head.Frameworks.SelectMany(f => f.Requirements))
        {
            definitions.TryAdd(requirement.Id.Value, requirement);
        }

        return definitions;
    }

    /// <summary>Each requirement's parts as the model counts them: its in-scope children that are not informative, at the head.</summary>
    private static Dictionary<string, IReadOnlyList<string>> PartsByParent(LinkedProgramme head)
    {
        var inScope = new HashSet<string>(head.InScopeRequirements, StringComparer.Ordinal);
        return head.Frameworks.SelectMany(f => f.Requirements)
            .Where(r => r.Parent is not null && inScope.Contains(r.Id.Value) && !r.Informative)
            .GroupBy(r => r.Parent!.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(r => r.Id.Value).Distinct(StringComparer.Ordinal).OrderBy(r => r, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
    }

    /// <summary>Each requirement's covered days within the period, computed once per requirement.</summary>
    private sealed class Coverage
    {
        private readonly DayRange _period;
        private readonly Dictionary<string, IReadOnlyList<string>> _parts;
        private readonly DaySetsByKey _direct;
        private readonly DaySetsByKey _defined;
        private readonly Dictionary<string, DaySet> _known = new(StringComparer.Ordinal);

        public Coverage(DayRange period, Dictionary<string, IReadOnlyList<string>> parts, DaySetsByKey direct, DaySetsByKey defined)
        {
            (_period, _parts, _direct, _defined) = (period, parts, direct, defined);
        }

        /// <summary>
        /// Covered directly, or (when it has parts) on the days some part was defined and every part
        /// defined that day was covered: a part not yet in its framework needs no cover yet.
        /// </summary>
        public DaySet Of(string requirement, int depth)
        {
            if (_known.TryGetValue(requirement, out var known))
            {
                return known;
            }

            _known[requirement] = DaySet.Empty; // a cycle covers nothing; the model reports the cycle itself
            var covered = _direct.For(requirement).Intersect(_period);
            var parts = depth < MaxDepth && _parts.TryGetValue(requirement, out var list) ? list : Array.Empty<string>();
            if (parts.Count > 0)
            {
                var all = DaySet.Of(_period);
                var anyDefined = DaySet.Empty;
                var everyPart = all;
                foreach (var part in parts)
                {
                    var partDefined = _defined.For(part).Intersect(_period);
                    anyDefined = anyDefined.Union(partDefined);
                    everyPart = everyPart.Intersect(Of(part, depth + 1).Union(all.Except(partDefined)));
                }

                covered = covered.Union(everyPart.Intersect(anyDefined));
            }

            _known[requirement] = covered;
            return covered;
        }
    }
}
