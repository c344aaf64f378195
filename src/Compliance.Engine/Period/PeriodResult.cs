using System.Collections.Generic;
using Compliance.Model.Text;

namespace Compliance.Engine.Period;

/// <summary>What an evidence requirement was on one run of days. Decided here; reports and the site only show it.</summary>
public enum PeriodDayState
{
    /// <summary>The requirement was not defined (or its control not implemented) yet, or no longer.</summary>
    NotDefined,
    Fresh,
    /// <summary>Not covered, after some artifact had covered it earlier in history.</summary>
    Stale,
    /// <summary>Not covered, and no artifact had ever covered it.</summary>
    Missing,
    /// <summary>Not covered, but inside an approved waiver for the requirement.</summary>
    Waived,
}

public enum PeriodExceptionKind
{
    EvidenceMissing,
    EvidenceStale,
    RequirementUncovered,
    BaaNotInForce,
    PolicyReviewOverdue,
    RevokedOwner,

    /// <summary>A revoked person still active in the identity provider, or in a PHI group, per its access-review exports.</summary>
    RevokedActiveInIdp,

    /// <summary>An active PHI-group member whose person the people registry did not entitle to PHI, per the access-review exports.</summary>
    PhiMemberNotEntitledInIdp,

    /// <summary>An active PHI-group member the people registry named nobody for, per the access-review exports.</summary>
    PhiMemberUnknownInIdp,
}

public sealed record TimelineSegment(DayRange Days, PeriodDayState State)
{
    /// <summary>Where the segment starts, in days from the period's first day (0-based): what a chart places it by.</summary>
    public int FirstDayIndex { get; init; }
}

/// <summary>A framework's coverage over one calendar month of the period (clipped to the period).</summary>
public sealed record CoverageBucket(DayRange Days, int FirstDayIndex, int RequirementDays, int FreshDays)
{
    public int ShareBasisPoints => RequirementDays == 0 ? 10000 : (int)(FreshDays * 10000L / RequirementDays);
}

/// <summary>One evidence requirement over the period: its day states and the day counts the summary adds up.</summary>
public sealed record RequirementTimeline(
    string Key,
    string ControlId,
    int FreshnessDays,
    IReadOnlyList<string> Frameworks,
    IReadOnlyList<TimelineSegment> Segments,
    int RequiredDays,
    int FreshDays,
    int WaivedDays)
{
    /// <summary>How often the control operates: declared on the requirement, or derived from its freshness window.</summary>
    public Sampling.ControlFrequency Frequency { get; init; }
}

/// <summary>
/// One exception: a maximal run of days on which something was not operating. <see cref="Before"/> and
/// <see cref="After"/> name the evidence artifacts on either side of an evidence gap, where there are any.
/// </summary>
public sealed record PeriodException(
    PeriodExceptionKind Kind,
    string RuleId,
    string Target,
    DayRange Days,
    SourceSpan? Location,
    string Message,
    string? Before = null,
    string? After = null)
{
    /// <summary>
    /// Whether <see cref="Before"/> and <see cref="After"/> are access-review exports (the one that showed
    /// the account and the one that no longer did) rather than evidence that lapsed and restored coverage.
    /// </summary>
    public bool BoundedByAccessReviews =>
        Kind is PeriodExceptionKind.RevokedActiveInIdp or PeriodExceptionKind.PhiMemberNotEntitledInIdp or PeriodExceptionKind.PhiMemberUnknownInIdp;
}

/// <summary>A framework's share of requirement-days covered by fresh evidence (or a waiver is not counted as covered).</summary>
public sealed record FrameworkCoverage(string FrameworkId, int RequirementDays, int FreshDays)
{
    /// <summary>The same counts month by month, for the coverage-over-time chart.</summary>
    public IReadOnlyList<CoverageBucket> Months { get; init; } = System.Array.Empty<CoverageBucket>();

    /// <summary>Fresh share in basis points (1/100 of a percent), an integer so every output prints the same.</summary>
    public int ShareBasisPoints => RequirementDays == 0 ? 10000 : (int)(FreshDays * 10000L / RequirementDays);
}

/// <summary>A waiver that covered part of the period: the days it was approved for, within the period.</summary>
public sealed record PeriodWaiver(string WaiverId, string RuleId, string Target, DayRange Days);

/// <summary>The audit period's results: per requirement timelines, exceptions, per-framework coverage and waivers.</summary>
public sealed record PeriodResult(
    DayRange Period,
    IReadOnlyList<RequirementTimeline> Requirements,
    IReadOnlyList<PeriodException> Exceptions,
    IReadOnlyList<FrameworkCoverage> Frameworks,
    IReadOnlyList<PeriodWaiver> Waivers)
{
    /// <summary>Why the period could not be computed (no or shallow history); null when it was.</summary>
    public string? UnavailableReason { get; init; }

    /// <summary>The populations the auditor samples from (deploys, changes, terminations, evidence collections, incidents).</summary>
    public IReadOnlyList<Sampling.Population> Populations { get; init; } = System.Array.Empty<Sampling.Population>();

    /// <summary>The samples drawn from the populations with the run's seed and size table.</summary>
    public Sampling.SampleSet? Samples { get; init; }

    /// <summary>Commits the one provenance walk read.</summary>
    public int CommitsWalked { get; init; }
}
