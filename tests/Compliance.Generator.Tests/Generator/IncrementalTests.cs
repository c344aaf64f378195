using System;
using System.Collections.Generic;
using System.Linq;
using Compliance.Generator.Pipeline;
using Compliance.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Compliance.Generator.Tests.Generator;

/// <summary>
/// The pipeline caches per step: a second run with nothing changed does no work, an edit to one control
/// re-parses only that file and regenerates only what depends on controls, and no step output holds
/// anything (symbols, syntax, compilations) that would keep a compilation alive or break equality.
/// </summary>
public sealed class IncrementalTests
{
    private const string EditedPath = "controls/operations.yaml";

    private static readonly IncrementalStepRunReason[] Reused = { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged };

    private static (GeneratorRun First, List<InMemoryAdditionalText> Files) FirstRun()
    {
        var files = Fixtures.Load("mini").Select(f => GeneratorHarness.File(f.Path, f.Text)).ToList();
        var first = GeneratorHarness.RunDriver(GeneratorHarness.CreateDriver(files), GeneratorHarness.CreateCompilation());
        Assert.True(first.Diagnostics.IsEmpty, first.Describe());
        return (first, files);
    }

    private static GeneratorRun RunEdited(Func<string, string> edit)
    {
        var (first, files) = FirstRun();
        var old = files.Single(f => f.Path == GeneratorHarness.PathOf(EditedPath));
        var edited = new InMemoryAdditionalText(old.Path, edit(old.GetText()!.ToString()));
        var driver = first.Driver.ReplaceAdditionalText(old, edited);
        return GeneratorHarness.RunDriver(driver, GeneratorHarness.CreateCompilation().Clone());
    }

    /// <summary>The output reasons of the generator's own named steps (Roslyn adds its input steps, such as AdditionalTexts, to TrackedSteps).</summary>
    private static IReadOnlyDictionary<string, IncrementalStepRunReason[]> Reasons(GeneratorRun run) =>
        run.RunResult.Results.Single().TrackedSteps.Where(step => StepNames.All.Contains(step.Key)).ToDictionary(
            step => step.Key,
            step => step.Value.SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray());

    private static string Describe(IReadOnlyDictionary<string, IncrementalStepRunReason[]> reasons) =>
        string.Join("\n", reasons.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key}: {string.Join(", ", r.Value)}"));

    [Fact]
    public void Every_named_step_is_tracked()
    {
        var (first, _) = FirstRun();
        var tracked = first.RunResult.Results.Single().TrackedSteps;
        Assert.All(StepNames.All, name => Assert.True(tracked.ContainsKey(name) && !tracked[name].IsEmpty, $"Step {name} is not tracked."));
    }

    [Fact]
    public void Second_run_without_changes_reuses_every_step()
    {
        var (first, _) = FirstRun();
        var second = GeneratorHarness.RunDriver(first.Driver, GeneratorHarness.CreateCompilation().Clone());
        var reasons = Reasons(second);
        Assert.Equal(StepNames.All.Length, reasons.Count);
        Assert.All(reasons, step => Assert.All(step.Value, reason => Assert.Contains(reason, Reused)));
        Assert.Equal(12, reasons[StepNames.ParsedFiles].Length);
        Assert.Equal(first.Sources.ToArray(), second.Sources.ToArray());
    }

