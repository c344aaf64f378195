using System;
using Compliance.Cli.Progress;
using Compliance.Cli.Syntax;

// The composition root: the only place that touches the console, the process exit code and the clock.
// Reports and messages are the same bytes on every machine, whatever its culture.
System.Globalization.CultureInfo.DefaultThreadCurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
try
{
    var commands = CommandTree.Create(() => Console.In, Console.Out, () => DateTimeOffset.UtcNow, Environment.GetEnvironmentVariable, ConsoleProgress.ForStandardError(), args.Length > 0 ? args[0] : null);
    return CliApplication.Invoke(commands, args, Console.Out, Console.Error);
}
catch (Exception ex)
{
    // Canonical error format, so that a failing check fails the build with a message instead of passing.
    Console.Out.WriteLine($"compliance: error CMP1901: The compliance check failed: {ex.GetType().Name}: {ex.Message.ReplaceLineEndings(" ")} Fix: this is a bug or an environment problem; the build fails rather than pass unchecked.");
    Console.Error.WriteLine(ex);
    return 3;
}
