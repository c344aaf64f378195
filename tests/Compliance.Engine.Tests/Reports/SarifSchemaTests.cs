using System.Text.Json.Nodes;
using Compliance.Engine.Reports;
using Compliance.Tests.Shared;

namespace Compliance.Engine.Tests;

/// <summary>The SARIF report of a failing programme against OASIS's published SARIF 2.1.0 schema (draft-04).</summary>
public class SarifSchemaTests
{
    private static string FailingSarif()
    {
        using var programme = new TestProgramme();
        programme.Write("evidence/stray.csv", "x\n");
        programme.Delete("evidence/baa/cloud.md");
        return SarifReport.Render(programme.Check(), "1.2.3");
    }

    [PublishedSchemaFact]
    public void The_SARIF_of_a_failing_programme_is_valid_against_the_OASIS_2_1_0_schema()
    {
        var sarif = FailingSarif();
        Assert.Contains("\"level\": \"error\"", sarif);

        var errors = PublishedSchemas.Validator(PublishedSchemas.Sarif210).Errors(sarif);

        Assert.True(errors.Count == 0, "compliance.sarif is not valid against SARIF 2.1.0:\n" + string.Join("\n", errors));
    }

    [PublishedSchemaFact]
    public void The_validator_rejects_a_level_SARIF_does_not_define()
    {
        var sarif = JsonNode.Parse(FailingSarif())!;
        sarif["runs"]![0]!["results"]![0]!["level"] = "fatal";

        var errors = PublishedSchemas.Validator(PublishedSchemas.Sarif210).Errors(sarif.ToJsonString());

        Assert.Contains(errors, e => e.Contains("NotInEnumeration", System.StringComparison.Ordinal) && e.Contains("level", System.StringComparison.Ordinal));
    }
}
