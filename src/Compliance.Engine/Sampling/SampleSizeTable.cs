using System;
using System.Collections.Generic;
using System.Linq;

namespace Compliance.Engine.Sampling;

/// <summary>
/// Sample sizes by control frequency. The defaults sit inside the ranges auditors commonly use for a
/// test of operating effectiveness over a 6-12 month period (AICPA-style guidance: annual 1, quarterly
/// 2, monthly 2-5, weekly 5-15, daily 20-40, several times a day 25-60), towards the middle for the
/// frequent controls, where a first Type II examination usually starts. docs/period.md explains them.
/// A sample never exceeds its population: a population smaller than its size is tested in full.
/// The sizes are for a period of a year; <see cref="ForPeriod"/> scales them to a shorter one.
/// </summary>
public sealed class SampleSizeTable
{
    public static readonly SampleSizeTable Default = new(new Dictionary<ControlFrequency, int>
    {
        [ControlFrequency.Annual] = 1,
        [ControlFrequency.Quarterly] = 2,
        [ControlFrequency.Monthly] = 3,
        [ControlFrequency.Weekly] = 10,
        [ControlFrequency.Daily] = 25,
        [ControlFrequency.MultipleTimesDaily] = 40,
    });

    private readonly IReadOnlyDictionary<ControlFrequency, int> _sizes;

    private SampleSizeTable(IReadOnlyDictionary<ControlFrequency, int> sizes) => _sizes = sizes;

    /// <summary>The length of period the sizes are written for; a longer period uses them as they are.</summary>
    public const int FullPeriodDays = 365;

    public int SizeFor(ControlFrequency frequency, int populationCount) => Math.Min(_sizes[frequency], populationCount);

    /// <summary>
    /// The sizes for a period of <paramref name="periodDays"/> days: a shorter period holds fewer
    /// operations of the control, so each size is scaled by days / 365, rounded up, and never below 1
    /// (a control that operated at all in the period is tested at least once). A year or more keeps the sizes.
    /// </summary>
    public SampleSizeTable ForPeriod(int periodDays)
    {
        if (periodDays >= FullPeriodDays)
        {
            return this;
        }

        var days = Math.Max(1, periodDays);
        return new SampleSizeTable(_sizes.ToDictionary(e => e.Key, e => Math.Max(1, (int)((e.Value * (long)days + FullPeriodDays - 1) / FullPeriodDays))));
    }

    public IEnumerable<(ControlFrequency Frequency, int Size)> Entries => _sizes.OrderBy(e => e.Key).Select(e => (e.Key, e.Value));

    /// <summary>The defaults with some sizes replaced, from "daily=30,weekly=8"; null with a reason when malformed.</summary>
    public static SampleSizeTable? Parse(string? text, out string? error)
    {
        error = null;
        var sizes = Default._sizes.ToDictionary(e => e.Key, e => e.Value);
        foreach (var part in (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pair.Length != 2 || ControlFrequencies.Parse(pair[0]) is not { } frequency || !int.TryParse(pair[1], out var size) || size < 1)
            {
                error = $"'{part}' is not a sample size: write FREQUENCY=N with N at least 1, e.g. daily=30 (frequencies: annual, quarterly, monthly, weekly, daily, multiple-times-daily).";
                return null;
            }

            sizes[frequency] = size;
        }

        return new SampleSizeTable(sizes);
    }
}
