using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace Compliance.Oscal;

// assessment-results.json: the as-of run, one observation per evidence artifact and one finding per assessed requirement.

public static partial class OscalExport
{
    private static JsonObject AssessmentResults(ExportContext c)
    {
        var observations = new JsonArray();
        var resources = new JsonArray(
            new JsonObject
            {
                ["uuid"] = c.Uuid("resource", "assessment-plan"),
                ["title"] = "The compliance gate",
                ["description"] = "The assessment is the toolkit's compliance check: every rule of docs/diagnostics.md, run against the programme as of the result's start date.",
            });

        var observationByArtifact = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var artifact in c.Result.Artifacts.OrderBy(a => a.SidecarPath, StringComparer.Ordinal))
        {
            var observation = c.Uuid("observation", artifact.SidecarPath);
            var resource = c.Uuid("resource", "artifact", artifact.SidecarPath);
            observationByArtifact[artifact.SidecarPath] = observation;
            var record = artifact.Record;
            var path = artifact.Path.Relative ?? artifact.Path.Written;
            var props = new JsonArray(
                Prop("control", record.Control.Value),
                Prop("evidence-requirement", record.Key),
                Prop("sha256", record.Sha256.Value),
                Prop("integrity", !artifact.Path.IsSafe ? "refused-path" : !artifact.Path.Exists ? "missing" : artifact.HashMatches ? "intact" : "hash-mismatch"),
                Prop("collector", record.Collector.Value));
            if (artifact.History is { } history)
            {
                props.Add(Prop("added-in-commit", history.Added.Sha));
            }

            var entry = new JsonObject
            {
                ["uuid"] = observation,
                ["title"] = path,
                ["description"] = $"Evidence for {record.Key}" + (record.Description is { Length: > 0 } d ? $": {d}" : "."),
                ["props"] = props,
                ["methods"] = new JsonArray("EXAMINE"),
                ["types"] = new JsonArray("control-objective"),
                ["relevant-evidence"] = new JsonArray(
                    new JsonObject
                    {
                        ["href"] = "#" + resource,
                        ["description"] = $"The artifact {path}, SHA-256 {record.Sha256.Value}, recorded in {artifact.SidecarPath}.",
                    }),
                ["collected"] = c.Timestamp(artifact.CollectedOn ?? c.AsOf),
            };
            if (c.FreshUntil(artifact) is { } freshUntil)
            {
                entry["expires"] = c.Timestamp(freshUntil);
            }

            observations.Add((JsonNode)entry);
            var rlink = new JsonObject { ["href"] = c.RootHref + path };
            if (record.Sha256.Value.Length == 64)
            {
                rlink["hashes"] = new JsonArray(new JsonObject { ["algorithm"] = "SHA-256", ["value"] = record.Sha256.Value });
            }

            resources.Add((JsonNode)new JsonObject
            {
                ["uuid"] = resource,
                ["title"] = path,
                ["description"] = $"Evidence artifact for {record.Key}, collected {Iso(artifact.CollectedOn)} by {record.Collector.Value}.",
                ["rlinks"] = new JsonArray(rlink),
            });
        }

        var findings = new JsonArray();
        foreach (var coverage in c.AssessedRequirements())
        {
            var requirement = c.Result.Programme.Lookups.Requirement(coverage.RequirementId)!;
            var verdict = c.Verdict(coverage);
            var related = verdict.Evidence
                .Where(a => observationByArtifact.ContainsKey(a.SidecarPath))
                .Select(a => (JsonNode)new JsonObject { ["observation-uuid"] = observationByArtifact[a.SidecarPath] })
                .ToArray();
            var finding = new JsonObject
            {
                ["uuid"] = c.Uuid("finding", requirement.FrameworkId, requirement.Id.Value),
                ["title"] = $"{requirement.Id.Value} {requirement.Title}",
                ["description"] = verdict.Explanation,
                ["props"] = new JsonArray(Prop("label", requirement.Id.Value), Prop("framework", requirement.FrameworkId)),
                ["target"] = new JsonObject
                {
                    ["type"] = "objective-id",
                    ["target-id"] = OscalIds.Token(requirement.Id.Value),
                    ["status"] = new JsonObject
                    {
                        ["state"] = verdict.Satisfied ? "satisfied" : "not-satisfied",
                        ["reason"] = verdict.Satisfied ? "pass" : "fail",
                    },
                },
            };
            if (related.Length > 0)
            {
                finding["related-observations"] = new JsonArray(related);
            }

            findings.Add((JsonNode)finding);
        }

        var summary = $"{c.Result.Errors} error(s), {c.Result.Warnings} warning(s), {c.Result.Waived} waived; the programme {(c.Result.Passed ? "passed" : "failed")} the gate as of {Iso(c.AsOf)}.";
        var result = new JsonObject
        {
            ["uuid"] = c.Uuid("result", Iso(c.AsOf)),
            ["title"] = $"Compliance check of {c.Name} as of {Iso(c.AsOf)}",
            ["description"] = summary,
            ["start"] = c.Timestamp(c.AsOf),
            ["end"] = c.Timestamp(c.AsOf),
            ["props"] = new JsonArray(Prop("passed", c.Result.Passed ? "true" : "false"), Prop("errors", c.Result.Errors.ToString(CultureInfo.InvariantCulture))),
            ["reviewed-controls"] = new JsonObject
            {
                ["control-selections"] = new JsonArray(new JsonObject { ["include-all"] = new JsonObject() }),
            },
        };
        if (observations.Count > 0)
        {
            result["observations"] = observations;
        }

        if (findings.Count > 0)
        {
            result["findings"] = findings;
        }

        return new JsonObject
        {
            ["uuid"] = c.Uuid("assessment-results", Iso(c.AsOf)),
            ["metadata"] = c.Metadata($"{c.Name}: compliance check as of {Iso(c.AsOf)}", OscalVersion),
            ["import-ap"] = new JsonObject { ["href"] = "#" + c.Uuid("resource", "assessment-plan") },
            ["results"] = c.Result.Period is { UnavailableReason: null } period ? new JsonArray(result, PeriodResult(c, period)) : new JsonArray(result),
            ["back-matter"] = new JsonObject { ["resources"] = resources },
        };
    }
}
