using System;
using System.Diagnostics;
using System.Linq;
using Compliance.Engine;
using Compliance.Engine.Git;
using Compliance.Engine.Loading;

// usage: Compliance.GateBench baseline|check|check-warm|provenance|period ROOT [AS_OF]
// baseline: read and parse every programme YAML file once (what any tool must do at the least).
// check: the whole gate, provenance and retention included.
// period: the same check with the 12 months up to the as-of date as the audit period (issue 17).
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: Compliance.GateBench baseline|check|check-warm|provenance|period ROOT [AS_OF]");
    return 2;
}

var root = System.IO.Path.GetFullPath(args[1]);
var asOf = args.Length > 2 ? DateOnly.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : new DateOnly(2026, 11, 1);
var watch = Stopwatch.StartNew();
string detail;
switch (args[0])
{
    case "baseline":
        var programme = ProgrammeLoader.Load(root);
        detail = $"{programme.Controls.Count} controls, {programme.Evidence.Count} sidecars, {programme.Findings.Count} findings";
        break;
    case "provenance":
        var provenance = ProvenanceReader.Read(root);
        detail = $"{provenance.CommitsWalked} commits, {provenance.Paths.Count} paths, {provenance.Deletions.Count} deletions";
        break;
    case "check":
        var result = ComplianceCheck.Run(new CheckOptions(root, asOf));
        detail = $"{result.Artifacts.Count} artifacts, {result.Provenance.CommitsWalked} commits, {result.Errors} errors, {result.Warnings} warnings";
        break;
    case "period":
        var year = new Compliance.Engine.Period.DayRange(asOf.AddYears(-1).AddDays(1), asOf);
        var periodResult = ComplianceCheck.Run(new CheckOptions(root, asOf) { Period = year });
        detail = $"period {year}: {periodResult.Period!.Requirements.Count} requirements, {periodResult.Period.Exceptions.Count} exceptions, {periodResult.Period.Populations.Sum(p => p.Items.Count)} population items, {periodResult.Provenance.CommitsWalked} commits";
        break;
    case "check-warm":
        // The provenance cache keyed on the commit, as a second build of the same commit finds it.
        var cache = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "compliance-gatebench-cache");
        if (System.IO.Directory.Exists(cache))
        {
            System.IO.Directory.Delete(cache, recursive: true);
        }

        ComplianceCheck.Run(new CheckOptions(root, asOf) { CacheDirectory = cache });
        watch.Restart();
        var warm = ComplianceCheck.Run(new CheckOptions(root, asOf) { CacheDirectory = cache });
        detail = $"{warm.Artifacts.Count} artifacts, second run with the provenance cache, {warm.Errors} errors";
        break;
    default:
        Console.Error.WriteLine($"unknown mode {args[0]}");
        return 2;
}

watch.Stop();
using var self = Process.GetCurrentProcess();
Console.WriteLine($"{args[0]}: {watch.Elapsed.TotalSeconds:F2} s, peak working set {self.PeakWorkingSet64 / (1024 * 1024)} MiB ({detail})");
return 0;
