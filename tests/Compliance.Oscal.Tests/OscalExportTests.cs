using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Compliance.Cli.Commands;
using Newtonsoft.Json.Linq;

namespace Compliance.Oscal.Tests;

public sealed class OscalExportTests : IClassFixture<ExportFixture>
{
    private static readonly Regex UuidPattern = new("^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
    private readonly ExportFixture _fixture;

    public OscalExportTests(ExportFixture fixture) => _fixture = fixture;

    [Fact]
    public void The_OSCAL_versions_are_1_1_2_and_1_2_0_for_the_mapping_model()
    {
        Assert.Equal("1.1.2", (string?)_fixture.Current.ComponentDefinition["metadata"]!["oscal-version"]);
        Assert.Equal("1.1.2", (string?)_fixture.Current.AssessmentResults["metadata"]!["oscal-version"]);
        Assert.Equal("1.2.0", (string?)_fixture.Current.MappingCollection["metadata"]!["oscal-version"]);
    }

    [Fact]
    public void The_same_result_exports_the_same_bytes_and_every_timestamp_comes_from_the_as_of_date()
    {
        var again = ExportFixture.Export(ExportFixture.AsOf);

        Assert.Equal(_fixture.Current.Documents, again.Documents);
        foreach (var document in _fixture.Current.Documents)
        {
            foreach (Match match in Regex.Matches(document.Json, "\"(last-modified|start|end|collected|expires)\": \"([^\"]+)\""))
            {
                Assert.Matches("^[0-9]{4}-[0-9]{2}-[0-9]{2}T00:00:00Z$", match.Groups[2].Value);
                if (match.Groups[1].Value is "last-modified" or "start" or "end")
                {
                    Assert.Equal("2026-11-01T00:00:00Z", match.Groups[2].Value);
                }
            }
        }
    }

    [Fact]
    public void UUIDs_are_version_5_unique_within_each_document_and_stable_across_as_of_dates()
    {
        foreach (var (name, json) in _fixture.Current.Json)
        {
            var uuids = Tokens(json).Where(t => t.Path.EndsWith("uuid", StringComparison.Ordinal) && t.Parent is JProperty { Name: "uuid" }).Select(t => (string)t!).ToList();
            Assert.NotEmpty(uuids);
            Assert.All(uuids, u => Assert.Matches(UuidPattern, u));
            Assert.True(uuids.Count == uuids.Distinct().Count(), $"{name} repeats a UUID.");
        }

        // The component definition does not depend on the date; the results do.
        Assert.Equal((string?)_fixture.Current.ComponentDefinition["uuid"], (string?)_fixture.Stale.ComponentDefinition["uuid"]);
        Assert.NotEqual((string?)_fixture.Current.AssessmentResults["uuid"], (string?)_fixture.Stale.AssessmentResults["uuid"]);
        Assert.Equal("42559f54-9ee8-51d9-b2bd-a249a2e9c9ed", (string?)_fixture.Current.ComponentDefinition["uuid"]);
    }

    [Fact]
    public void Name_based_UUIDs_follow_RFC_4122_version_5()
    {
        // uuid.uuid5(uuid.UUID('7c1b4f0e-5d2a-4c8e-9b3f-2a6d8e4f1c90'), 'larkspur/component-definition') in Python.
        Assert.Equal("42559f54-9ee8-51d9-b2bd-a249a2e9c9ed", OscalIds.Uuid("larkspur/component-definition"));
    }

    [Fact]
    public void Every_internal_reference_resolves()
    {
        foreach (var (name, json) in _fixture.Current.Json)
        {
            var root = (JObject)json.Properties().Single().Value;
            var resources = root["back-matter"]?["resources"]?.Select(r => (string)r["uuid"]!).ToHashSet() ?? new HashSet<string>();
            foreach (var href in Tokens(json).OfType<JValue>().Where(v => v.Parent is JProperty { Name: "href" or "source" }).Select(v => (string)v!))
            {
                if (href.StartsWith('#'))
                {
                    Assert.True(resources.Contains(href[1..]), $"{name}: {href} names no back-matter resource.");
                }
            }
        }

        var result = _fixture.Current.AssessmentResults["results"]![0]!;
        var observations = result["observations"]!.Select(o => (string)o["uuid"]!).ToHashSet();
        var related = result["findings"]!.SelectMany(f => f["related-observations"] ?? new JArray()).Select(r => (string)r["observation-uuid"]!).ToList();
        Assert.NotEmpty(related);
        Assert.All(related, r => Assert.Contains(r, observations));
    }

    [Fact]
    public void The_component_definition_implements_each_framework_with_the_controls_that_map_to_it()
    {
        var implementations = _fixture.Current.ComponentDefinition["components"]![0]!["control-implementations"]!;
        var frameworks = implementations.Select(i => (string)i["props"]!.Single(p => (string?)p["name"] == "framework")["value"]!).ToList();
        Assert.Equal(new[] { "hipaa-security", "hipaa-breach", "soc2" }, frameworks);

        var hipaa = implementations[0]!["implemented-requirements"]!;
        var d = hipaa.Single(r => (string?)r["control-id"] == "req-164.312_d");
        Assert.Contains(d["props"]!, p => (string?)p["name"] == "label" && (string?)p["value"] == "164.312(d)");
        Assert.Contains(d["props"]!, p => (string?)p["name"] == "control" && (string?)p["value"] == "IAM-01");
        Assert.All(implementations.SelectMany(i => i["implemented-requirements"]!), r => Assert.True(OscalIds.IsToken((string)r["control-id"]!)));
    }

    [Fact]
    public void An_observation_carries_the_evidence_link_its_SHA_256_and_its_collected_and_expiry_dates()
    {
        var observation = _fixture.Current.AssessmentResults["results"]![0]!["observations"]!
            .Single(o => (string?)o["title"] == "evidence/hr-05/acknowledgements/confidentiality-and-coc-acknowledgements-2026-10-05.csv");
        var sidecar = File.ReadAllText(Path.Combine(ExportFixture.Root, "evidence/hr-05/acknowledgements/confidentiality-and-coc-acknowledgements-2026-10-05.csv.evidence.yaml"));
        var sha = Regex.Match(sidecar, "sha256: ([0-9a-f]{64})").Groups[1].Value;
        var freshness = _fixture.Current.Result.Programme.Controls.Single(c => c.Id.Value == "HR-05").Evidence.Single(e => e.Id.Value == "acknowledgements").FreshnessDays;

        Assert.Equal("2026-10-05T00:00:00Z", (string?)observation["collected"]);
        Assert.Equal(new DateOnly(2026, 10, 5).AddDays(freshness).ToString("yyyy-MM-dd") + "T00:00:00Z", (string?)observation["expires"]);
        Assert.Contains(observation["props"]!, p => (string?)p["name"] == "sha256" && (string?)p["value"] == sha);
        Assert.Contains(observation["props"]!, p => (string?)p["name"] == "integrity" && (string?)p["value"] == "intact");
        var href = ((string)observation["relevant-evidence"]![0]!["href"]!)[1..];
        var resource = _fixture.Current.AssessmentResults["back-matter"]!["resources"]!.Single(r => (string?)r["uuid"] == href);
        Assert.Equal("../../evidence/hr-05/acknowledgements/confidentiality-and-coc-acknowledgements-2026-10-05.csv", (string?)resource["rlinks"]![0]!["href"]);
        Assert.Equal("SHA-256", (string?)resource["rlinks"]![0]!["hashes"]![0]!["algorithm"]);
        Assert.Equal(sha, (string?)resource["rlinks"]![0]!["hashes"]![0]!["value"]);
    }

    [Fact]
    public void Findings_are_satisfied_on_fresh_evidence_and_not_satisfied_when_it_is_stale()
    {
        var now = _fixture.Current.Finding("164.312(d)");
        var later = _fixture.Stale.Finding("164.312(d)");

        Assert.Equal("satisfied", (string?)now["target"]!["status"]!["state"]);
        Assert.Equal("objective-id", (string?)now["target"]!["type"]);
        Assert.Equal("req-164.312_d", (string?)now["target"]!["target-id"]);
        Assert.Equal("not-satisfied", (string?)later["target"]!["status"]!["state"]);
        Assert.Contains("stale", (string?)later["description"]);
        Assert.Equal("true", (string?)_fixture.Current.AssessmentResults["results"]![0]!["props"]!.Single(p => (string?)p["name"] == "passed")["value"]);
        Assert.Equal("false", (string?)_fixture.Stale.AssessmentResults["results"]![0]!["props"]!.Single(p => (string?)p["name"] == "passed")["value"]);
    }

    [Fact]
    public void The_mapping_collection_holds_every_crosswalk_mapping_with_its_OSCAL_relationship()
    {
        var crosswalks = _fixture.Current.Result.Programme.Crosswalks;
        var mappings = _fixture.Current.MappingCollection["mappings"]!;

        Assert.Equal(crosswalks.Count, mappings.Count());
        Assert.Equal(crosswalks.Sum(c => c.Mappings.Count), mappings.Sum(m => m["maps"]!.Count()));
        var first = crosswalks[0].Mappings[0];
        var map = mappings[0]!["maps"]![0]!;
        Assert.Equal(OscalExport.Relationship(first.Relationship), (string?)map["relationship"]);
        Assert.Equal(OscalIds.Token(first.Source.Value), (string?)map["sources"]![0]!["id-ref"]);
        Assert.Equal(first.Rationale, (string?)map["remarks"]);
        Assert.Equal("human", (string?)_fixture.Current.MappingCollection["provenance"]!["method"]);
    }

    [Theory]
    [InlineData("equivalent", "equivalent-to")]
    [InlineData("subset", "subset-of")]
    [InlineData("superset", "superset-of")]
    [InlineData("intersects", "intersects-with")]
    public void Crosswalk_relationships_map_to_OSCAL_relationships(string yaml, string oscal) =>
        Assert.Equal(oscal, OscalExport.Relationship(yaml));

    [Theory]
    [InlineData("CC6.1", "CC6.1")]
    [InlineData("164.312(a)(2)(iv)", "req-164.312_a_2_iv")]
    [InlineData("164.308", "req-164.308")]
    [InlineData("A1.2", "A1.2")]
    public void Requirement_IDs_become_OSCAL_tokens(string id, string token)
    {
        Assert.Equal(token, OscalIds.Token(id));
        Assert.True(OscalIds.IsToken(token));
    }

    [Fact]
    public void Requirement_tokens_of_the_example_programme_are_unique()
    {
        var ids = _fixture.Current.Result.Programme.Frameworks.SelectMany(f => f.Requirements).Select(r => r.Id.Value).ToList();

        Assert.Equal(ids.Count, ids.Select(OscalIds.Token).Distinct().Count());
    }

    [Fact]
    public void The_export_command_writes_the_three_documents()
    {
        var folder = Path.Combine(Path.GetTempPath(), "oscal-" + Guid.NewGuid().ToString("N"));
        try
        {
            var output = new StringWriter();
            var exit = ExportCommand.Run(new[] { "oscal", "--root", ExportFixture.Root, "--out", folder, "--as-of", "2026-11-01" }, output, () => throw new InvalidOperationException("The export read the clock."));

            Assert.Equal(0, exit);
            Assert.Equal(new[] { "assessment-results.json", "component-definition.json", "mapping-collection.json" }, Directory.GetFiles(folder).Select(Path.GetFileName).OrderBy(f => f));
            var relative = Path.GetRelativePath(folder, ExportFixture.Root).Replace('\\', '/') + "/evidence/";
            Assert.Contains($"\"href\": \"{relative}", File.ReadAllText(Path.Combine(folder, "assessment-results.json")));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static IEnumerable<JToken> Tokens(JToken root) => ((JContainer)root).DescendantsAndSelf();
}
