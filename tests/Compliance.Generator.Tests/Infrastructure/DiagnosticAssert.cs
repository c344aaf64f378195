using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Compliance.Generator.Tests.Infrastructure;

/// <summary>Assertions on generator diagnostics, with positions as MSBuild prints them: 1-based line and column.</summary>
internal static class DiagnosticAssert
{
    /// <summary>The one diagnostic with this ID; fails (listing all diagnostics) when there are none or several.</summary>
    public static Diagnostic Single(GeneratorRun run, string id)
    {
        var matches = run.Diagnostics.Where(d => d.Id == id).ToList();
        Assert.True(matches.Count == 1, $"Expected exactly one {id}, found {matches.Count}. All diagnostics:\n{run.Describe()}");
        return matches[0];
    }

    /// <summary>Asserts the rule, severity and position: the file under /repo/ and the 1-based line and column.</summary>
    public static void At(Diagnostic diagnostic, string id, DiagnosticSeverity severity, string relativePath, int line, int column)
    {
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(severity, diagnostic.Severity);
        Assert.True(diagnostic.Location.IsInSource || diagnostic.Location.Kind == LocationKind.ExternalFile, $"{id} has no file location: {GeneratorRun.Format(diagnostic)}");
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(GeneratorHarness.PathOf(relativePath), span.Path);
        Assert.Equal((line, column), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
    }

    public static Diagnostic SingleAt(GeneratorRun run, string id, DiagnosticSeverity severity, string relativePath, int line, int column)
    {
        var diagnostic = Single(run, id);
        At(diagnostic, id, severity, relativePath, line, column);
        return diagnostic;
    }

    public static string Message(Diagnostic diagnostic) => diagnostic.GetMessage(CultureInfo.InvariantCulture);

    /// <summary>The sorted IDs of every diagnostic, to assert that an input causes exactly the expected findings.</summary>
    public static string[] Ids(GeneratorRun run) => run.Diagnostics.Select(d => d.Id).OrderBy(id => id, System.StringComparer.Ordinal).ToArray();

    /// <summary>The files every run emits, whatever the input: one per registered output.</summary>
    public static readonly string[] CoreOutputs =
    {
        "Compliance.Controls.g.cs", "Compliance.Programme.g.cs", "Compliance.Registries.g.cs", "Compliance.Requirements.g.cs", "Compliance.RuntimeTypes.g.cs",
    };

    /// <summary>The generator did not throw (no CS8785, no CMP0099), emitted every output, and what it emitted compiles.</summary>
    public static void DidNotCrash(GeneratorRun run)
    {
        Assert.DoesNotContain(run.Diagnostics, d => d.Id is "CS8785" or "CMP0099");
        Assert.True(run.CompilationErrors.IsEmpty, string.Join("\n", run.CompilationErrors.Select(GeneratorRun.Format)));
        Assert.Empty(CoreOutputs.Except(run.Sources.Select(s => s.HintName)));
    }
}
