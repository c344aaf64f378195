using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Reflection;
using Compliance.Cli.Syntax;
using Compliance.Engine;
using Compliance.Engine.Reports;
using Compliance.Oscal;

namespace Compliance.Cli.Commands;

/// <summary>
/// compliance export oscal [--root DIR] [--out DIR] [--as-of YYYY-MM-DD] [--period START..END]
/// Runs the check as of the date and writes OSCAL JSON to DIR (default: ROOT/artifacts/oscal):
/// component-definition.json, assessment-results.json and mapping-collection.json.
/// Exit code 0 when the documents are written, whether or not the programme passes (the assessment
/// results say so); 2 for wrong usage.
/// </summary>
public static class ExportCommand
{
    public static Command Create(TextWriter output, Func<DateTime> utcNow)
    {
        var oscal = new Command("oscal", "Writes the component definition, assessment results and mapping collection as OSCAL JSON, whether or not the programme passes.")
        {
            CliOptions.Root(),
            CliOptions.Value("--out", "DIR", "Where to write the documents (default: ROOT/artifacts/oscal)."),
            CliOptions.AsOf(),
            CliOptions.Period(),
        };
        oscal.SetAction(parsed => Oscal(new ParsedArguments(parsed), output, utcNow));
        var export = new Command("export", "Exports the programme in an exchange format.") { oscal };
        CommandInvoker.RequireSubcommand(export, "export takes oscal: compliance export oscal [--out DIR] [--as-of YYYY-MM-DD].");
        return export;
    }

    public static int Run(IReadOnlyList<string> args, TextWriter output, Func<DateTime> utcNow) =>
        CommandInvoker.Run(Create(output, utcNow), args);

    private static int Oscal(ParsedArguments arguments, TextWriter output, Func<DateTime> utcNow)
    {
        var root = Path.GetFullPath(arguments.Value("--root") ?? Directory.GetCurrentDirectory());
        if (!Directory.Exists(root))
        {
            throw new UsageException($"The programme root '{root}' does not exist.");
        }

        var folder = Path.GetFullPath(arguments.Value("--out") ?? Path.Combine(root, "artifacts", "oscal"));
        var result = ComplianceCheck.Run(new CheckOptions(root, Clock.ResolveAsOf(arguments.Value("--as-of"), utcNow)) { Period = PeriodOption.Resolve(arguments.Value("--period")) });
        var rootHref = Path.GetRelativePath(folder, root).Replace('\\', '/');
        rootHref = rootHref == "." ? string.Empty : rootHref + "/";
        foreach (var document in OscalExport.Export(result, Version(), rootHref))
        {
            AtomicFile.WriteAllText(Path.Combine(folder, document.FileName), document.Json);
            output.WriteLine($"wrote {Path.Combine(folder, document.FileName)}");
        }

        output.WriteLine($"OSCAL {OscalExport.OscalVersion} component-definition and assessment-results, OSCAL {OscalExport.MappingOscalVersion} mapping-collection, as of {OscalExport.Iso(result.Options.AsOf)} (the programme {(result.Passed ? "passes" : "fails")} the gate).");
        return 0;
    }

    private static string Version() =>
        typeof(ExportCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
