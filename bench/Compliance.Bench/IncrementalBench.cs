using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Compliance.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Compliance.Bench;

/// <summary>
/// Times the generator in-process with <see cref="CSharpGeneratorDriver"/>: full runs on a fresh driver,
/// then one-file edits on a kept driver in two modes:
/// <list type="bullet">
/// <item>ide: only the edited AdditionalText is replaced, as an IDE does;</item>
/// <item>build: every AdditionalText is a new object that reads its file from disk, as in each new compilation of a
/// command-line build whose generator driver is kept by the compiler server.</item>
/// </list>
/// Then one edit with step tracking, to show which step the time goes to.
/// </summary>
internal static class IncrementalBench
{
    public static int Run(string dir, int iterations, int fullRuns)
    {
        var root = Path.GetFullPath(dir).TrimEnd('/') + "/";
        var paths = ProgrammeFiles(root);
        var controlFiles = paths.Where(p => p.StartsWith(root + "controls/", StringComparison.Ordinal) && !p.Contains("/frameworks/", StringComparison.Ordinal) && File.ReadAllText(p).Contains("\ncontrols:", StringComparison.Ordinal)).ToList();
        if (controlFiles.Count == 0)
        {
            Console.Error.WriteLine($"No control files under {root}controls/: write a programme first.");
            return 2;
        }

        var totalBytes = paths.Sum(p => new FileInfo(p).Length);
        Console.WriteLine($"programme: {root} ({paths.Count} files, {totalBytes / 1024.0 / 1024.0:0.0} MiB, {controlFiles.Count} control files)");
        Console.WriteLine($"roslyn: Microsoft.CodeAnalysis {typeof(Compilation).Assembly.GetName().Version}, runtime {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}");

        var options = new OptionsProvider(root);
        var compilation = CSharpCompilation.Create(
            "Programme",
            references: new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
            options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var parseOptions = CSharpParseOptions.Default;

        // Full runs: a fresh driver each time. The first also pays for JIT compilation, as a cold compiler does.
        var full = new List<double>();
        GeneratorDriver driver = null!;
        for (var run = 0; run <= fullRuns; run++)
        {
            var texts = paths.Select(p => (AdditionalText)new FileText(p)).ToImmutableArray();
            driver = CreateDriver(texts, parseOptions, options, track: false);
            var watch = Stopwatch.StartNew();
            driver = driver.RunGenerators(compilation);
            watch.Stop();
            full.Add(watch.Elapsed.TotalMilliseconds);
        }

        var result = driver.GetRunResult();
        var errors = result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var warnings = result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
        var generatedBytes = result.GeneratedTrees.Sum(t => t.Length);
        Console.WriteLine($"generator output: {result.GeneratedTrees.Length} files, {generatedBytes / 1024.0 / 1024.0:0.0} MiB of C#; {errors} errors, {warnings} warnings");
        foreach (var diagnostic in result.Diagnostics.Take(5))
        {
            Console.WriteLine($"  {diagnostic}");
        }

        if (result.Diagnostics.Any(d => d.Id is "CS8784" or "CS8785") || result.GeneratedTrees.IsEmpty)
        {
            Console.Error.WriteLine("The generator failed to load or to run, so there is nothing to time.");
            return 1;
        }

        if (errors > 0)
        {
            Console.Error.WriteLine("The programme does not build clean, so the figures would not be those of a passing build.");
            return 1;
        }

        // One-file edits, IDE style: the same driver, one AdditionalText replaced.
        var ideTexts = paths.ToDictionary(p => p, p => (AdditionalText)new FileText(p), StringComparer.Ordinal);
        driver = CreateDriver(ideTexts.Values.ToImmutableArray(), parseOptions, options, track: false).RunGenerators(compilation);
        var ide = new List<double>();
        for (var i = 0; i < iterations; i++)
        {
            var path = controlFiles[i % controlFiles.Count];
            var edited = new FileText(path, Edit(File.ReadAllText(path), i));
            driver = driver.ReplaceAdditionalText(ideTexts[path], edited);
            ideTexts[path] = edited;
            var watch = Stopwatch.StartNew();
            driver = driver.RunGenerators(compilation);
            watch.Stop();
            ide.Add(watch.Elapsed.TotalMilliseconds);
        }

        // One-file edits, build style: the file is edited on disk and every text is new, read from disk when asked.
        var backups = controlFiles.ToDictionary(p => p, File.ReadAllText, StringComparer.Ordinal);
        var build = new List<double>();
        try
        {
            var texts = paths.Select(p => (AdditionalText)new FileText(p)).ToImmutableArray();
            driver = CreateDriver(texts, parseOptions, options, track: false).RunGenerators(compilation);
            for (var i = 0; i < iterations; i++)
            {
                var path = controlFiles[i % controlFiles.Count];
                File.WriteAllText(path, Edit(backups[path], i));
                var fresh = paths.Select(p => (AdditionalText)new FileText(p)).ToImmutableArray();
                var watch = Stopwatch.StartNew();
                driver = driver.ReplaceAdditionalTexts(fresh).RunGenerators(compilation);
                watch.Stop();
                build.Add(watch.Elapsed.TotalMilliseconds);
                File.WriteAllText(path, backups[path]);
            }
        }
        finally
        {
            foreach (var (path, text) in backups)
            {
                File.WriteAllText(path, text);
            }
        }

        // Where an edit's time goes: one tracked edit (tracking adds a little overhead of its own).
        var trackedTexts = paths.ToDictionary(p => p, p => (AdditionalText)new FileText(p), StringComparer.Ordinal);
        var tracked = CreateDriver(trackedTexts.Values.ToImmutableArray(), parseOptions, options, track: true).RunGenerators(compilation);
        var editedPath = controlFiles[0];
        tracked = tracked.ReplaceAdditionalText(trackedTexts[editedPath], new FileText(editedPath, Edit(File.ReadAllText(editedPath), 999)));
        tracked = tracked.RunGenerators(compilation);
        var steps = tracked.GetRunResult().Results[0].TrackedSteps;

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine();
        Console.WriteLine($"{"run",-36} {"n",4} {"median ms",10} {"p95 ms",8} {"max ms",8}");
        Row("full run, first (cold JIT)", full.Take(1).ToList());
        Row("full run, warm (fresh driver)", full.Skip(1).ToList());
        Row("one-file edit, ide (1 text replaced)", ide);
        Row("one-file edit, build (all texts new)", build);
        Console.WriteLine($"peak working set: {process.PeakWorkingSet64 / 1024.0 / 1024.0:0} MiB; GC heap after: {GC.GetTotalMemory(forceFullCollection: false) / 1024.0 / 1024.0:0} MiB");
        Console.WriteLine();
        Console.WriteLine("tracked one-file edit (ide), by step:");
        Console.WriteLine($"  {"step",-20} {"ms",8}  outputs");
        foreach (var name in Compliance.Generator.Pipeline.StepNames.All)
        {
            if (!steps.TryGetValue(name, out var runs))
            {
                continue;
            }

            var ms = runs.Sum(r => r.ElapsedTime.TotalMilliseconds);
            var reasons = runs.SelectMany(r => r.Outputs).GroupBy(o => o.Reason).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}");
            Console.WriteLine($"  {name,-20} {ms,8:0.0}  {string.Join(", ", reasons)}");
        }

        Console.WriteLine();
        Console.WriteLine(FormattableString.Invariant($"RESULT full_median_ms={Median(full.Skip(1).ToList()):0.0} full_p95_ms={P95(full.Skip(1).ToList()):0.0} full_first_ms={full[0]:0.0} ide_edit_median_ms={Median(ide):0.0} ide_edit_p95_ms={P95(ide):0.0} build_edit_median_ms={Median(build):0.0} build_edit_p95_ms={P95(build):0.0} peak_ws_mib={process.PeakWorkingSet64 / 1024.0 / 1024.0:0}"));
        return 0;
    }

