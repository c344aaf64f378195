using Compliance.Engine.Period;

namespace Compliance.Cli;

/// <summary>Reads --period START..END (both ends inclusive, ISO dates); absent means no period.</summary>
public static class PeriodOption
{
    public static DayRange? Resolve(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return DayRange.TryParse(text.Trim(), out var error) ?? throw new UsageException($"--period: {error}");
    }
}