    [Fact]
    public void Editing_one_control_reparses_only_that_file()
    {
        var run = RunEdited(text => text.Replace("Security event monitoring", "Security event monitoring, round the clock"));
        var reasons = Reasons(run);
        Assert.True(reasons[StepNames.ParsedFiles].Count(r => r == IncrementalStepRunReason.Modified) == 1, Describe(reasons));
        Assert.Equal(11, reasons[StepNames.ParsedFiles].Count(r => Reused.Contains(r)));
        Assert.Equal(new[] { IncrementalStepRunReason.Modified }, reasons[StepNames.LinkedProgramme]);
        Assert.Equal(new[] { IncrementalStepRunReason.Modified }, reasons[StepNames.ControlsLayout]);

        // One generated file per controls file: only the edited file's is emitted again; Controls.All is unchanged.
        Assert.True(reasons[StepNames.ControlFilesSource].Count(r => r == IncrementalStepRunReason.Modified) == 1, Describe(reasons));
        Assert.True(reasons[StepNames.ControlFilesSource].Count(r => Reused.Contains(r)) == 1, Describe(reasons));
        Assert.True(reasons[StepNames.ControlsSource].All(r => Reused.Contains(r)), Describe(reasons));
        Assert.Contains("round the clock", run.Source("Compliance.Controls.operations.g.cs"));
        Assert.DoesNotContain("round the clock", run.Source("Compliance.Controls.access.g.cs"));
    }

    [Fact]
    public void Editing_one_control_leaves_requirements_registries_and_programme_cached()
    {
        var reasons = Reasons(RunEdited(text => text.Replace("Security event monitoring", "Security event monitoring, round the clock")));
        foreach (var step in new[] { StepNames.Options, StepNames.RequirementsLayout, StepNames.RequirementsSource, StepNames.FrameworkRequirementsSource, StepNames.RegistriesSource, StepNames.ProgrammeSource, StepNames.Findings })
        {
            Assert.True(reasons[step].All(r => Reused.Contains(r)), $"{step} was not reused:\n{Describe(reasons)}");
        }
    }

    [Fact]
    public void Comment_at_the_end_of_a_file_changes_nothing_downstream()
    {
        var reasons = Reasons(RunEdited(text => text + "# A comment changes no value and moves no position.\n"));
        Assert.Equal(1, reasons[StepNames.ProgrammeFiles].Count(r => r == IncrementalStepRunReason.Modified));
        foreach (var step in StepNames.All.Where(s => s != StepNames.ProgrammeFiles))
        {
            Assert.True(reasons[step].All(r => Reused.Contains(r)), $"{step} was not reused:\n{Describe(reasons)}");
        }
    }

    [Fact]
    public void Step_outputs_hold_no_symbols_syntax_or_compilations()
    {
        var edited = RunEdited(text => text.Replace("planned", "implemented"));
        foreach (var run in new[] { FirstRun().First, edited })
        {
            foreach (var (name, steps) in run.RunResult.Results.Single().TrackedSteps.Where(step => StepNames.All.Contains(step.Key)))
            {
                var outputs = steps.SelectMany(s => s.Outputs).Select(o => o.Value).ToList();
                Assert.NotEmpty(outputs);
                var found = PipelineValueWalker.FindForbidden(outputs, name);
                Assert.True(found.Count == 0, string.Join("\n", found));
            }
        }
    }

    [Fact]
    public void Walker_finds_a_compilation_nested_in_a_value()
    {
        var nested = new { Name = "x", Items = new object[] { 1, new List<object> { "y", (Tuple: 2, GeneratorHarness.CreateCompilation()) } } };
        var found = PipelineValueWalker.FindForbidden(nested, "value");
        Assert.Equal(new[] { "value.<Items>i__Field[1][1].Item2: Microsoft.CodeAnalysis.CSharp.CSharpCompilation" }, found);
        Assert.Single(PipelineValueWalker.FindForbidden(new[] { Location.Create("/x.yaml", new TextSpan(0, 1), new LinePositionSpan(default, default)) }, "v"));

        var inModel = new Compliance.Model.Text.EquatableArray<Holder>(new[] { new Holder("a"), new Holder(GeneratorHarness.CreateCompilation().SyntaxTrees) });
        Assert.Empty(PipelineValueWalker.FindForbidden(inModel, "model"));
        var withTree = new Compliance.Model.Text.EquatableArray<Holder>(new[] { new Holder(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class C {}")) });
        Assert.Equal(new[] { "model[0].<Value>k__BackingField: Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree+ParsedSyntaxTree" }, PipelineValueWalker.FindForbidden(withTree, "model"));
    }

    private sealed record Holder(object Value);
}
