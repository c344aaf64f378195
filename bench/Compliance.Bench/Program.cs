using System;
using System.Collections.Generic;
using System.Globalization;
using Compliance.Bench;

// usage:
//   Compliance.Bench write --out DIR [--controls 5000] [--vendors 500] [--policies 300] [--people 200]
//                              [--requirements 1000] [--control-files 100] [--vendor-files 5] [--gate] [--plain]
//                              (--plain: one requirement per control, no evidence requirements; bench/compare.sh)
//   Compliance.Bench incremental --dir DIR [--iterations 20] [--full-runs 10]
//   Compliance.Bench stages --dir DIR [--iterations 20]   (a one-file edit's work, stage by stage)
//   Compliance.Bench compile --dir DIR     (where a full compile's time goes: generate, parse, bind, emit)
try
{
    if (args.Length == 0)
    {
        return Usage();
    }

    var options = ParseOptions(args);
    switch (args[0])
    {
        case "write":
            var settings = new WriterSettings(
                Controls: Int(options, "controls", 5000),
                Vendors: Int(options, "vendors", 500),
                Policies: Int(options, "policies", 300),
                People: Int(options, "people", 200),
                Requirements: Int(options, "requirements", 1000),
                ControlFiles: Int(options, "control-files", 100),
                VendorFiles: Int(options, "vendor-files", 5),
                Gate: options.ContainsKey("gate"),
                Plain: options.ContainsKey("plain"));
            var written = ProgrammeWriter.Write(Required(options, "out"), settings);
            Console.WriteLine(written);
            return 0;

        case "incremental":
            return IncrementalBench.Run(Required(options, "dir"), Int(options, "iterations", 20), Int(options, "full-runs", 10));

        case "stages":
            return IncrementalBench.Stages(Required(options, "dir"), Int(options, "iterations", 20));

        case "compile":
            return CompileProfile.Run(Required(options, "dir"));

        default:
            return Usage();
    }
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return Usage();
}

static int Usage()
{
    Console.Error.WriteLine("usage: Compliance.Bench write --out DIR [--controls N] [--vendors N] [--policies N] [--people N] [--requirements N] [--control-files N] [--vendor-files N] [--gate] [--plain]");
    Console.Error.WriteLine("       Compliance.Bench incremental --dir DIR [--iterations N] [--full-runs N]");
    Console.Error.WriteLine("       Compliance.Bench stages --dir DIR [--iterations N]");
    Console.Error.WriteLine("       Compliance.Bench compile --dir DIR");
    return 2;
}

static Dictionary<string, string> ParseOptions(string[] args)
{
    var options = new Dictionary<string, string>(StringComparer.Ordinal);
    for (var i = 1; i < args.Length; i++)
    {
        if (!args[i].StartsWith("--", StringComparison.Ordinal))
        {
            throw new ArgumentException($"Unexpected argument '{args[i]}'.");
        }

        var name = args[i].Substring(2);
        var hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
        options[name] = hasValue ? args[++i] : "true";
    }

    return options;
}

static string Required(Dictionary<string, string> options, string name) =>
    options.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required.");

static int Int(Dictionary<string, string> options, string name, int fallback)
{
    if (!options.TryGetValue(name, out var text))
    {
        return fallback;
    }

    return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
        ? value
        : throw new ArgumentException($"--{name} takes a positive whole number, not '{text}'.");
}
