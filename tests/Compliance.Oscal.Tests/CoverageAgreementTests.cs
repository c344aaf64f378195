using System;
using System.IO;
using System.Linq;
using Compliance.Engine;
using Compliance.Model.Diagnostics;
using Compliance.Model.Linking;
using Newtonsoft.Json.Linq;

namespace Compliance.Oscal.Tests;

/// <summary>
/// The gate and OSCAL read one coverage record, so they cannot disagree. Before, a requirement implemented by
/// a control and also mapped by a not-applicable one was covered for the gate but 'not-satisfied' in OSCAL
/// ("X is not-applicable"): a not-applicable control covers nothing, so it now neither satisfies nor fails it.
/// </summary>
public sealed class CoverageAgreementTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("oscal-coverage-").FullName;

    public CoverageAgreementTests()
    {
        Write("controls/programme.yaml", "programme:\n  id: test\n  name: Test\n  scope:\n    - framework: fw\n");
        Write("controls/frameworks/fw.yaml", "framework:\n  id: fw\n  title: Framework\nrequirements:\n  - id: R1\n    title: Requirement one\n    kind: standard\n    required: true\n  - id: R2\n    title: Requirement two\n    kind: standard\n    required: true\n");
        Write("controls/controls.yaml", """
            controls:
              - id: C-1
                title: Control one
                description: Does the thing.
                owner: alice
                status: implemented
                maps_to: [R1]
              - id: C-NA
                title: Control that does not apply
                description: Documents that the thing does not apply here.
                owner: alice
                status: not-applicable
                maps_to: [R1, R2]

            """);
        Write("policies/people.yaml", "people:\n  - id: alice\n    name: Alice\n    email: alice@example.test\n    role: Security Officer\n    phi_access: true\n    status: active\n");
    }

    [Fact]
    public void A_not_applicable_control_beside_an_implemented_one_leaves_the_requirement_satisfied_in_both()
    {
        var result = ComplianceCheck.Run(new CheckOptions(_root, new DateOnly(2026, 11, 1)));
        var coverage = result.Programme.Lookups.Coverage("R1")!;

        Assert.Equal(CoverageState.Implemented, coverage.State);
        Assert.Equal(new[] { "C-1" }, coverage.Controls);
        Assert.Equal(new[] { "C-NA" }, coverage.NotApplicableControls);
        Assert.Equal("satisfied", State(result, "R1"));
    }

    [Fact]
    public void A_requirement_mapped_only_by_a_not_applicable_control_fails_in_both()
    {
        var result = ComplianceCheck.Run(new CheckOptions(_root, new DateOnly(2026, 11, 1)));

        Assert.Equal(CoverageState.NotCovered, result.Programme.Lookups.Coverage("R2")!.State);
        Assert.Contains(result.Findings, f => f.RuleId == Rules.UncoveredRequirement.Id && f.Message.Contains("'R2'", StringComparison.Ordinal));
        Assert.Equal("not-satisfied", State(result, "R2"));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static string? State(CheckResult result, string requirement)
    {
        var documents = OscalExport.Export(result, "0.1.0", "../../");
        var json = ExportFixture.Parse(documents.Single(d => d.FileName == "assessment-results.json").Json);
        var finding = json["assessment-results"]!["results"]![0]!["findings"]!
            .Single(f => f["props"]!.Any(p => (string?)p["name"] == "label" && (string?)p["value"] == requirement));
        return (string?)finding["target"]!["status"]!["state"];
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
