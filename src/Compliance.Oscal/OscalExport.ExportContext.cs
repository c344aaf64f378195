using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using Compliance.Engine;
using Compliance.Engine.Checks;
using Compliance.Model.Documents;

namespace Compliance.Oscal;

// What every document reads: the programme, its scope, the lookups by requirement, and the shared metadata and resources.

public static partial class OscalExport
{
    private sealed partial class ExportContext
    {
        private readonly Dictionary<string, EvidenceStatus> _evidence;

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

        /// <summary>The controls that count for the requirement, by the model's coverage: not-applicable ones cover nothing.</summary>
        public IReadOnlyList<ControlDefinition> ControlsFor(string requirement) =>
            Result.Programme.Lookups.Coverage(requirement) is { } coverage
                ? coverage.Controls.Select(id => Result.Programme.Lookups.Control(id)!).ToList()
                : Array.Empty<ControlDefinition>();

        /// <summary>The engine's last fresh day of an artifact; null when it has no collection date or no requirement.</summary>
        public DateOnly? FreshUntil(Compliance.Engine.Evidence.Artifact artifact) =>
            _evidence.TryGetValue(artifact.Record.Key, out var status) ? status.FreshUntilOf(artifact) : null;

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
                ["props"] = new JsonArray(Prop("toolkit-version", ToolVersion), Prop("as-of", Iso(AsOf))),
                ["parties"] = new JsonArray(new JsonObject { ["uuid"] = party, ["type"] = "organization", ["name"] = Name }),
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
                    ["props"] = new JsonArray(Prop("framework", framework.Id.Value)),
                };
                if (framework.Citation is { Length: > 0 } citation)
                {
                    resource["citation"] = new JsonObject { ["text"] = citation };
                }

                if (framework.Source is { Length: > 0 } source && Uri.TryCreate(source, UriKind.Absolute, out _))
                {
                    resource["rlinks"] = new JsonArray(new JsonObject { ["href"] = source });
                }

                resources.Add((JsonNode)resource);
            }

            return resources;
        }
    }
}
