using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Compliance.Generator.Tests.Infrastructure;

/// <summary>
/// Runs the generator the way the compiler does: in-memory AdditionalFiles under /repo/, marked
/// ComplianceSource=true, with ComplianceRoot=/repo/ and a ComplianceNamespace, against a compilation
/// that references the running .NET's assemblies, so the generated code is compiled too.
/// </summary>
internal static class GeneratorHarness
{
    public const string Root = "/repo/";
    public const string Namespace = "Test.Compliance";

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    /// <summary>The shared framework's assemblies (not the test's own NuGet dependencies), as a net10.0 project would see them.</summary>
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => string.Equals(Path.GetDirectoryName(path), Path.GetDirectoryName(typeof(object).Assembly.Location), StringComparison.Ordinal))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray());

    /// <summary>A path under the fake repository root; absolute paths are kept.</summary>
    public static string PathOf(string relative) => relative.StartsWith('/') ? relative : Root + relative;

    public static InMemoryAdditionalText File(string relative, string text) => new(PathOf(relative), text);

    public static GeneratorRun Run(params (string Path, string Text)[] files) =>
        Run(files.Select(f => File(f.Path, f.Text)));

    public static GeneratorRun Run(IEnumerable<InMemoryAdditionalText> files, string @namespace = Namespace)
    {
        var driver = CreateDriver(files, @namespace);
        return RunDriver(driver, CreateCompilation());
    }

    /// <summary>
    /// The empty programme compilation. One immutable instance is shared: the compilations the driver derives
    /// from it (AddSyntaxTrees) reuse its bound references, which saves about half a second a run.
    /// </summary>
    public static CSharpCompilation CreateCompilation() => EmptyCompilation.Value;

    private static readonly Lazy<CSharpCompilation> EmptyCompilation = new(() => CSharpCompilation.Create(
        "Test.Programme",
        syntaxTrees: Array.Empty<SyntaxTree>(),
        references: References.Value,
        options: new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable,
            deterministic: true)));

    public static GeneratorDriver CreateDriver(IEnumerable<InMemoryAdditionalText> files, string @namespace = Namespace, string root = Root)
    {
        var globalOptions = new Dictionary<string, string>
        {
            ["build_property.ComplianceNamespace"] = @namespace,
            ["build_property.ComplianceRoot"] = root,
        };

        return CSharpGeneratorDriver.Create(
            generators: new[] { new ProgrammeGenerator().AsSourceGenerator() },
            additionalTexts: files.Cast<AdditionalText>(),
            parseOptions: ParseOptions,
            optionsProvider: new TestAnalyzerConfigOptionsProvider(globalOptions),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    /// <summary>Runs the driver on the compilation and collects what the generator produced and what the compiler then says.</summary>
    public static GeneratorRun RunDriver(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var driverDiagnostics);
        var result = driver.GetRunResult();
        var sources = result.Results.Single().GeneratedSources
            .Select(s => new GeneratedFile(s.HintName, s.SourceText.ToString()))
            .ToImmutableArray();
        var compilerErrors = output.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .ToImmutableArray();
        return new GeneratorRun(driver, result, driverDiagnostics, sources, output, compilerErrors);
    }
}

/// <summary>One generated file: the hint name given to AddSource, and its text.</summary>
internal sealed record GeneratedFile(string HintName, string Text);

/// <summary>What one generator run produced.</summary>
/// <param name="Diagnostics">What the generator reported (and CS8785 if it threw).</param>
/// <param name="CompilationErrors">Errors of the compilation with the generated code added: must be empty for valid output.</param>
internal sealed record GeneratorRun(
    GeneratorDriver Driver,
    GeneratorDriverRunResult RunResult,
    ImmutableArray<Diagnostic> Diagnostics,
    ImmutableArray<GeneratedFile> Sources,
    Compilation Output,
    ImmutableArray<Diagnostic> CompilationErrors)
{
    public string Source(string hintName) => Sources.Single(s => s.HintName == hintName).Text;

    /// <summary>Every file of the partial class Controls (one per controls YAML file, and the one with All), in hint-name order.</summary>
    public string ControlsSource() => string.Concat(Sources.Where(s => s.HintName.StartsWith("Compliance.Controls.", System.StringComparison.Ordinal)).OrderBy(s => s.HintName, System.StringComparer.Ordinal).Select(s => s.Text));

    /// <summary>The diagnostics as MSBuild would print them, one a line, for assertion messages.</summary>
    public string Describe() => string.Join("\n", Diagnostics.Select(Format));

    public static string Format(Diagnostic d)
    {
        var span = d.Location.GetLineSpan();
        var where = d.Location == Location.None ? string.Empty : $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): ";
        return $"{where}{d.Severity.ToString().ToLowerInvariant()} {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }
}
