using System;

namespace Compliance.Engine;

/// <summary>
/// What a check run depends on besides the files: the programme root, the one as-of date every
/// time-based rule uses, and the warning windows. Nothing in the engine reads the clock.
/// </summary>
public sealed record CheckOptions(string Root, DateOnly AsOf)
{
    /// <summary>Days before a BAA's expiry from which it is reported as a warning.</summary>
    public int BaaWarningDays { get; init; } = 60;

    /// <summary>At most this many days before evidence goes stale it is reported as nearly stale (never more than half its window).</summary>
    public int EvidenceWarningDays { get; init; } = 14;

    /// <summary>Days before a policy review falls due from which it is reported as a warning.</summary>
    public int PolicyWarningDays { get; init; } = 30;

    /// <summary>Where provenance is cached between runs, keyed on the commit (null: walk the whole history every time).</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>Days before a breach-notification deadline from which it is reported as a warning.</summary>
    public int BreachWarningDays { get; init; } = 14;

    /// <summary>
    /// The audit period to report on besides the as-of date (null: as-of only). A period needs every
    /// file version in history, so provenance is walked in full (the cache is not used).
    /// </summary>
    public Period.DayRange? Period { get; init; }

    /// <summary>The seed of the period's samples (null: the head commit's SHA). See docs/period.md.</summary>
    public string? SampleSeed { get; init; }

    /// <summary>Sample sizes by frequency (null: the documented defaults).</summary>
    public Sampling.SampleSizeTable? SampleSizes { get; init; }

    /// <summary>Where long operations (the history walk) report how far they are; nowhere by default.</summary>
    public Compliance.Engine.Progress.IWorkProgress Progress { get; init; } = Compliance.Engine.Progress.NoProgress.Instance;

    /// <summary>HIPAA 45 CFR 164.316(b)(2)(i): documentation is kept six years.</summary>
    public const int RetentionYears = 6;
}
