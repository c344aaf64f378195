using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Compliance.Engine;
using Compliance.Engine.Checks;
using Compliance.Engine.Evidence;
using Compliance.Model.Diagnostics;
using Compliance.Model.Documents;

namespace Compliance.Oscal;

/// <summary>One exported OSCAL document.</summary>
public sealed record OscalDocument(string FileName, string Json);

/// <summary>
/// Writes a check result as NIST OSCAL JSON:
/// <list type="bullet">
/// <item>component-definition.json (OSCAL 1.1.2): one component, the programme, with one control-implementation per
/// framework in scope whose implemented-requirements are the requirements the controls map to;</item>
/// <item>assessment-results.json (OSCAL 1.1.2): the as-of run, one observation per evidence artifact (link, SHA-256,
/// collected and expiry dates) and one finding per in-scope requirement, satisfied or not-satisfied;</item>
/// <item>mapping-collection.json (OSCAL 1.2.0, the first release with the mapping model): the crosswalks.</item>
/// </list>
/// Deterministic: the same result and version give the same bytes. UUIDs are version-5 UUIDs of stable
/// names (programme, kind, IDs); every timestamp is the as-of date at 00:00 UTC.
/// </summary>
public static class OscalExport
{
    public const string OscalVersion = "1.1.2";
    public const string MappingOscalVersion = "1.2.0";

    /// <summary>The namespace of the toolkit's own props (OSCAL requires one for names it does not define).</summary>
    public const string Ns = "urn:evidence-as-code:compliance";

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" };

    /// <param name="result">The check run to export.</param>
    /// <param name="toolVersion">The toolkit version, recorded in the metadata.</param>
    /// <param name="rootHref">The programme root relative to the folder the documents are written to (e.g. "../../"): evidence links are relative to the documents.</param>
    public static IReadOnlyList<OscalDocument> Export(CheckResult result, string toolVersion, string rootHref)
    {
        var context = new ExportContext(result, toolVersion, rootHref);
        return new[]
        {
            new OscalDocument("component-definition.json", Write("component-definition", ComponentDefinition(context))),
            new OscalDocument("assessment-results.json", Write("assessment-results", AssessmentResults(context))),
            new OscalDocument("mapping-collection.json", Write("mapping-collection", MappingCollection(context))),
        };
    }

    private static string Write(string root, JsonObject document) =>
        new JsonObject { [root] = document }.ToJsonString(Options) + "\n";

    private static JsonObject ComponentDefinition(ExportContext c)
    {
        var implementations = new JsonArray();
        foreach (var framework in c.FrameworksInScope)
        {
            var requirements = new JsonArray();
            foreach (var requirement in framework.Requirements.Where(r => c.InScope.Contains(r.Id.Value) && c.ControlsFor(r.Id.Value).Count > 0))
            {
                var controls = c.ControlsFor(requirement.Id.Value);
                var props = new JsonArray { Prop("label", requirement.Id.Value) };
                foreach (var control in controls)
                {
                    props.Add(Prop("control", control.Id.Value));
                }

                requirements.Add(new JsonObject
                {
                    ["uuid"] = c.Uuid("implemented-requirement", framework.Id.Value, requirement.Id.Value),
                    ["control-id"] = OscalIds.Token(requirement.Id.Value),
                    ["description"] = $"{requirement.Id.Value} ({requirement.Title}) is implemented by " +
                        string.Join("; ", controls.Select(ctl => $"{ctl.Id.Value}, {ctl.Title} ({ctl.Status})")) + ".",
                    ["props"] = props,
                });
            }

            if (requirements.Count == 0)
            {
                continue;
            }

            implementations.Add(new JsonObject
            {
                ["uuid"] = c.Uuid("control-implementation", framework.Id.Value),
                ["source"] = "#" + c.FrameworkResource(framework.Id.Value),
                ["description"] = $"How the controls of {c.Name} implement {framework.Title}.",
                ["props"] = new JsonArray { Prop("framework", framework.Id.Value) },
                ["implemented-requirements"] = requirements,
            });
        }

        var component = new JsonObject
        {
            ["uuid"] = c.Uuid("component"),
            ["type"] = "process-procedure",
            ["title"] = $"{c.Name} compliance programme",
            ["description"] = c.Programme?.Description ?? $"The controls of the {c.Name} compliance programme.",
            ["props"] = new JsonArray { Prop("programme", c.ProgrammeId) },
        };
        if (implementations.Count > 0)
        {
            component["control-implementations"] = implementations;
        }

        return new JsonObject
        {
            ["uuid"] = c.Uuid("component-definition"),
            ["metadata"] = c.Metadata($"{c.Name}: controls", OscalVersion),
            ["components"] = new JsonArray { component },
            ["back-matter"] = new JsonObject { ["resources"] = c.FrameworkResources() },
        };
    }

