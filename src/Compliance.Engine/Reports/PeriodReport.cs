using System.Collections.Generic;
using System.Linq;
using Compliance.Engine.Period;

namespace Compliance.Engine.Reports;

/// <summary>The period section of the JSON report: the engine's day ranges and states, printed as ISO dates.</summary>
public static class PeriodReport
{
    public static ReportPeriod Build(PeriodResult period) => new(
        DayRange.Iso(period.Period.Start),
        DayRange.Iso(period.Period.End),
        period.Period.Days,
        period.UnavailableReason,
        period.Frameworks.Select(f => new ReportFrameworkCoverage(f.FrameworkId, f.RequirementDays, f.FreshDays, f.ShareBasisPoints)).ToList(),
        period.Exceptions.Select(e => new ReportPeriodException(e.RuleId, e.Kind, e.Target, DayRange.Iso(e.Days.Start), DayRange.Iso(e.Days.End), e.Days.Days,
            e.Location?.Path, e.Location?.Line, e.Location?.Column, e.Message, e.Before, e.After)).ToList(),
        period.Requirements.Select(r => new ReportRequirementTimeline(r.Key, r.ControlId, r.FreshnessDays, r.Frameworks, r.RequiredDays, r.FreshDays, r.WaivedDays,
            r.Segments.Select(s => new ReportTimelineSegment(DayRange.Iso(s.Days.Start), DayRange.Iso(s.Days.End), s.Days.Days, s.State)).ToList())).ToList(),
        period.Waivers.Select(w => new ReportPeriodWaiver(w.WaiverId, w.RuleId, w.Target, DayRange.Iso(w.Days.Start), DayRange.Iso(w.Days.End), w.Days.Days)).ToList());
}

public sealed record ReportPeriod(
    string Start,
    string End,
    int Days,
    string? UnavailableReason,
    IReadOnlyList<ReportFrameworkCoverage> Frameworks,
    IReadOnlyList<ReportPeriodException> Exceptions,
    IReadOnlyList<ReportRequirementTimeline> Requirements,
    IReadOnlyList<ReportPeriodWaiver> Waivers);

public sealed record ReportFrameworkCoverage(string Framework, int RequirementDays, int FreshDays, int FreshShareBasisPoints);

public sealed record ReportPeriodException(string Rule, PeriodExceptionKind Kind, string Target, string Start, string End, int Days, string? Path, int? Line, int? Column, string Message, string? ArtifactBefore, string? ArtifactAfter);

public sealed record ReportRequirementTimeline(string Key, string Control, int FreshnessDays, IReadOnlyList<string> Frameworks, int RequiredDays, int FreshDays, int WaivedDays, IReadOnlyList<ReportTimelineSegment> Segments);

public sealed record ReportTimelineSegment(string Start, string End, int Days, PeriodDayState State);

public sealed record ReportPeriodWaiver(string Id, string Rule, string Target, string Start, string End, int Days);
