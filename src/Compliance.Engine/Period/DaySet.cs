using System;
using System.Collections.Generic;
using System.Linq;

namespace Compliance.Engine.Period;

/// <summary>
/// A set of days as sorted, disjoint, non-adjacent ranges: the unit of the period view. A control's
/// operation over a year is a handful of ranges, not 365 verdicts, and exceptions are differences of
/// these sets (required days minus covered days minus waived days).
/// </summary>
public sealed class DaySet : IEquatable<DaySet>
{
    public static readonly DaySet Empty = new(Array.Empty<DayRange>());

    private readonly DayRange[] _ranges;

    private DaySet(DayRange[] normalised) => _ranges = normalised;

    public IReadOnlyList<DayRange> Ranges => _ranges;

    public bool IsEmpty => _ranges.Length == 0;

    public int Days => _ranges.Sum(r => r.Days);

    public static DaySet Of(DayRange range) => new(new[] { range });

    /// <summary>Any ranges, in any order, overlapping or touching: merged into the canonical form.</summary>
    public static DaySet Of(IEnumerable<DayRange> ranges)
    {
        var sorted = ranges.OrderBy(r => r.Start).ToList();
        var merged = new List<DayRange>(sorted.Count);
        foreach (var range in sorted)
        {
            // Touching ranges merge too: [1, 3] and [4, 6] are the same days as [1, 6].
            if (merged.Count > 0 && range.Start.DayNumber <= merged[^1].End.DayNumber + 1)
            {
                var last = merged[^1];
                merged[^1] = new DayRange(last.Start, range.End > last.End ? range.End : last.End);
            }
            else
            {
                merged.Add(range);
            }
        }

        return new DaySet(merged.ToArray());
    }

    public bool Contains(DateOnly day) => _ranges.Any(r => r.Contains(day));

    public DaySet Union(DaySet other) => Of(_ranges.Concat(other._ranges));

    public DaySet Intersect(DaySet other)
    {
        // One merge pass over both sorted lists.
        var result = new List<DayRange>();
        int i = 0, j = 0;
        while (i < _ranges.Length && j < other._ranges.Length)
        {
            if (_ranges[i].Intersect(other._ranges[j]) is { } both)
            {
                result.Add(both);
            }

            if (_ranges[i].End < other._ranges[j].End)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return new DaySet(result.ToArray());
    }

    public DaySet Intersect(DayRange range) => Intersect(Of(range));

    /// <summary>The days of this set that are not in the other.</summary>
    public DaySet Except(DaySet other)
    {
        var result = new List<DayRange>();
        var j = 0;
        foreach (var range in _ranges)
        {
            var start = range.Start;
            while (j < other._ranges.Length && other._ranges[j].End < start)
            {
                j++;
            }

            var k = j;
            while (k < other._ranges.Length && other._ranges[k].Start <= range.End)
            {
                if (DayRange.Between(start, other._ranges[k].Start.AddDays(-1)) is { } before)
                {
                    result.Add(before);
                }

                if (other._ranges[k].End >= range.End)
                {
                    start = DateOnly.MaxValue;
                    break;
                }

                start = other._ranges[k].End.AddDays(1);
                k++;
            }

            if (start != DateOnly.MaxValue && DayRange.Between(start, range.End) is { } rest)
            {
                result.Add(rest);
            }
        }

        return new DaySet(result.ToArray());
    }

    public bool Equals(DaySet? other) => other is not null && _ranges.AsSpan().SequenceEqual(other._ranges);

    public override bool Equals(object? obj) => Equals(obj as DaySet);

    public override int GetHashCode() => _ranges.Length == 0 ? 0 : HashCode.Combine(_ranges.Length, _ranges[0], _ranges[^1]);

    public override string ToString() => _ranges.Length == 0 ? "(no days)" : string.Join(", ", _ranges);
}
