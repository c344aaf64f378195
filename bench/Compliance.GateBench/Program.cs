using System;
using System.Diagnostics;
using System.Linq;
using Compliance.Engine;
using Compliance.Engine.Git;
using Compliance.Engine.Loading;

// usage: Compliance.GateBench baseline|check|provenance ROOT [AS_OF]
// baseline: read and parse every programme YAML file once (what any tool must do at the least).
// check: the whole gate, provenance and retention included.
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: Compliance.GateBench baseline|check|provenance ROOT [AS_OF]");
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
    default:
        Console.Error.WriteLine($"unknown mode {args[0]}");
        return 2;
}

watch.Stop();
using var self = Process.GetCurrentProcess();
Console.WriteLine($"{args[0]}: {watch.Elapsed.TotalSeconds:F2} s, peak working set {self.PeakWorkingSet64 / (1024 * 1024)} MiB ({detail})");
return 0;
