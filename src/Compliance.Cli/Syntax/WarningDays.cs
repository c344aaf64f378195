using System.CommandLine;

namespace Compliance.Cli.Syntax;

/// <summary>The warning windows that 'check' and 'site' share, each declared once.</summary>
public static class WarningDays
{
    public static Option<string[]> Baa() => CliOptions.Value("--baa-warning-days", "N", "Warn this many days before a business associate agreement expires (default: 60).");

    public static Option<string[]> Evidence() => CliOptions.Value("--evidence-warning-days", "N", "Warn this many days before evidence falls due (default: 14).");

    public static Option<string[]> Policy() => CliOptions.Value("--policy-warning-days", "N", "Warn this many days before a policy's review falls due (default: 30).");
}