    private static JsonObject AssessmentResults(ExportContext c)
    {
        var observations = new JsonArray();
        var resources = new JsonArray
        {
            new JsonObject
            {
                ["uuid"] = c.Uuid("resource", "assessment-plan"),
                ["title"] = "The compliance gate",
                ["description"] = "The assessment is the toolkit's compliance check: every rule of docs/diagnostics.md, run against the programme as of the result's start date.",
            },
        };

        var observationByArtifact = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var artifact in c.Result.Artifacts.OrderBy(a => a.SidecarPath, StringComparer.Ordinal))
        {
            var observation = c.Uuid("observation", artifact.SidecarPath);
            var resource = c.Uuid("resource", "artifact", artifact.SidecarPath);
            observationByArtifact[artifact.SidecarPath] = observation;
            var record = artifact.Record;
            var path = artifact.Path.Relative ?? artifact.Path.Written;
            var freshness = c.FreshnessDays(record.Key);
            var props = new JsonArray
            {
                Prop("control", record.Control.Value),
                Prop("evidence-requirement", record.Key),
                Prop("sha256", record.Sha256.Value),
                Prop("integrity", !artifact.Path.IsSafe ? "refused-path" : !artifact.Path.Exists ? "missing" : artifact.HashMatches ? "intact" : "hash-mismatch"),
                Prop("collector", record.Collector.Value),
            };
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
                ["methods"] = new JsonArray { "EXAMINE" },
                ["types"] = new JsonArray { "control-objective" },
                ["relevant-evidence"] = new JsonArray
                {
                    new JsonObject
                    {
                        ["href"] = "#" + resource,
                        ["description"] = $"The artifact {path}, SHA-256 {record.Sha256.Value}, recorded in {artifact.SidecarPath}.",
                    },
                },
                ["collected"] = c.Timestamp(artifact.CollectedOn ?? c.AsOf),
            };
            if (artifact.CollectedOn is { } collected && freshness is { } days)
            {
                entry["expires"] = c.Timestamp(collected.AddDays(days));
            }

            observations.Add(entry);
            var rlink = new JsonObject { ["href"] = c.RootHref + path };
            if (record.Sha256.Value.Length == 64)
            {
                rlink["hashes"] = new JsonArray { new JsonObject { ["algorithm"] = "SHA-256", ["value"] = record.Sha256.Value } };
            }

