using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Compliance.Generator.Pipeline;
using Compliance.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using static Compliance.Generator.Tests.Infrastructure.DiagnosticAssert;

namespace Compliance.Generator.Tests.Generator;

/// <summary>
/// A framework whose requirements span several files (framework_part) compiles to the same typed code as
/// the one file with the same requirements in the same order. Only each requirement's SourceRef differs:
/// it points at the file and line that really define it.
/// </summary>
public sealed class SplitFrameworkTests
{
    private const string Catalog = "controls/frameworks/mini-hipaa.yaml";
    private const string Administrative = "controls/frameworks/mini-hipaa/1-administrative.yaml";
    private const string Rest = "controls/frameworks/mini-hipaa/2-rest.yaml";
    private const string PartHeader = "framework_part:\n  framework: mini-hipaa\nrequirements:\n";

    // mini-hipaa's requirements, in a generated file of their own.
    private const string RequirementsFile = "Compliance.Requirements.MiniHipaa.g.cs";

    private static readonly IncrementalStepRunReason[] Reused = { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged };

    // Where a requirement was written is the one thing a split changes.
    private static readonly Regex FrameworkSourceRef = new(@"SourceRef\(""controls/frameworks/[^""]+"", [0-9]+\)", RegexOptions.CultureInvariant);

    /// <summary>The mini programme with mini-hipaa's five requirements split 1 + 2 + 2 over the catalog and two parts.</summary>
    private static (string Path, string Text)[] Split()
    {
        var files = Fixtures.Load("mini").ToList();
        var catalog = files.Single(f => f.Path == Catalog);
        var pieces = Regex.Split(catalog.Text, "(?m)^(?=  - id:)");
        Assert.Equal(6, pieces.Length);
        files.Remove(catalog);
        files.Add((Catalog, pieces[0] + pieces[1]));
        files.Add((Administrative, PartHeader + pieces[2] + pieces[3]));
        files.Add((Rest, PartHeader + pieces[4] + pieces[5]));
        return files.ToArray();
    }

    private static Dictionary<string, string> Normalised(GeneratorRun run) =>
        run.Sources.ToDictionary(s => s.HintName, s => FrameworkSourceRef.Replace(s.Text, "SourceRef(FRAMEWORK-FILE)"));

    [Fact]
    public void A_split_framework_generates_the_same_code_as_the_single_file()
    {
        var single = GeneratorHarness.Run(Fixtures.Load("mini"));
        var split = GeneratorHarness.Run(Split());
        Assert.True(single.Diagnostics.IsEmpty, single.Describe());
        Assert.True(split.Diagnostics.IsEmpty, split.Describe());
        DidNotCrash(split);

        var expected = Normalised(single);
        var actual = Normalised(split);
        Assert.Equal(expected.Keys.OrderBy(k => k, System.StringComparer.Ordinal), actual.Keys.OrderBy(k => k, System.StringComparer.Ordinal));
        Assert.All(expected, source => Assert.Equal(source.Value, actual[source.Key]));

        // Not vacuous: the requirements' own source is the one that changed before normalising.
        Assert.NotEqual(single.Source(RequirementsFile), split.Source(RequirementsFile));
    }

    [Fact]
    public void Input_order_of_the_parts_does_not_change_the_code()
    {
        var split = Split();
        var forward = GeneratorHarness.Run(split);
        var backward = GeneratorHarness.Run(split.Reverse().ToArray());
        Assert.Equal(forward.Sources.ToArray(), backward.Sources.ToArray());
    }

    [Fact]
    public void A_requirement_of_a_part_points_at_the_part_file()
    {
        var run = GeneratorHarness.Run(Split());
        var requirements = run.Source(RequirementsFile);

        // The first item of each part is on line 4, after the three header lines.
        Assert.Contains($"SourceRef(\"{Administrative}\", 4)", requirements);
        Assert.Contains($"SourceRef(\"{Rest}\", 4)", requirements);
        Assert.Contains($"SourceRef(\"{Catalog}\", 10)", requirements);
    }

    [Fact]
    public void A_bad_field_in_a_part_is_reported_at_the_part_file()
    {
        var misspelt = new Regex("kind: implementation-spec$", RegexOptions.Multiline);
        var files = Split().Select(f => f.Path == Rest ? (f.Path, Text: misspelt.Replace(f.Text, "kind: implementation-specification", 1)) : f).ToArray();
        var run = GeneratorHarness.Run(files);

        // The part's first item starts on line 4; its kind is on line 6, after the id and title.
        var d = SingleAt(run, "CMP0015", DiagnosticSeverity.Error, Rest, 6, 11);
        Assert.Contains("'implementation-specification'", Message(d));
        Assert.Equal(new[] { "CMP0015" }, Ids(run));
        DidNotCrash(run);
    }

    [Fact]
    public void Editing_a_part_reparses_only_that_part_and_re_emits_only_its_framework()
    {
        var files = Split().Select(f => GeneratorHarness.File(f.Path, f.Text)).ToList();
        var first = GeneratorHarness.RunDriver(GeneratorHarness.CreateDriver(files), GeneratorHarness.CreateCompilation());
        Assert.True(first.Diagnostics.IsEmpty, first.Describe());
        var old = files.Single(f => f.Path == GeneratorHarness.PathOf(Rest));
        var edited = new InMemoryAdditionalText(old.Path, old.GetText()!.ToString().Replace("title: ", "title: Renamed "));
        var run = GeneratorHarness.RunDriver(first.Driver.ReplaceAdditionalText(old, edited), GeneratorHarness.CreateCompilation().Clone());

        var reasons = run.RunResult.Results.Single().TrackedSteps.Where(step => StepNames.All.Contains(step.Key)).ToDictionary(
            step => step.Key,
            step => step.Value.SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray());
        Assert.Equal(1, reasons[StepNames.ParsedFiles].Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(1, reasons[StepNames.FrameworkRequirementsSource].Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(1, reasons[StepNames.FrameworkRequirementsSource].Count(r => Reused.Contains(r)));
        foreach (var step in new[] { StepNames.RequirementsSource, StepNames.ControlFilesSource, StepNames.ControlsSource, StepNames.RegistriesSource, StepNames.ProgrammeSource })
        {
            Assert.True(reasons[step].All(r => Reused.Contains(r)), $"{step} was not reused.");
        }

        Assert.Contains("Renamed ", run.Source(RequirementsFile));
        Assert.DoesNotContain("Renamed ", run.Source("Compliance.Requirements.MiniSoc2.g.cs"));
    }
}
