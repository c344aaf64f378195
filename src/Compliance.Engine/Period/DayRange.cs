using System;
using System.Globalization;

namespace Compliance.Engine.Period;

/// <summary>
/// A run of calendar days, both ends inclusive: [2026-01-01, 2026-01-31] is 31 days. Inclusive ends
/// match how the programme writes dates (evidence is fresh through collected_on + freshness_days).
/// </summary>
public readonly record struct DayRange
{
    public DayRange(DateOnly start, DateOnly end)
    {
        if (end < start)
        {
            throw new ArgumentException($"A day range cannot end ({Iso(end)}) before it starts ({Iso(start)}).", nameof(end));
        }

        Start = start;
        End = end;
    }

    public DateOnly Start { get; }

    public DateOnly End { get; }

    public int Days => End.DayNumber - Start.DayNumber + 1;

    public bool Contains(DateOnly day) => day >= Start && day <= End;

    /// <summary>The range from start to end, or null when end is before start (an empty range).</summary>
    public static DayRange? Between(DateOnly start, DateOnly end) => end < start ? null : new DayRange(start, end);

    /// <summary>The days both ranges hold, or null.</summary>
    public DayRange? Intersect(DayRange other) =>
        Between(Start > other.Start ? Start : other.Start, End < other.End ? End : other.End);

    /// <summary>"2026-01-01..2026-09-30", the form the CLI reads and the reports print.</summary>
    public override string ToString() => $"{Iso(Start)}..{Iso(End)}";

    /// <summary>Reads "YYYY-MM-DD..YYYY-MM-DD"; null with a reason when the text is not that.</summary>
    public static DayRange? TryParse(string text, out string? error)
    {
        error = null;
        var parts = text.Split("..", StringSplitOptions.None);
        if (parts.Length != 2
            || !DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            || !DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
        {
            error = $"'{text}' is not a period: write it as START..END with ISO dates, e.g. 2026-01-01..2026-09-30.";
            return null;
        }

        if (end < start)
        {
            error = $"The period '{text}' ends before it starts.";
            return null;
        }

        return new DayRange(start, end);
    }

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