            resources.Add(new JsonObject
            {
                ["uuid"] = resource,
                ["title"] = path,
                ["description"] = $"Evidence artifact for {record.Key}, collected {Iso(artifact.CollectedOn)} by {record.Collector.Value}.",
                ["rlinks"] = new JsonArray { rlink },
            });
        }

        var findings = new JsonArray();
        foreach (var requirement in c.AssessedRequirements())
        {
            var verdict = c.Verdict(requirement);
            var related = verdict.Evidence
                .Where(a => observationByArtifact.ContainsKey(a.SidecarPath))
                .Select(a => (JsonNode)new JsonObject { ["observation-uuid"] = observationByArtifact[a.SidecarPath] })
                .ToArray();
            var finding = new JsonObject
            {
                ["uuid"] = c.Uuid("finding", requirement.FrameworkId, requirement.Id.Value),
                ["title"] = $"{requirement.Id.Value} {requirement.Title}",
                ["description"] = verdict.Explanation,
                ["props"] = new JsonArray { Prop("label", requirement.Id.Value), Prop("framework", requirement.FrameworkId) },
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

            findings.Add(finding);
        }

        var summary = $"{c.Result.Errors} error(s), {c.Result.Warnings} warning(s), {c.Result.Waived} waived; the programme {(c.Result.Passed ? "passed" : "failed")} the gate as of {Iso(c.AsOf)}.";
        var result = new JsonObject
        {
            ["uuid"] = c.Uuid("result", Iso(c.AsOf)),
            ["title"] = $"Compliance check of {c.Name} as of {Iso(c.AsOf)}",
            ["description"] = summary,
            ["start"] = c.Timestamp(c.AsOf),
            ["end"] = c.Timestamp(c.AsOf),
            ["props"] = new JsonArray { Prop("passed", c.Result.Passed ? "true" : "false"), Prop("errors", c.Result.Errors.ToString(CultureInfo.InvariantCulture)) },
            ["reviewed-controls"] = new JsonObject
            {
                ["control-selections"] = new JsonArray { new JsonObject { ["include-all"] = new JsonObject() } },
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
            ["results"] = new JsonArray { result },
            ["back-matter"] = new JsonObject { ["resources"] = resources },
        };
    }

    private static JsonObject MappingCollection(ExportContext c)
    {
        var mappings = new JsonArray();
        foreach (var crosswalk in c.Result.Programme.Crosswalks)
        {
            var maps = new JsonArray();
            foreach (var mapping in crosswalk.Mappings)
            {
                var map = new JsonObject
                {
                    ["uuid"] = c.Uuid("map", crosswalk.Id.Value, mapping.Source.Value, mapping.Target.Value),
                    ["relationship"] = Relationship(mapping.Relationship),
                    ["sources"] = new JsonArray { Item(mapping.Source.Value) },
                    ["targets"] = new JsonArray { Item(mapping.Target.Value) },
                    ["remarks"] = mapping.Rationale,
                };
                if (mapping.Area is { Length: > 0 } area)
                {
                    map["props"] = new JsonArray { Prop("area", area) };
                }

                maps.Add(map);
            }

            if (maps.Count == 0)
            {
                continue;
            }

            mappings.Add(new JsonObject
            {
                ["uuid"] = c.Uuid("mapping", crosswalk.Id.Value),
                ["source-resource"] = new JsonObject { ["type"] = "catalog", ["href"] = "#" + c.FrameworkResource(crosswalk.Source.Value) },
                ["target-resource"] = new JsonObject { ["type"] = "catalog", ["href"] = "#" + c.FrameworkResource(crosswalk.Target.Value) },
                ["maps"] = maps,
                ["props"] = new JsonArray { Prop("crosswalk", crosswalk.Id.Value) },
                ["remarks"] = crosswalk.Title,
            });
        }

        var collection = new JsonObject
        {
            ["uuid"] = c.Uuid("mapping-collection"),
            ["metadata"] = c.Metadata($"{c.Name}: crosswalks", MappingOscalVersion),
            ["provenance"] = new JsonObject
            {
                ["method"] = "human",
                ["matching-rationale"] = "semantic",
                ["status"] = "complete",
                ["mapping-description"] = "The programme's crosswalks (controls/crosswalks/): each relationship is the source requirement relative to the target, judged on what each obligation asks an organisation to do.",
            },
        };
        collection["mappings"] = mappings;
        collection["back-matter"] = new JsonObject { ["resources"] = c.FrameworkResources() };
        return collection;
    }

    /// <summary>The crosswalk relationship names of the YAML schema, as OSCAL 1.2 names them.</summary>
    public static string Relationship(string relationship) => relationship switch
    {
        "equivalent" => "equivalent-to",
        "subset" => "subset-of",
        "superset" => "superset-of",
        "intersects" => "intersects-with",
        _ => throw new ArgumentOutOfRangeException(nameof(relationship), relationship, "Not a crosswalk relationship."),
    };

    private static JsonObject Item(string requirement) => new()
    {
        ["type"] = "control",
        ["id-ref"] = OscalIds.Token(requirement),
        ["props"] = new JsonArray { Prop("label", requirement) },
    };

    internal static JsonObject Prop(string name, string value) => new() { ["name"] = name, ["ns"] = Ns, ["value"] = value };

    public static string Iso(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "(no date)";

    /// <summary>Whether a requirement is satisfied as of the run, why, and the evidence that says so.</summary>
    internal sealed record Verdict(bool Satisfied, string Explanation, IReadOnlyList<Artifact> Evidence);

    private sealed class ExportContext
    {
        private readonly Dictionary<string, List<ControlDefinition>> _controlsByRequirement = new(StringComparer.Ordinal);
        private readonly Dictionary<string, EvidenceStatus> _evidence;
        private readonly Dictionary<string, int> _freshness = new(StringComparer.Ordinal);

        public ExportContext(CheckResult result, string toolVersion, string rootHref)
        {
            Result = result;
            ToolVersion = toolVersion;
            RootHref = rootHref.Length == 0 || rootHref.EndsWith('/') ? rootHref : rootHref + "/";
            AsOf = result.Options.AsOf;
            Programme = result.Programme.Programme;
            ProgrammeId = Programme?.Id.Value ?? "programme";
            Name = Programme?.Name ?? ProgrammeId;
            InScope = new HashSet<string>(result.Programme.InScopeRequirements, StringComparer.Ordinal);
            foreach (var control in result.Programme.Controls)
            {
                foreach (var requirement in control.MapsTo)
                {
                    if (!_controlsByRequirement.TryGetValue(requirement.Value, out var list))
                    {
                        _controlsByRequirement[requirement.Value] = list = new List<ControlDefinition>();
                    }

                    list.Add(control);
                }

                foreach (var evidence in control.Evidence)
                {
                    _freshness[$"{control.Id.Value}/{evidence.Id.Value}"] = evidence.FreshnessDays;
                }
            }

            _evidence = result.Evidence.GroupBy(e => e.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var scope = Programme?.Scope.Select(s => s.Framework.Value).ToList() ?? new List<string>();
            FrameworksInScope = result.Programme.Frameworks
                .Where(f => scope.Contains(f.Id.Value))
                .OrderBy(f => scope.IndexOf(f.Id.Value))
                .ToList();
        }

        public CheckResult Result { get; }

        public string ToolVersion { get; }

        public string RootHref { get; }

        public DateOnly AsOf { get; }

        public ProgrammeDefinition? Programme { get; }

        public string ProgrammeId { get; }

        public string Name { get; }

        public HashSet<string> InScope { get; }

        public IReadOnlyList<FrameworkDefinition> FrameworksInScope { get; }

        public string Uuid(params string[] parts) => OscalIds.Uuid(ProgrammeId + "/" + string.Join("/", parts));

        public string Timestamp(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";

        public IReadOnlyList<ControlDefinition> ControlsFor(string requirement) =>
            _controlsByRequirement.TryGetValue(requirement, out var list) ? list : (IReadOnlyList<ControlDefinition>)Array.Empty<ControlDefinition>();

        public int? FreshnessDays(string key) => _freshness.TryGetValue(key, out var days) ? days : null;

        public string FrameworkResource(string framework) => Uuid("resource", "framework", framework);

        public JsonObject Metadata(string title, string oscalVersion)
        {
            var party = Uuid("party", "organisation");
            return new JsonObject
            {
                ["title"] = title,
                ["last-modified"] = Timestamp(AsOf),
                ["version"] = Iso(AsOf),
                ["oscal-version"] = oscalVersion,
                ["props"] = new JsonArray { Prop("toolkit-version", ToolVersion), Prop("as-of", Iso(AsOf)) },
                ["parties"] = new JsonArray { new JsonObject { ["uuid"] = party, ["type"] = "organization", ["name"] = Name } },
                ["remarks"] = "Exported by 'compliance export oscal' from the programme's YAML. UUIDs are derived from stable names, and timestamps from the as-of date, so the same commit and as-of date give the same documents.",
            };
        }

        public JsonArray FrameworkResources()
        {
            var resources = new JsonArray();
            foreach (var framework in Result.Programme.Frameworks)
            {
                var resource = new JsonObject
                {
                    ["uuid"] = FrameworkResource(framework.Id.Value),
                    ["title"] = framework.Title,
                    ["props"] = new JsonArray { Prop("framework", framework.Id.Value) },
                };
                if (framework.Citation is { Length: > 0 } citation)
                {
                    resource["citation"] = new JsonObject { ["text"] = citation };
                }

                if (framework.Source is { Length: > 0 } source && Uri.TryCreate(source, UriKind.Absolute, out _))
                {
                    resource["rlinks"] = new JsonArray { new JsonObject { ["href"] = source } };
                }

                resources.Add(resource);
            }

            return resources;
        }

        /// <summary>The in-scope requirements a finding is made for: every leaf that needs a control, and every requirement a control maps to.</summary>
        public IEnumerable<RequirementDefinition> AssessedRequirements()
        {
            foreach (var framework in FrameworksInScope)
            {
                var parents = new HashSet<string>(framework.Requirements.Where(r => r.Parent is not null && InScope.Contains(r.Id.Value)).Select(r => r.Parent!.Value), StringComparer.Ordinal);
                foreach (var requirement in framework.Requirements.Where(r => InScope.Contains(r.Id.Value)))
                {
                    var leaf = !parents.Contains(requirement.Id.Value);
                    if ((leaf && !requirement.Informative) || ControlsFor(requirement.Id.Value).Count > 0)
                    {
                        yield return requirement;
                    }
                }
            }
        }

        public Verdict Verdict(RequirementDefinition requirement)
        {
            var id = requirement.Id.Value;
            var decision = Result.Programme.Decisions.FirstOrDefault(d => d.Requirement.Value == id);
            var controls = ControlsFor(id);
            var problems = new List<string>();
            var evidence = new List<Artifact>();
            if (controls.Count == 0)
            {
                return decision is not null
                    ? new Verdict(true, $"No control maps to {id}; it is covered by the decision '{decision.Decision}': {decision.Rationale}", evidence)
                    : new Verdict(false, $"No control implements {id}, and no decision covers it.", evidence);
            }

            foreach (var control in controls)
            {
                if (control.Status != ControlStatuses.Implemented)
                {
                    problems.Add($"{control.Id.Value} is {control.Status}");
                }

                foreach (var requirementOfControl in control.Evidence)
                {
                    var key = $"{control.Id.Value}/{requirementOfControl.Id.Value}";
                    if (_evidence.TryGetValue(key, out var status))
                    {
                        if (status.Latest is { } latest)
                        {
                            evidence.Add(latest);
                        }

                        if (status.State is EvidenceState.Missing or EvidenceState.Stale)
                        {
                            problems.Add($"the evidence {key} is {status.State.ToString().ToLowerInvariant()}");
                        }
                    }
                }

                var errors = Result.Findings.Count(f => f.Severity == Severity.Error && f.Target is { } target
                    && (target == control.Id.Value || target.StartsWith(control.Id.Value + "/", StringComparison.Ordinal)));
                if (errors > 0)
                {
                    problems.Add($"{errors} error(s) name {control.Id.Value}");
                }
            }

            var requirementErrors = Result.Findings.Count(f => f.Severity == Severity.Error && f.Target == id);
            if (requirementErrors > 0)
            {
                problems.Add($"{requirementErrors} error(s) name {id}");
            }

            var by = string.Join(", ", controls.Select(ctl => ctl.Id.Value));
            return problems.Count == 0
                ? new Verdict(true, $"Implemented by {by}; every control is implemented and its evidence is fresh as of {Iso(AsOf)}.", evidence)
                : new Verdict(false, $"Implemented by {by}, but {string.Join("; ", problems)} as of {Iso(AsOf)}.", evidence);
        }
    }
}
