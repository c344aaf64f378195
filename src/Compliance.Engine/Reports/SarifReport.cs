using System.Collections.Generic;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Compliance.Model.Diagnostics;

namespace Compliance.Engine.Reports;

/// <summary>
/// SARIF 2.1.0 for code-scanning upload: one run, the catalog rules as the driver's rules, one
/// result per finding with a repo-relative location. Waived findings carry an external suppression.
/// </summary>
public static class SarifReport
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public static string Render(CheckResult result, string toolVersion)
    {
        var rules = Rules.All.ToList();
        var index = rules.Select((rule, i) => (rule.Id, i)).ToDictionary(p => p.Id, p => p.i);
        var driverRules = new JsonArray(rules.Select(rule => (JsonNode)new JsonObject
        {
            ["id"] = rule.Id,
            ["name"] = Name(rule.Title),
            ["shortDescription"] = new JsonObject { ["text"] = rule.Title },
            ["help"] = new JsonObject { ["text"] = rule.Fix },
            ["helpUri"] = rule.HelpLink,
            ["defaultConfiguration"] = new JsonObject { ["level"] = Level(rule.Severity) },
            ["properties"] = new JsonObject { ["category"] = rule.Category },
        }).ToArray());

        var results = new JsonArray(result.Findings.Select(finding =>
        {
            var item = new JsonObject
            {
                ["ruleId"] = finding.RuleId,
                ["ruleIndex"] = index.TryGetValue(finding.RuleId, out var i) ? i : 0,
                ["level"] = Level(finding.Severity),
                ["message"] = new JsonObject { ["text"] = finding.Text },
            };
            if (finding.Location is { } at)
            {
                item["locations"] = new JsonArray(new JsonObject
                {
                    ["physicalLocation"] = new JsonObject
                    {
                        ["artifactLocation"] = new JsonObject { ["uri"] = at.Path, ["uriBaseId"] = "SRCROOT" },
                        ["region"] = new JsonObject
                        {
                            ["startLine"] = at.Line,
                            ["startColumn"] = at.Column,
                            ["endLine"] = System.Math.Max(at.Line, at.EndLine),
                            ["endColumn"] = at.EndLine > at.Line || at.EndColumn > at.Column ? at.EndColumn : at.Column + 1,
                        },
                    },
                });
            }

            if (finding.Target is { } target)
            {
                item["properties"] = new JsonObject { ["target"] = target };
            }

            if (finding.WaivedBy is { } waiver)
            {
                item["suppressions"] = new JsonArray(new JsonObject { ["kind"] = "external", ["status"] = "accepted", ["justification"] = $"Waiver {waiver}" });
            }

            return (JsonNode)item;
        }).ToArray());

        var run = new JsonObject
        {
            ["tool"] = new JsonObject
            {
                ["driver"] = new JsonObject
                {
                    ["name"] = "compliance",
                    ["fullName"] = "Evidence-as-code compliance check",
                    ["version"] = toolVersion,
                    ["rules"] = driverRules,
                },
            },
            ["originalUriBaseIds"] = new JsonObject { ["SRCROOT"] = new JsonObject { ["description"] = new JsonObject { ["text"] = "The programme root (the repository)." } } },
            ["results"] = results,
            ["properties"] = new JsonObject { ["asOf"] = Checks.CheckContext.Iso(result.Options.AsOf), ["commit"] = result.Provenance.Head?.Sha },
        };

        var document = new JsonObject
        {
            ["$schema"] = SchemaUri,
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(run),
        };
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    private static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    private static string Name(string title) => string.Concat(title.Split(' ', '-', '(', ')', '/', '\'', ',', '.').Where(w => w.Length > 0).Select(w => char.ToUpperInvariant(w[0]) + w.Substring(1)));
}
