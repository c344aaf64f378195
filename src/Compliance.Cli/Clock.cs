using System;
using System.Globalization;

namespace Compliance.Cli;

/// <summary>
/// The one place that may read the wall clock: when no as-of date is given, a check runs as of
/// today in UTC. Everything downstream takes the resolved date as an input.
/// </summary>
public static class Clock
{
    public static DateOnly ResolveAsOf(string? asOf, Func<DateTime> utcNow)
    {
        if (string.IsNullOrWhiteSpace(asOf))
        {
            return DateOnly.FromDateTime(utcNow());
        }

        return DateOnly.TryParseExact(asOf.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new UsageException($"--as-of takes a date as YYYY-MM-DD, not '{asOf}'.");
    }
}
