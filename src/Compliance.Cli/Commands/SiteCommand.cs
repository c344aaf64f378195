using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.CommandLine;
using System.IO;
using Compliance.Cli.Syntax;
using Compliance.Engine;
using Compliance.Site;
using Compliance.Site.Output;

namespace Compliance.Cli.Commands;

/// <summary>
/// compliance site [--root DIR] [--as-of YYYY-MM-DD] [--out DIR] [--compare-to REF|YYYY-MM-DD]
///                 [--baa-warning-days N] [--evidence-warning-days N] [--policy-warning-days N]
/// Runs the check and renders the static audit site, whether or not the programme passes: auditors
/// need the site of a failing programme too. Exit code 0: the site was written. 2: wrong usage.
/// 3: the check or the site failed.
/// </summary>
public static class SiteCommand
{

    /// <param name="progress">Where the history walk and the page render report progress; null: nowhere.</param>
    public static Command Create(TextWriter output, Func<DateTime> utcNow, Engine.Progress.IWorkProgress? progress = null)
    {
        var command = new Command("site", "Runs the check and renders the static audit site, whether or not the programme passes. Exit 3 when the check or the site failed.")
        {
            CliOptions.Root(),
            CliOptions.AsOf(),
            CliOptions.Value("--out", "DIR", "Where to render the site (default: ROOT/artifacts/site)."),
            CliOptions.Value("--compare-to", "REF|YYYY-MM-DD", "The base commit or date the site shows changes since."),
            CliOptions.Period(),
            CliOptions.Value("--seed", "S", "The period's sampling seed (default: the head commit's SHA)."),
            WarningDays.Baa(),
            WarningDays.Evidence(),
            WarningDays.Policy(),
        };
        command.SetAction(parsed => Execute(new ParsedArguments(parsed), output, utcNow, progress));
        return command;
    }

    /// <inheritdoc cref="Create"/>
    public static int Run(IReadOnlyList<string> args, TextWriter output, Func<DateTime> utcNow, Engine.Progress.IWorkProgress? progress = null) =>
        CommandInvoker.Run(Create(output, utcNow, progress), args);

    private static int Execute(ParsedArguments arguments, TextWriter output, Func<DateTime> utcNow, Engine.Progress.IWorkProgress? progress)
    {
        var root = Path.GetFullPath(arguments.Value("--root") ?? Directory.GetCurrentDirectory());
        if (!Directory.Exists(root))
        {
            throw new UsageException($"The programme root '{root}' does not exist.");
        }

        var options = new CheckOptions(root, Clock.ResolveAsOf(arguments.Value("--as-of"), utcNow))
        {
            BaaWarningDays = arguments.Int("--baa-warning-days", 60),
            EvidenceWarningDays = arguments.Int("--evidence-warning-days", 14),
            PolicyWarningDays = arguments.Int("--policy-warning-days", 30),
            Period = PeriodOption.Resolve(arguments.Value("--period")),
            SampleSeed = arguments.Value("--seed"),
            Progress = progress ?? Engine.Progress.NoProgress.Instance,
        };

        var checkTime = Stopwatch.StartNew();
        var result = ComplianceCheck.Run(options);
        checkTime.Stop();
        var outDir = Path.GetFullPath(arguments.Value("--out") ?? Path.Combine(root, "artifacts", "site"));
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var renderTime = Stopwatch.StartNew();
        var site = Render(result, outDir, arguments.Value("--compare-to"), output);
        renderTime.Stop();
        var renderCpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        if (site is null)
        {
            return 3;
        }

        var seconds = renderTime.Elapsed.TotalSeconds;
        output.Write(string.Create(CultureInfo.InvariantCulture,
            $"Check: {result.Errors} error(s), {result.Warnings} warning(s) in {checkTime.Elapsed.TotalMilliseconds:0} ms.\n" +
            $"Rendered {site.Pages} pages in {renderTime.Elapsed.TotalMilliseconds:0} ms ({site.Pages / Math.Max(seconds, 1e-6):0} pages/s; {renderCpu.TotalMilliseconds:0} ms of CPU on {Environment.ProcessorCount} cores); {site.Files} files, {site.Bytes / 1024.0 / 1024.0:0.0} MiB, search index {site.SearchIndexBytes / 1024.0:0} KiB, {site.CopiedArtifacts} artifacts copied; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:0} MiB.\n"));
        foreach (var (phase, ms, cpu) in site.Timings)
        {
            output.Write(string.Create(CultureInfo.InvariantCulture, $"  {phase}: {ms:0} ms ({cpu:0} ms of CPU)\n"));
        }

        return 0;
    }

    /// <summary>Renders the site and prints where it is; a site that cannot be written is a canonical error line, and null.</summary>
    public static SiteResult? Render(CheckResult result, string outDir, string? compareTo, TextWriter output)
    {
        try
        {
            var site = SiteGenerator.Render(result, new SiteOptions(outDir) { CompareTo = string.IsNullOrWhiteSpace(compareTo) ? null : compareTo, Progress = result.Options.Progress });
            foreach (var warning in site.Warnings)
            {
                output.Write($"Site note: {warning}\n");
            }

            output.Write($"Site: {Display(result.Options.Root, site.IndexPath)} ({site.Pages} pages{(site.RemovedFiles > 0 ? $", {site.RemovedFiles} stale files removed" : string.Empty)})\n");
            return site;
        }
        catch (Exception ex) when (ex is SiteException or IOException or UnauthorizedAccessException)
        {
            output.Write($"compliance: error CMP1901: The audit site could not be written: {ex.Message.ReplaceLineEndings(" ")} Fix: choose an output folder of the site's own (an empty folder, or one a previous run wrote), outside controls/, policies/, evidence/ and site/.\n");
            return null;
        }
    }

    private static string Display(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }
}
