using System;
using System.IO;
using System.Linq;
using Compliance.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Compliance.Generator.Tests.Generator;

/// <summary>
/// Golden snapshots of every file the generator emits for the mini fixture programme
/// (Fixtures/mini), one Snapshots/Mini.&lt;hint name&gt;.verified.txt each, plus the list of files.
/// </summary>
public sealed class SnapshotTests
{
    private const string Prefix = "Mini.";

    private static readonly Lazy<GeneratorRun> Mini = new(() => GeneratorHarness.Run(Fixtures.Load("mini")));

    /// <summary>The hint names emitted for the mini programme, found by running the generator.</summary>
    public static TheoryData<string> HintNames => new(Mini.Value.Sources.Select(s => s.HintName).Order(StringComparer.Ordinal));

    [Fact]
    public void Mini_programme_file_list_matches_snapshot()
    {
        Snapshot.Match(Prefix + "files", string.Join("\n", Mini.Value.Sources.Select(s => s.HintName).Order(StringComparer.Ordinal)) + "\n");
    }

    [Theory]
    [MemberData(nameof(HintNames))]
    public void Mini_programme_generated_source_matches_snapshot(string hintName)
    {
        Snapshot.Match(Prefix + hintName, Mini.Value.Source(hintName));
    }

    [Fact]
    public void No_snapshot_is_left_for_a_file_the_generator_no_longer_emits()
    {
        var expected = Mini.Value.Sources.Select(s => $"{Prefix}{s.HintName}.verified.txt").Append($"{Prefix}files.verified.txt").ToHashSet(StringComparer.Ordinal);
        var stale = Directory.EnumerateFiles(TestPaths.Snapshots, Prefix + "*.verified.txt").Select(Path.GetFileName).Where(name => !expected.Contains(name!)).ToList();
        if (Snapshot.Accepting)
        {
            stale.ForEach(name => File.Delete(Path.Combine(TestPaths.Snapshots, name!)));
            return;
        }

        Assert.True(stale.Count == 0, $"Stale snapshots (delete them, or run with {Snapshot.AcceptVariable}=1): {string.Join(", ", stale)}");
    }

    [Fact]
    public void Mini_programme_is_clean()
    {
        Assert.True(Mini.Value.Diagnostics.IsEmpty, Mini.Value.Describe());
    }

    [Fact]
    public void Mini_programme_generated_code_compiles_without_errors_or_warnings()
    {
        var errors = Mini.Value.CompilationErrors.Select(GeneratorRun.Format).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var warnings = Mini.Value.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Warning).Select(GeneratorRun.Format).ToList();
        Assert.True(warnings.Count == 0, string.Join("\n", warnings));
        Assert.Equal(Mini.Value.Sources.Length, Mini.Value.Output.SyntaxTrees.Count());
    }
}
