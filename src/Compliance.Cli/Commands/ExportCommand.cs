using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
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
    public const string Usage = "compliance export oscal [--root DIR] [--out DIR] [--as-of YYYY-MM-DD] [--period START..END]";

    public static int Run(IReadOnlyList<string> args, TextWriter output, Func<DateTime> utcNow)
    {
        if (args.FirstOrDefault() != "oscal")
        {
            throw new UsageException("export takes oscal: compliance export oscal [--out DIR] [--as-of YYYY-MM-DD].");
        }

        var arguments = Arguments.Parse(args.Skip(1).ToList(), new HashSet<string> { "--root", "--out", "--as-of", "--period" }, new HashSet<string>());
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
