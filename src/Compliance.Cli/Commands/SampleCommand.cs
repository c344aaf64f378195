using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using Compliance.Cli.Syntax;
using Compliance.Engine;
using Compliance.Engine.Reports;
using Compliance.Engine.Sampling;

namespace Compliance.Cli.Commands;

/// <summary>
/// compliance sample --period START..END [--seed S] [--sizes FREQ=N,...] [--root DIR] [--as-of YYYY-MM-DD] [--out DIR]
/// Draws the period's deterministic samples and writes the populations, the samples and the PBC request
/// list as CSV and JSON (default artifacts/compliance/period/). Without --seed the seed is the head
/// commit's SHA. The seed is printed so the auditor can re-derive the samples (docs/period.md).
/// Exit code 0: written. 2: wrong usage. 3: no git history to sample from.
/// </summary>
public static class SampleCommand
{
    public static Command Create(TextWriter output, Func<DateTime> utcNow)
    {
        var command = new Command("sample", "Draws the period's deterministic samples and writes the populations, the samples and the PBC request list as CSV and JSON.")
        {
            CliOptions.Value("--period", "START..END", "The audit period to sample, both ends inclusive (required)."),
            CliOptions.Value("--seed", "S", "The sampling seed (default: the head commit's SHA); it is printed so the auditor can draw the same samples."),
            CliOptions.Value("--sizes", "FREQ=N,...", "Sample sizes per control frequency, replacing the defaults."),
            CliOptions.Root(),
            CliOptions.AsOf("The date to check as of (default: the period's end)."),
            CliOptions.Value("--out", "DIR", "Where to write (default: ROOT/artifacts/compliance/period)."),
        };
        command.SetAction(parsed => Execute(new ParsedArguments(parsed), output, utcNow));
        return command;
    }

    public static int Run(IReadOnlyList<string> args, TextWriter output, Func<DateTime> utcNow) =>
        CommandInvoker.Run(Create(output, utcNow), args);

    private static int Execute(ParsedArguments arguments, TextWriter output, Func<DateTime> utcNow)
    {
        var root = Path.GetFullPath(arguments.Value("--root") ?? Directory.GetCurrentDirectory());
        if (!Directory.Exists(root))
        {
            throw new UsageException($"The programme root '{root}' does not exist.");
        }

        var period = PeriodOption.Resolve(arguments.Value("--period")) ?? throw new UsageException("compliance sample needs --period START..END.");
        var sizes = SampleSizeTable.Parse(arguments.Value("--sizes"), out var sizeError) ?? throw new UsageException($"--sizes: {sizeError}");

        // The as-of date defaults to the period's last day: the day the auditor's period closes.
        var asOf = arguments.Value("--as-of") is { } text ? Clock.ResolveAsOf(text, utcNow) : period.End;
        var result = ComplianceCheck.Run(new CheckOptions(root, asOf) { Period = period, SampleSeed = arguments.Value("--seed"), SampleSizes = sizes });
        if (result.Period is not { UnavailableReason: null, Samples: { } samples })
        {
            Console.Error.WriteLine($"compliance: error CMP1001: The period cannot be sampled: {result.Period?.UnavailableReason ?? result.Provenance.UnavailableReason}.");
            return 3;
        }

        var seed = samples.Seed;
        var outDir = Path.GetFullPath(arguments.Value("--out") ?? Path.Combine(root, "artifacts", "compliance", "period"));
        foreach (var (name, content) in SampleExports.Render(period, samples))
        {
            AtomicFile.WriteAllText(Path.Combine(outDir, name), content);
        }

        output.Write($"Period {period} ({period.Days} days), seed {seed}\n");
        foreach (var sample in samples.Samples.Where(s => s.Population.Items.Count > 0))
        {
            output.Write($"  {sample.Population.Id}: {sample.Size} of {sample.Population.Items.Count} ({ControlFrequencies.Name(sample.Population.Frequency)})\n");
        }

        output.Write($"Re-derive an item's score: printf '%s\\n%s\\n%s' SEED POPULATION ITEM_KEY | sha256sum; the sample is the items with the smallest scores.\n");
        output.Write($"Wrote {Path.GetRelativePath(root, outDir).Replace('\\', '/')}/populations, samples and pbc (.csv, .json)\n");
        return 0;
    }
}
