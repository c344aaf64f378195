using System;
using System.Collections.Immutable;
using Compliance.Generator.Emit;
using Compliance.Generator.Pipeline;
using Compliance.Model.Diagnostics;
using Compliance.Model.Documents;
using Compliance.Model.Linking;
using Compliance.Model.Parsing;
using Compliance.Model.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Compliance.Generator;

/// <summary>
/// Compiles a compliance programme: YAML and Markdown AdditionalFiles in, typed C# and
/// file(line,col) diagnostics out. Only wiring here; each stage is a named, cached step.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ProgrammeGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => GeneratorOptions.Read(provider))
            .WithTrackingName(StepNames.Options);

        var files = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Where(static pair => IsProgrammeFile(pair.Left, pair.Right))
            .Select(static (pair, cancellationToken) => IsLink(pair.Left, pair.Right)
                ? SourceFile.Link(pair.Left.Path)
                : new SourceFile(pair.Left.Path, pair.Left.GetText(cancellationToken)?.ToString()))
            .WithTrackingName(StepNames.ProgrammeFiles);

        var parsed = files
            .Select(static (file, _) => Parse(file))
            .WithTrackingName(StepNames.ParsedFiles);

        var linked = parsed
            .Collect()
            .Select(static (all, _) => ProgrammeLinker.Link(all))
            .WithTrackingName(StepNames.LinkedProgramme);

        var findings = linked
            .Select(static (programme, _) => programme.Findings)
            .WithTrackingName(StepNames.Findings);
        context.RegisterSourceOutput(findings, static (spc, all) =>
        {
            foreach (var finding in all)
            {
                spc.ReportDiagnostic(DiagnosticFactory.Create(finding));
            }
        });

        context.RegisterSourceOutput(options, static (spc, opts) => Guard(spc, "emitting the runtime types", () =>
        {
            spc.AddSource("Compliance.RuntimeTypes.g.cs", SourceText.From(Emitter.RuntimeTypes(opts), System.Text.Encoding.UTF8));
            spc.AddSource("Compliance.DeployGate.g.cs", SourceText.From(Emitter.DeployGate(opts), System.Text.Encoding.UTF8));
            spc.AddSource("Compliance.DeployRules.g.cs", SourceText.From(Emitter.DeployRules(opts), System.Text.Encoding.UTF8));
        }));

        var requirements = linked
            .Select(static (programme, _) => RequirementsLayout.From(programme))
            .WithTrackingName(StepNames.RequirementsLayout);
        Register(context, requirements.Select(static (layout, _) => layout.Index).Combine(options).WithTrackingName(StepNames.RequirementsSource),
            static (part, opts) => RequirementsEmitter.EmitIndex(part, opts));
        var frameworkFiles = requirements
            .SelectMany(static (layout, _) => layout.Frameworks)
            .Combine(options)
            .WithTrackingName(StepNames.FrameworkRequirementsSource);
        context.RegisterSourceOutput(frameworkFiles, static (spc, input) => Guard(spc, "emitting the requirements of a framework", () => Add(spc, RequirementsEmitter.EmitFramework(input.Left, input.Right))));
        var controls = linked.Combine(options)
            .Select(static (pair, _) => ControlsLayout.From(pair.Left, pair.Right))
            .WithTrackingName(StepNames.ControlsLayout);
        Register(context, controls.Select(static (layout, _) => layout.Index).Combine(options).WithTrackingName(StepNames.ControlsSource),
            static (part, opts) => ControlsEmitter.EmitIndex(part, opts));
        var controlFiles = controls
            .SelectMany(static (layout, _) => layout.Files)
            .Combine(options)
            .WithTrackingName(StepNames.ControlFilesSource);
        context.RegisterSourceOutput(controlFiles, static (spc, input) => Guard(spc, "emitting the controls of a file", () => Add(spc, ControlsEmitter.EmitFile(input.Left, input.Right))));
        Register(context, linked.Select(static (p, _) => RegistriesPart.From(p)).Combine(options).WithTrackingName(StepNames.RegistriesSource),
            static (part, opts) => RegistriesEmitter.Emit(part, opts));
        Register(context, linked.Select(static (p, _) => ProgrammePart.From(p)).Combine(options).WithTrackingName(StepNames.ProgrammeSource),
            static (part, opts) => ProgrammeEmitter.Emit(part, opts));
    }

    private static bool IsProgrammeFile(AdditionalText text, AnalyzerConfigOptionsProvider provider) =>
        provider.GetOptions(text).TryGetValue(GeneratorOptions.SourceMetadata, out var flag)
        && string.Equals(flag, "true", StringComparison.OrdinalIgnoreCase)
        && (IsLink(text, provider) || ProgrammeFileParser.IsYaml(text.Path) || ProgrammeFileParser.IsMarkdown(text.Path));

    // A symbolic link is never read: the MSBuild side marks it, and the generator reports it like the CLI does.
    private static bool IsLink(AdditionalText text, AnalyzerConfigOptionsProvider provider) =>
        provider.GetOptions(text).TryGetValue(GeneratorOptions.LinkMetadata, out var flag)
        && string.Equals(flag, "true", StringComparison.OrdinalIgnoreCase);

    private static ParsedFile Parse(SourceFile file) => file.IsLink
        ? ProgrammeFileParser.Link(file.Path)
        : file.Text is null
        ? ParsedFile.Empty(file.Path, DocumentKinds.Unknown, new[] { Rules.NotText.At(SourceSpan.StartOf(file.Path), "The file could not be read.") }.ToEquatableArray())
        : ProgrammeFileParser.Parse(file.Path, file.Text);

    private static void Register<TPart>(IncrementalGeneratorInitializationContext context, IncrementalValueProvider<(TPart Part, GeneratorOptions Options)> source, Func<TPart, GeneratorOptions, EmittedSource> emit)
    {
        context.RegisterSourceOutput(source, (spc, input) => Guard(spc, $"emitting {typeof(TPart).Name}", () => Add(spc, emit(input.Part, input.Options))));
    }

    private static void Add(SourceProductionContext context, EmittedSource emitted)
    {
        context.AddSource(emitted.HintName, SourceText.From(emitted.Text, System.Text.Encoding.UTF8));
        foreach (var finding in emitted.Findings)
        {
            context.ReportDiagnostic(DiagnosticFactory.Create(finding));
        }
    }

    /// <summary>A generator that throws only earns warning CS8785 and the build passes: turn every exception into an error.</summary>
    private static void Guard(SourceProductionContext context, string stage, Action action)
    {
        try
        {
            action();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            context.ReportDiagnostic(DiagnosticFactory.Internal(ex, stage));
        }
    }
}
