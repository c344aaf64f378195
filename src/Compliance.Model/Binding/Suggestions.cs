using System;
using System.Collections.Generic;
using System.Linq;

namespace Compliance.Model.Binding;

/// <summary>Did-you-mean: the closest known name by edit distance, when it is close enough to be a typo.</summary>
public static class Suggestions
{
    public static string? Closest(string value, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates.OrderBy(c => c, StringComparer.Ordinal))
        {
            var distance = Distance(value.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        // A third of the length, at least 2: catches typos without suggesting unrelated names.
        var allowed = Math.Max(2, value.Length / 3);
        return bestDistance <= allowed ? best : null;
    }

    public static string DidYouMean(string value, IEnumerable<string> candidates) =>
        Closest(value, candidates) is { } suggestion ? $" Did you mean '{suggestion}'?" : string.Empty;

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
