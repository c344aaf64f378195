using System;
using System.CommandLine;
using Compliance.Cli.Commands;
using Compliance.Cli.Progress;
using Compliance.Cli.Syntax;

// The composition root: the only place that touches the console, the process exit code and the clock.
// Reports and messages are the same bytes on every machine, whatever its culture.
System.Globalization.CultureInfo.DefaultThreadCurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
try
{
    var root = new RootCommand("compliance: evidence-as-code compliance checks for HIPAA and SOC 2 programmes.")
    {
        CheckCommand.Create(Console.Out, () => DateTime.UtcNow, Environment.GetEnvironmentVariable(StepSummary.Variable), ConsoleProgress.ForStandardError()),
        SiteCommand.Create(Console.Out, () => DateTime.UtcNow, ConsoleProgress.ForStandardError()),
        GateCommand.Create(Console.In, Console.Out, () => DateTimeOffset.UtcNow),
        AuditCommand.Create(Console.Out, () => DateTimeOffset.UtcNow),
        IncidentCommand.Create(Console.Out),
        VerifyTlsCommand.Create(Console.Out, () => DateTimeOffset.UtcNow),
        SchemaCommand.Create(Console.Out),
        InitCommand.Create(Console.Out, () => DateTime.UtcNow),
        ExportCommand.Create(Console.Out, () => DateTime.UtcNow),
        EvidenceCommand.Create(Console.Out, () => DateTimeOffset.UtcNow),
        CollectCommand.Create(Console.Out, () => DateTimeOffset.UtcNow, Environment.GetEnvironmentVariable),
        SampleCommand.Create(Console.Out, () => DateTime.UtcNow),
    };
    return CliApplication.Invoke(root, args, Console.Out, Console.Error);
}
catch (Exception ex)
{
    // Canonical error format, so that a failing check fails the build with a message instead of passing.
    Console.Out.WriteLine($"compliance: error CMP1901: The compliance check failed: {ex.GetType().Name}: {ex.Message.ReplaceLineEndings(" ")} Fix: this is a bug or an environment problem; the build fails rather than pass unchecked.");
    Console.Error.WriteLine(ex);
    return 3;
}