    /// <summary>
    /// The work a one-file edit re-does, stage by stage, outside the driver: re-parse the edited file, re-link the
    /// whole programme, compare the unchanged parts, re-emit the edited file's part of Controls, and parse that generated C# (which the
    /// driver defers and the compiler then pays). The driver's step tracking sees only the first two; emitting happens
    /// in RegisterSourceOutput. Run in a process of its own, after enough warm-up rounds for tiered JIT to optimise the hot code, so JIT and the heap left by the
    /// driver runs do not colour the figures.
    /// </summary>
    public static int Stages(string dir, int iterations)
    {
        var root = Path.GetFullPath(dir).TrimEnd('/') + "/";
        var paths = ProgrammeFiles(root);
        var editedPath = paths.First(p => p.StartsWith(root + "controls/", StringComparison.Ordinal) && !p.Contains("/frameworks/", StringComparison.Ordinal) && File.ReadAllText(p).Contains("\ncontrols:", StringComparison.Ordinal));
        const int warmUp = 15;
        var texts = paths.ToDictionary(p => p, File.ReadAllText, StringComparer.Ordinal);
        var parsed = paths.Select(p => Compliance.Model.Parsing.ProgrammeFileParser.Parse(p, texts[p])).ToList();
        var editedIndex = paths.IndexOf(editedPath);
        var generatorOptions = new Compliance.Generator.Pipeline.GeneratorOptions(ProgrammeWriter.Namespace, root);
        var parse = new List<double>();
        var link = new List<double>();
        var emit = new List<double>();
        var parseCs = new List<double>();
        var compare = new List<double>();
        var emittedChars = 0;
        var baseline = Compliance.Model.Linking.ProgrammeLinker.Link(parsed);
        var lastEmitted = string.Empty;
        for (var i = 0; i < iterations + warmUp; i++)
        {
            if (i == warmUp)
            {
                foreach (var list in new[] { parse, link, emit, compare })
                {
                    list.Clear();
                }
            }

            var watch = Stopwatch.StartNew();
            var reparsed = Compliance.Model.Parsing.ProgrammeFileParser.Parse(editedPath, Edit(texts[editedPath], i));
            parse.Add(watch.Elapsed.TotalMilliseconds);
            var previous = parsed[editedIndex];
            parsed[editedIndex] = reparsed;

            watch.Restart();
            var linked = Compliance.Model.Linking.ProgrammeLinker.Link(parsed);
            link.Add(watch.Elapsed.TotalMilliseconds);

            // What the driver does to decide the other generated files are unchanged: compare the parts by value.
            watch.Restart();
            var unchanged = Compliance.Generator.Emit.RequirementsLayout.From(linked).Equals(Compliance.Generator.Emit.RequirementsLayout.From(baseline))
                && Compliance.Generator.Emit.RegistriesPart.From(linked).Equals(Compliance.Generator.Emit.RegistriesPart.From(baseline))
                && linked.Findings.Equals(baseline.Findings);
            compare.Add(watch.Elapsed.TotalMilliseconds);
            if (!unchanged)
            {
                throw new InvalidOperationException("A title edit changed more than the controls: the bench's edit is not the one it claims to be.");
            }

            watch.Restart();
            // The driver re-emits only the edited file's part of the partial class Controls (one per controls YAML file).
            var layout = Compliance.Generator.Emit.ControlsLayout.From(linked, generatorOptions);
            var part = layout.Files.Single(f => f.Controls.Any(c => c.Control.Id.Span.Path == editedPath));
            var emitted = Compliance.Generator.Emit.ControlsEmitter.EmitFile(part, generatorOptions);
            emit.Add(watch.Elapsed.TotalMilliseconds);
            emittedChars = emitted.Text.Length;
            lastEmitted = emitted.Text;
            parsed[editedIndex] = previous;
        }

        // Then what the compiler does with the new generated file: parse it. Measured in a loop of its own, because the
        // syntax tree is large and collecting it would otherwise be charged to the next round's emit.
        for (var i = 0; i < iterations + warmUp; i++)
        {
            var watch = Stopwatch.StartNew();
            var tree = CSharpSyntaxTree.ParseText(lastEmitted);
            _ = tree.GetRoot();
            if (i >= warmUp)
            {
                parseCs.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        Console.WriteLine($"one-file edit of {Path.GetRelativePath(root, editedPath)}, by stage (outside the driver; {warmUp} warm-up rounds):");
        Console.WriteLine($"{"stage",-36} {"n",4} {"median ms",10} {"p95 ms",8} {"max ms",8}");
        Row("parse the edited YAML file", parse);
        Row("link the whole programme", link);
        Row("compare unchanged parts (value eq.)", compare);
        Row($"emit the file's controls ({emittedChars / 1024.0:0} KiB)", emit);
        Row("(compiler) parse the new file", parseCs);
        Console.WriteLine();
        Console.WriteLine(FormattableString.Invariant($"RESULT parse_yaml_ms={Median(parse):0.0} link_ms={Median(link):0.0} compare_ms={Median(compare):0.0} emit_controls_ms={Median(emit):0.0} parse_generated_ms={Median(parseCs):0.0} emitted_kib={emittedChars / 1024.0:0}"));
        return 0;
    }

    private static GeneratorDriver CreateDriver(ImmutableArray<AdditionalText> texts, CSharpParseOptions parseOptions, AnalyzerConfigOptionsProvider options, bool track) =>
        CSharpGeneratorDriver.Create(
            new[] { new ProgrammeGenerator().AsSourceGenerator() },
            additionalTexts: texts,
            parseOptions: parseOptions,
            optionsProvider: options,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: track));

    /// <summary>Changes the first control's title in the file: a real edit that changes the generated controls.</summary>
    private static string Edit(string text, int revision)
    {
        const string marker = "    title: ";
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        var end = text.IndexOf('\n', at);
        return text.Substring(0, end) + $" rev {revision}" + text.Substring(end);
    }

    /// <summary>The files the Sdk targets hand to the generator: controls/**/*.yaml|yml and policies/**/*.yaml|yml|md.</summary>
    private static List<string> ProgrammeFiles(string root)
    {
        static IEnumerable<string> Under(string dir, params string[] extensions) => Directory.Exists(dir)
            ? Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Where(f => extensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            : Enumerable.Empty<string>();

        return Under(root + "controls", ".yaml", ".yml")
            .Concat(Under(root + "policies", ".yaml", ".yml", ".md"))
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();
    }

    private static void Row(string name, List<double> values) =>
        Console.WriteLine(FormattableString.Invariant($"{name,-36} {values.Count,4} {Median(values),10:0.0} {P95(values),8:0.0} {values.Max(),8:0.0}"));

    private static double Median(List<double> values) => Percentile(values, 0.5);

    private static double P95(List<double> values) => Percentile(values, 0.95);

    /// <summary>Nearest-rank percentile.</summary>
    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.OrderBy(v => v).ToList();
        var rank = (int)Math.Ceiling(p * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    /// <summary>An additional file that reads its text from disk the first time it is asked, as the compiler's own does.</summary>
    internal static ImmutableArray<AdditionalText> LoadTexts(string root) =>
        ProgrammeFiles(root).Select(p => (AdditionalText)new FileText(p)).ToImmutableArray();

    private sealed class FileText : AdditionalText
    {
        private readonly string? _text;
        private SourceText? _loaded;

        public FileText(string path, string? text = null)
        {
            Path = path;
            _text = text;
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) =>
            _loaded ??= SourceText.From(_text ?? File.ReadAllText(Path), Encoding.UTF8);
    }

    /// <summary>The MSBuild properties and item metadata that the Sdk targets make visible to the generator.</summary>
    internal sealed class OptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly Options _global;
        private readonly Options _file = new(new Dictionary<string, string> { ["build_metadata.AdditionalFiles.ComplianceSource"] = "true" });
        private readonly Options _none = new(new Dictionary<string, string>());

        public OptionsProvider(string root) => _global = new Options(new Dictionary<string, string>
        {
            ["build_property.ComplianceNamespace"] = ProgrammeWriter.Namespace,
            ["build_property.ComplianceRoot"] = root,
            ["build_property.RootNamespace"] = "Programme",
        });

        public override AnalyzerConfigOptions GlobalOptions => _global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _none;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _file;
    }

    private sealed class Options : AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> _values;

        public Options(Dictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
    }
}
