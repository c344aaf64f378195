using System;
using System.Linq;
using System.Reflection;
using Compliance.Cli;
using Compliance.Cli.Commands;
using Compliance.Cli.Progress;

// The composition root: the only place that touches the console, the process exit code and the clock.
// Reports and messages are the same bytes on every machine, whatever its culture.
System.Globalization.CultureInfo.DefaultThreadCurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
try
{
    return args.FirstOrDefault() switch
    {
        "check" => CheckCommand.Run(args.Skip(1).ToArray(), Console.Out, () => DateTime.UtcNow, Environment.GetEnvironmentVariable(StepSummary.Variable), ConsoleProgress.ForStandardError()),
        "site" => SiteCommand.Run(args.Skip(1).ToArray(), Console.Out, () => DateTime.UtcNow, ConsoleProgress.ForStandardError()),
        "gate" => GateCommand.Run(args.Skip(1).ToArray(), Console.In, Console.Out, () => DateTimeOffset.UtcNow),
        "audit" => AuditCommand.Run(args.Skip(1).ToArray(), Console.Out, () => DateTimeOffset.UtcNow),
        "incident" => IncidentCommand.Run(args.Skip(1).ToArray(), Console.Out),
        "verify-tls" => VerifyTlsCommand.Run(args.Skip(1).ToArray(), Console.Out, () => DateTimeOffset.UtcNow),
        "schema" => SchemaCommand.Run(args.Skip(1).ToArray(), Console.Out),
        "init" => InitCommand.Run(args.Skip(1).ToArray(), Console.Out, () => DateTime.UtcNow),
        "export" => ExportCommand.Run(args.Skip(1).ToArray(), Console.Out, () => DateTime.UtcNow),
        "evidence" => EvidenceCommand.Run(args.Skip(1).ToArray(), Console.Out, () => DateTimeOffset.UtcNow),
        "collect" => CollectCommand.Run(args.Skip(1).ToArray(), Console.Out, () => DateTimeOffset.UtcNow, Environment.GetEnvironmentVariable),
        "sample" => SampleCommand.Run(args.Skip(1).ToArray(), Console.Out, () => DateTime.UtcNow),
        "--version" => Version(),
        null or "help" or "--help" or "-h" => Help(),
        _ => throw new UsageException($"Unknown command '{args[0]}'."),
    };
}
catch (UsageException ex)
{
    Console.Error.WriteLine($"compliance: {ex.Message}");
    Console.Error.WriteLine(Usage());
    return 2;
}
catch (Exception ex)
{
    // Canonical error format, so that a failing check fails the build with a message instead of passing.
    Console.Out.WriteLine($"compliance: error CMP1901: The compliance check failed: {ex.GetType().Name}: {ex.Message.ReplaceLineEndings(" ")} Fix: this is a bug or an environment problem; the build fails rather than pass unchecked.");
    Console.Error.WriteLine(ex);
    return 3;
}

static int Help()
{
    Console.WriteLine("compliance: evidence-as-code compliance checks for HIPAA and SOC 2 programmes.");
    Console.WriteLine(Usage());
    return 0;
}

static string Usage() => string.Join(Environment.NewLine, new[]
{
    "usage:",
    "  " + CheckCommand.Usage,
    "  " + SiteCommand.Usage,
    "  " + GateCommand.Usage,
    "  " + AuditCommand.Usage,
    "  " + IncidentCommand.Usage,
    "  " + VerifyTlsCommand.Usage,
    "  " + SchemaCommand.Usage,
    "  " + InitCommand.Usage,
    "  " + ExportCommand.Usage,
    "  " + EvidenceCommand.Usage,
    "  " + CollectCommand.Usage,
    "  " + SampleCommand.Usage,
});

static int Version()
{
    // The package version (MinVer, from the git tag), not the assembly version, which carries only the major.
    Console.WriteLine(typeof(CheckCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]);
    return 0;
}
