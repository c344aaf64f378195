using System.IO;
using System.Linq;
using System.Text.Json;
using Compliance.Engine.Reports;
using Compliance.Model.Diagnostics;

namespace Compliance.Engine.Tests;

public class ReportTests
{
    private static CheckResult FailingResult(TestProgramme programme)
    {
        programme.Write("evidence/stray.csv", "x\n");
        programme.Delete("evidence/baa/cloud.md");
        return programme.Check();
    }

    [Fact]
    public void Sarif_has_the_required_2_1_0_fields()
    {
        using var programme = new TestProgramme();
        var sarif = JsonDocument.Parse(SarifReport.Render(FailingResult(programme), "1.2.3")).RootElement;

        Assert.Equal("2.1.0", sarif.GetProperty("version").GetString());
        Assert.Equal(SarifReport.SchemaUri, sarif.GetProperty("$schema").GetString());
        var run = Assert.Single(sarif.GetProperty("runs").EnumerateArray());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("compliance", driver.GetProperty("name").GetString());
        var ruleIds = driver.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal(Rules.All.Select(r => r.Id), ruleIds);
        Assert.All(driver.GetProperty("rules").EnumerateArray(), r =>
            Assert.Equal(Rules.Find(r.GetProperty("id").GetString()!)!.HelpLink, r.GetProperty("helpUri").GetString()));

        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(results);
        foreach (var result in results)
        {
            Assert.False(string.IsNullOrEmpty(result.GetProperty("message").GetProperty("text").GetString()));
            var ruleId = result.GetProperty("ruleId").GetString();
            Assert.Equal(ruleId, ruleIds[result.GetProperty("ruleIndex").GetInt32()]);
            Assert.Contains(result.GetProperty("level").GetString(), new[] { "error", "warning", "note", "none" });
            if (result.TryGetProperty("locations", out var locations))
            {
                var physical = locations[0].GetProperty("physicalLocation");
                var uri = physical.GetProperty("artifactLocation").GetProperty("uri").GetString()!;
                Assert.False(Path.IsPathRooted(uri));
                var region = physical.GetProperty("region");
                Assert.True(region.GetProperty("startLine").GetInt32() >= 1);
                Assert.True(region.GetProperty("startColumn").GetInt32() >= 1);
                Assert.True(region.GetProperty("endLine").GetInt32() >= region.GetProperty("startLine").GetInt32());
            }
        }

        Assert.Contains(results, r => r.GetProperty("ruleId").GetString() == "CMP1205" && r.GetProperty("level").GetString() == "error");
    }

    [Fact]
    public void Reports_are_byte_identical_for_the_same_commit_and_as_of_date()
    {
        using var programme = new TestProgramme();
        var first = FailingResult(programme);
        var second = programme.Check();

        Assert.Equal(JsonReport.Render(first), JsonReport.Render(second));
        Assert.Equal(SarifReport.Render(first, "1"), SarifReport.Render(second, "1"));
        Assert.Equal(TextReport.Render(first), TextReport.Render(second));
    }

    [Fact]
    public void The_json_report_holds_findings_inventory_provenance_and_the_as_of_date()
    {
        using var programme = new TestProgramme();
        var json = JsonDocument.Parse(JsonReport.Render(FailingResult(programme))).RootElement;

        Assert.Equal("2026-11-01", json.GetProperty("asOf").GetString());
        Assert.True(json.GetProperty("provenance").GetProperty("available").GetBoolean());
        Assert.Equal(40, json.GetProperty("provenance").GetProperty("head").GetProperty("sha").GetString()!.Length);
        Assert.False(json.GetProperty("summary").GetProperty("passed").GetBoolean());
        var artifact = Assert.Single(json.GetProperty("artifacts").EnumerateArray());
        Assert.Equal("evidence/cry-01/kms-keys/kms-2026-10-20.json", artifact.GetProperty("path").GetString());
        Assert.Equal("intact", artifact.GetProperty("integrity").GetString());
        Assert.Equal("Initial programme", artifact.GetProperty("addedBy").GetProperty("summary").GetString());
        Assert.Equal("fresh", json.GetProperty("evidenceRequirements")[0].GetProperty("state").GetString());
        Assert.Contains(json.GetProperty("findings").EnumerateArray(), f => f.GetProperty("rule").GetString() == "CMP1205" && f.GetProperty("line").GetInt32() == 12);
    }

    [Fact]
    public void The_json_report_shows_the_models_coverage_record_of_every_in_scope_requirement()
    {
        using var programme = new TestProgramme();
        var result = FailingResult(programme);
        var coverage = JsonDocument.Parse(JsonReport.Render(result)).RootElement.GetProperty("coverage").EnumerateArray().ToList();

        Assert.Equal(result.Programme.InScopeRequirements.ToList(), coverage.Select(c => c.GetProperty("requirement").GetString()!).ToList());
        Assert.All(coverage, c =>
        {
            var record = result.Programme.Lookups.Coverage(c.GetProperty("requirement").GetString()!)!;
            Assert.Equal(System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(record.State.ToString()), c.GetProperty("state").GetString());
            Assert.Equal(record.Controls.ToList(), c.GetProperty("controls").EnumerateArray().Select(x => x.GetString()!).ToList());
        });
    }

    [Fact]
    public void The_json_report_lists_the_items_not_evaluated_in_the_models_order_and_none_when_all_were_read()
    {
        using var programme = new TestProgramme();
        Assert.Empty(JsonDocument.Parse(JsonReport.Render(programme.Check())).RootElement.GetProperty("incomplete").EnumerateArray());

        programme.Write("controls/extra.yaml", "controls:\n  - id: C-X\n    Title: Wrong case\n    description: D.\n    owner: alice\n    status: implemented\n");
        var result = programme.Check();
        var incomplete = JsonDocument.Parse(JsonReport.Render(result)).RootElement.GetProperty("incomplete").EnumerateArray().ToList();

        var item = Assert.Single(incomplete);
        Assert.Equal(
            ("control", "C-X", "controls/extra.yaml", 2, 9, false),
            (item.GetProperty("kind").GetString(), item.GetProperty("id").GetString(), item.GetProperty("path").GetString(), item.GetProperty("line").GetInt32(), item.GetProperty("column").GetInt32(), item.TryGetProperty("parent", out _)));
        Assert.Equal(result.Programme.Incomplete.Select(i => i.Id.Value), incomplete.Select(i => i.GetProperty("id").GetString()));
    }

    [Fact]
    public void The_text_report_ends_with_the_summary_then_canonical_lines()
    {
        using var programme = new TestProgramme();
        var lines = TextReport.Render(FailingResult(programme)).TrimEnd('\n').Split('\n');

        Assert.StartsWith("Compliance check of 'Acme Health' as of 2026-11-01, commit ", lines[0]);
        var summary = System.Array.FindIndex(lines, l => l.StartsWith("Summary: ", System.StringComparison.Ordinal));
        Assert.Equal("Summary: 1 error(s), 1 warning(s), 0 waived; 1 controls, 1 evidence requirements, 1 artifacts, 1 vendors, 1 policies.", lines[summary]);
        Assert.All(lines.Skip(summary + 1), l => Assert.Matches(@"^[^()]+\(\d+,\d+\): (error|warning) CMP\d{4}: .+ Fix: .+$", l));
    }
}
