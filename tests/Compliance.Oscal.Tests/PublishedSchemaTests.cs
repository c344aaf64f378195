using System.Linq;
using Compliance.Tests.Shared;
using Newtonsoft.Json.Linq;

namespace Compliance.Oscal.Tests;

/// <summary>Every export against NIST's complete schema of the OSCAL version it declares.</summary>
public sealed class PublishedSchemaTests : IClassFixture<ExportFixture>
{
    private readonly ExportFixture _fixture;

    public PublishedSchemaTests(ExportFixture fixture) => _fixture = fixture;

    [PublishedSchemaTheory]
    [InlineData("component-definition", PublishedSchemas.Oscal112)]
    [InlineData("assessment-results", PublishedSchemas.Oscal112)]
    [InlineData("mapping-collection", PublishedSchemas.Oscal121)]
    public void Each_export_is_valid_against_NISTs_published_schema(string model, string schema)
    {
        var validator = PublishedSchemas.Validator(schema);

        foreach (var exported in new[] { _fixture.Current, _fixture.Stale })
        {
            var document = exported.Documents.Single(d => d.FileName == $"{model}.json");
            var errors = validator.Errors(document.Json);
            Assert.True(errors.Count == 0, $"{model}.json as of {exported.Result.Options.AsOf} is not valid against {schema}:\n" + string.Join("\n", errors));
        }
    }

    [PublishedSchemaFact]
    public void The_validator_rejects_a_missing_required_field_and_a_value_outside_an_enumeration()
    {
        var broken = (JObject)_fixture.Current.Json["assessment-results.json"].DeepClone();
        ((JObject)broken["assessment-results"]!).Remove("import-ap");
        ((JObject)broken["assessment-results"]!["results"]![0]!["findings"]![0]!["target"]!["status"]!)["state"] = "passed";

        var errors = PublishedSchemas.Validator(PublishedSchemas.Oscal112).Errors(broken.ToString());

        Assert.Contains(errors, e => e.StartsWith("/assessment-results:", System.StringComparison.Ordinal) && e.Contains("import-ap", System.StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("/assessment-results/results/0/findings/0/target/status/state:", System.StringComparison.Ordinal));
    }

    [PublishedSchemaTheory]
    [InlineData("élan-1", true)]
    [InlineData("控制-7", true)]
    [InlineData("1-starts-with-a-digit", false)]
    [InlineData("has space", false)]
    public void Token_patterns_run_with_Unicode_property_escapes(string controlId, bool valid)
    {
        // OSCAL's TokenDatatype is ^(\p{L}|_)(\p{L}|\p{N}|[.\-_])*$: a letter in any script may start a token.
        var document = (JObject)_fixture.Current.Json["component-definition.json"].DeepClone();
        document["component-definition"]!["components"]![0]!["control-implementations"]![0]!["implemented-requirements"]![0]!["control-id"] = controlId;

        var errors = PublishedSchemas.Validator(PublishedSchemas.Oscal112).Errors(document.ToString());

        Assert.True(valid == (errors.Count == 0), $"'{controlId}' should be {(valid ? "valid" : "invalid")}:\n" + string.Join("\n", errors));
    }
}
