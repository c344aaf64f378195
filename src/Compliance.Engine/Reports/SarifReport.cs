using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Compliance.Model.Diagnostics;

namespace Compliance.Engine.Reports;

/// <summary>
/// SARIF 2.1.0 for code-scanning upload: one run, the catalog rules as the driver's rules, one
/// result per finding with a repo-relative location. Waived findings carry an external suppression.
/// Written with <see cref="Utf8JsonWriter"/> in the form a JSON node tree serialised to (two-space indents, relaxed
/// escaping): building the tree went through the serializer's options and converters, which a short check paid for
/// on every run (issue 15). SarifReportFormTests holds the bytes to that form.
/// </summary>
public static class SarifReport
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public static string Render(CheckResult result, string toolVersion)
    {
        var rules = Rules.All.ToList();
        var index = new Compliance.Model.Text.IntMap<string>(System.StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
        {
            index.TryAdd(rules[i].Id, i);
        }

        return ReportJsonWriter.Indented(w =>
        {
            w.WriteStartObject();
            w.WriteString("$schema", SchemaUri);
            w.WriteString("version", "2.1.0");
            w.WriteStartArray("runs");
            w.WriteStartObject();
            w.WriteStartObject("tool");
            w.WriteStartObject("driver");
            w.WriteString("name", "compliance");
            w.WriteString("fullName", "Evidence-as-code compliance check");
            w.WriteString("version", toolVersion);
            w.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                WriteRule(w, rule);
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteStartObject("originalUriBaseIds");
            w.WriteStartObject("SRCROOT");
            Text(w, "description", "The programme root (the repository).");
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteStartArray("results");
            foreach (var finding in result.Findings)
            {
                WriteResult(w, finding, index.TryGetValue(finding.RuleId, out var i) ? i : 0);
            }

            w.WriteEndArray();
            w.WriteStartObject("properties");
            w.WriteString("asOf", Checks.CheckContext.Iso(result.Options.AsOf));
            w.WriteString("commit", result.Provenance.Head?.Sha);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }) + "\n";
    }

    private static void WriteRule(Utf8JsonWriter w, Rule rule)
    {
        w.WriteStartObject();
        w.WriteString("id", rule.Id);
        w.WriteString("name", Name(rule.Title));
        Text(w, "shortDescription", rule.Title);
        Text(w, "help", rule.Fix);
        w.WriteString("helpUri", rule.HelpLink);
        w.WriteStartObject("defaultConfiguration");
        w.WriteString("level", Level(rule.Severity));
        w.WriteEndObject();
        w.WriteStartObject("properties");
        w.WriteString("category", rule.Category);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter w, Finding finding, int ruleIndex)
    {
        w.WriteStartObject();
        w.WriteString("ruleId", finding.RuleId);
        w.WriteNumber("ruleIndex", ruleIndex);
        w.WriteString("level", Level(finding.Severity));
        Text(w, "message", finding.Text);
        if (finding.Location is { } at)
        {
            w.WriteStartArray("locations");
            w.WriteStartObject();
            w.WriteStartObject("physicalLocation");
            w.WriteStartObject("artifactLocation");
            w.WriteString("uri", at.Path);
            w.WriteString("uriBaseId", "SRCROOT");
            w.WriteEndObject();
            w.WriteStartObject("region");
            w.WriteNumber("startLine", at.Line);
            w.WriteNumber("startColumn", at.Column);
            w.WriteNumber("endLine", System.Math.Max(at.Line, at.EndLine));
            w.WriteNumber("endColumn", at.EndLine > at.Line || at.EndColumn > at.Column ? at.EndColumn : at.Column + 1);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
        }

        if (finding.Target is { } target)
        {
            w.WriteStartObject("properties");
            w.WriteString("target", target);
            w.WriteEndObject();
        }

        if (finding.WaivedBy is { } waiver)
        {
            w.WriteStartArray("suppressions");
            w.WriteStartObject();
            w.WriteString("kind", "external");
            w.WriteString("status", "accepted");
            w.WriteString("justification", $"Waiver {waiver}");
            w.WriteEndObject();
            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    /// <summary>A SARIF message object: <c>{ "text": ... }</c>.</summary>
    private static void Text(Utf8JsonWriter w, string name, string text)
    {
        w.WriteStartObject(name);
        w.WriteString("text", text);
        w.WriteEndObject();
    }

    private static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    private static string Name(string title) => string.Concat(title.Split(' ', '-', '(', ')', '/', '\'', ',', '.').Where(w => w.Length > 0).Select(w => char.ToUpperInvariant(w[0]) + w.Substring(1)));
}
