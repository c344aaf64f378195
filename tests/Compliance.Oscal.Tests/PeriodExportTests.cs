using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Compliance.Engine;
using Compliance.Engine.Period;
using Compliance.Tests.Shared;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace Compliance.Oscal.Tests;

public class PeriodExportTests
{
    // The example programme's history starts in late November 2026, and much of its evidence was collected weeks before its commit.
    private static readonly DayRange Period = new(new DateOnly(2026, 11, 20), new DateOnly(2026, 12, 31));

    private static (CheckResult Result, JObject Json) ExportWithPeriod()
    {
        var result = ComplianceCheck.Run(new CheckOptions(ExportFixture.Root, ExportFixture.AsOf) { Period = Period });
        var documents = OscalExport.Export(result, "0.1.0", "../../");
        return (result, ExportFixture.Parse(documents.Single(d => d.FileName == "assessment-results.json").Json));
    }

    [Fact]
    public void The_period_result_carries_start_end_and_one_finding_per_exception()
    {
        var (result, json) = ExportWithPeriod();
        Assert.NotNull(result.Period);
        Assert.Null(result.Period!.UnavailableReason);

        var results = (JArray)json["assessment-results"]!["results"]!;
        Assert.Equal(2, results.Count);
        var period = results[1];
        Assert.Equal("2026-11-20T00:00:00Z", (string?)period["start"]);
        Assert.Equal("2026-12-31T23:59:59Z", (string?)period["end"]);
        Assert.NotEmpty(result.Period.Exceptions);
        Assert.Equal(result.Period.Exceptions.Count, ((JArray)period["findings"]!).Count);
    }

    [PublishedSchemaFact]
    public void The_period_result_is_valid_against_NISTs_published_schema()
    {
        var (_, json) = ExportWithPeriod();

        var errors = PublishedSchemas.Validator(PublishedSchemas.Oscal112).Errors(json.ToString());

        Assert.True(errors.Count == 0, "assessment-results.json with a period is not valid against OSCAL 1.1.2:\n" + string.Join("\n", errors.Take(20)));
    }

    [Fact]
    public void Without_a_period_the_assessment_results_hold_only_the_as_of_result()
    {
        var result = ComplianceCheck.Run(new CheckOptions(ExportFixture.Root, ExportFixture.AsOf));
        var json = ExportFixture.Parse(OscalExport.Export(result, "0.1.0", "../../").Single(d => d.FileName == "assessment-results.json").Json);

        Assert.Single((JArray)json["assessment-results"]!["results"]!);
    }
}
