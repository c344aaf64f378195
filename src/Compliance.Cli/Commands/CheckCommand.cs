using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Reflection;
using Compliance.Cli.Syntax;
using Compliance.Engine;
using Compliance.Engine.Reports;

namespace Compliance.Cli.Commands;

/// <summary>
/// compliance check [--root DIR] [--as-of YYYY-MM-DD] [--format text|json|sarif] [--report-dir DIR]
///                  [--site DIR] [--compare-to REF|YYYY-MM-DD] [--period START..END]
///                  [--baa-warning-days N] [--evidence-warning-days N] [--policy-warning-days N] [--msbuild]
/// Exit code 0: no errors. 1: the programme has errors. 2: wrong usage. 3: the check itself (or the site) failed.
/// With --site the audit site is rendered from the same result before the exit code is returned,
/// whether or not the programme passed.
/// </summary>
public static class CheckCommand
{
    /// <param name="stepSummary">The CI job's summary file (GITHUB_STEP_SUMMARY) to append to; null: none.</param>
    /// <param name="progress">Where the history walk and the site render report progress; null: nowhere.</param>
    public static Command Create(TextWriter output, Func<DateTime> utcNow, string? stepSummary = null, Engine.Progress.IWorkProgress? progress = null)
    {
        var command = new Command("check", "Checks the programme: exit 0 when it passes, 1 when it has errors, 3 when the check itself failed. Writes compliance.json and compliance.sarif.")
        {
            CliOptions.Root(),
            CliOptions.AsOf(),
            CliOptions.Value("--format", "text|json|sarif", "What to print (default: text).", "text", "json", "sarif"),
            CliOptions.Value("--report-dir", "DIR", "Where to write the reports and the cache (default: ROOT/artifacts/compliance)."),
            CliOptions.Value("--site", "DIR", "Also render the audit site here, whether or not the programme passes."),
            CliOptions.Value("--compare-to", "REF|YYYY-MM-DD", "The base commit or date the site and the CI summary show changes since."),
            CliOptions.Period(),
            WarningDays.Baa(),
            WarningDays.Evidence(),
            WarningDays.Policy(),
            CliOptions.Flag("--msbuild", "Print only the gate's findings, with full paths, for the MSBuild task."),
            CliOptions.Flag("--no-cache", "Walk the git history afresh instead of reading the provenance cache."),
        };
        command.SetAction(parsed => Execute(new ParsedArguments(parsed), output, utcNow, stepSummary, progress));
        return command;
    }

    /// <inheritdoc cref="Create"/>
    public static int Run(IReadOnlyList<string> args, TextWriter output, Func<DateTime> utcNow, string? stepSummary = null, Engine.Progress.IWorkProgress? progress = null) =>
        CommandInvoker.Run(Create(output, utcNow, stepSummary, progress), args);

    private static int Execute(ParsedArguments arguments, TextWriter output, Func<DateTime> utcNow, string? stepSummary, Engine.Progress.IWorkProgress? progress)
    {
        var root = Path.GetFullPath(arguments.Value("--root") ?? Directory.GetCurrentDirectory());
        if (!Directory.Exists(root))
        {
            throw new UsageException($"The programme root '{root}' does not exist.");
        }

        var format = arguments.Value("--format") ?? "text";
        if (format is not ("text" or "json" or "sarif"))
        {
            throw new UsageException($"--format takes text, json or sarif, not '{format}'.");
        }

        var options = new CheckOptions(root, Clock.ResolveAsOf(arguments.Value("--as-of"), utcNow))
        {
            BaaWarningDays = arguments.Int("--baa-warning-days", 60),
            EvidenceWarningDays = arguments.Int("--evidence-warning-days", 14),
            PolicyWarningDays = arguments.Int("--policy-warning-days", 30),
            Period = PeriodOption.Resolve(arguments.Value("--period")),
            CacheDirectory = arguments.Flag("--no-cache") ? null : Path.Combine(Path.GetFullPath(arguments.Value("--report-dir") ?? Path.Combine(root, "artifacts", "compliance")), "cache"),
            Progress = progress ?? Engine.Progress.NoProgress.Instance,
        };

        var result = ComplianceCheck.Run(options);
        var version = typeof(CheckCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
        // Both reports are pure functions of the result: the SARIF log renders on the other core while the JSON renders here.
        var sarifRendering = System.Threading.Tasks.Task.Run(() => SarifReport.Render(result, version));
        var json = JsonReport.Render(result);
        var sarif = sarifRendering.GetAwaiter().GetResult();
        var reportDir = Path.GetFullPath(arguments.Value("--report-dir") ?? Path.Combine(root, "artifacts", "compliance"));
        AtomicFile.WriteAllText(Path.Combine(reportDir, "compliance.json"), json);
        AtomicFile.WriteAllText(Path.Combine(reportDir, "compliance.sarif"), sarif);
        if (!string.IsNullOrEmpty(stepSummary))
        {
            StepSummary.Append(stepSummary, result, arguments.Value("--compare-to"));
        }

        output.Write(format switch
        {
            "json" => json,
            "sarif" => sarif,
            // For MSBuild: only the gate's findings (the compiler reports the structure), with full paths like the compiler's.
            _ => arguments.Flag("--msbuild") ? TextReport.Render(result, gateOnly: true, pathRoot: root) : TextReport.Render(result),
        });
        if (format == "text")
        {
            output.Write($"Reports: {Path.GetRelativePath(root, reportDir).Replace('\\', '/')}/compliance.json, compliance.sarif\n");
        }

        // The site of a failing programme is what the auditor needs most: render it before the exit code.
        if (arguments.Value("--site") is { Length: > 0 } siteDir)
        {
            var siteOutput = format == "text" ? output : TextWriter.Null;
            if (SiteCommand.Render(result, Path.GetFullPath(siteDir), arguments.Value("--compare-to"), siteOutput) is null)
            {
                if (format != "text")
                {
                    Console.Error.WriteLine("compliance: error CMP1901: The audit site could not be written.");
                }

                return 3;
            }
        }

        return result.Passed ? 0 : 1;
    }
}
