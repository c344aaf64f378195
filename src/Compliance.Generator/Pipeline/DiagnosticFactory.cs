using System;
using System.Collections.Generic;
using System.Linq;
using Compliance.Model.Diagnostics;
using Compliance.Model.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Compliance.Generator.Pipeline;

/// <summary>Turns model findings into compiler diagnostics located in the YAML, with one descriptor per catalog rule.</summary>
internal static class DiagnosticFactory
{
    private static readonly Dictionary<string, DiagnosticDescriptor> Descriptors = Rules.All.ToDictionary(
        rule => rule.Id,
        rule => new DiagnosticDescriptor(
            rule.Id,
            rule.Title,
            "{0}",
            rule.Category,
            ToRoslyn(rule.Severity),
            isEnabledByDefault: true,
            description: rule.Fix,
            helpLinkUri: rule.HelpLink),
        StringComparer.Ordinal);

    public static Diagnostic Create(Finding finding)
    {
        var descriptor = Descriptors.TryGetValue(finding.RuleId, out var known) ? known : Descriptors[Rules.InternalError.Id];
        return Diagnostic.Create(
            descriptor,
            ToLocation(finding.Location),
            effectiveSeverity: ToRoslyn(finding.Severity),
            additionalLocations: null,
            properties: null,
            messageArgs: new object[] { finding.Text });
    }

    public static Diagnostic Internal(Exception exception, string stage) => Create(
        Rules.InternalError.At(null, $"Internal error in the compliance generator while {stage}: {exception.GetType().Name}: {exception.Message}"));

    private static Location ToLocation(SourceSpan? span) => span is null
        ? Location.None
        : Location.Create(
            span.Path,
            new TextSpan(span.Offset, span.Length),
            new LinePositionSpan(
                new LinePosition(Math.Max(0, span.Line - 1), Math.Max(0, span.Column - 1)),
                new LinePosition(Math.Max(0, span.EndLine - 1), Math.Max(0, span.EndColumn - 1))));

    private static DiagnosticSeverity ToRoslyn(Severity severity) => severity switch
    {
        Severity.Error => DiagnosticSeverity.Error,
        Severity.Warning => DiagnosticSeverity.Warning,
        _ => DiagnosticSeverity.Info,
    };
}
