using System;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Compliance.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Compliance.Bench;

/// <summary>
/// Where a full build's compiler time goes, in-process: run the generator, parse its output, bind the
/// declarations, bind and flow-analyse the method bodies, emit IL. Per generated file, how long its
/// method bodies take to bind, to show whether one file dominates.
/// </summary>
internal static class CompileProfile
{
    public static int Run(string dir)
    {
        var root = Path.GetFullPath(dir).TrimEnd('/') + "/";
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList();
        var compilation = CSharpCompilation.Create(
            "Programme",
            references: references,
            options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var watch = Stopwatch.StartNew();
        var driver = CSharpGeneratorDriver.Create(
            new[] { new ProgrammeGenerator().AsSourceGenerator() },
            additionalTexts: IncrementalBench.LoadTexts(root),
            parseOptions: CSharpParseOptions.Default,
            optionsProvider: new IncrementalBench.OptionsProvider(root));
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var generate = watch.Elapsed.TotalMilliseconds;

        watch.Restart();
        var trees = output.SyntaxTrees.ToList();
        foreach (var tree in trees)
        {
            _ = tree.GetRoot();
        }

        var parse = watch.Elapsed.TotalMilliseconds;

        watch.Restart();
        var declarationErrors = output.GetDeclarationDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
        var declare = watch.Elapsed.TotalMilliseconds;

        Console.WriteLine($"{"generated file",-34} {"KiB",7} {"bind bodies ms",15}");
        var bind = 0.0;
        foreach (var tree in trees)
        {
            watch.Restart();
            var model = output.GetSemanticModel(tree);
            var errors = model.GetMethodBodyDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
            var ms = watch.Elapsed.TotalMilliseconds;
            bind += ms;
            Console.WriteLine($"{Path.GetFileName(tree.FilePath),-34} {tree.Length / 1024.0,7:0} {ms,15:0}{(errors > 0 ? $"  ({errors} errors)" : string.Empty)}");
        }

        watch.Restart();
        using var peStream = new MemoryStream();
        var emitResult = output.Emit(peStream);
        var emit = watch.Elapsed.TotalMilliseconds;

        Console.WriteLine();
        Console.WriteLine($"generator diagnostics: {generatorDiagnostics.Length}; declaration errors: {declarationErrors}; emit {(emitResult.Success ? "succeeded" : "FAILED")}, {peStream.Length / 1024.0 / 1024.0:0.0} MiB");
        foreach (var diagnostic in emitResult.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(3))
        {
            Console.WriteLine($"  {diagnostic}");
        }

        Console.WriteLine(FormattableString.Invariant($"RESULT generate_ms={generate:0} parse_ms={parse:0} declare_ms={declare:0} bind_bodies_ms={bind:0} emit_ms={emit:0}"));
        return emitResult.Success ? 0 : 1;
    }
}
