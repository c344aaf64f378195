using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Json.Schema;

namespace Compliance.Tests.Shared;

/// <summary>
/// One published schema, validated by the library that implements its dialect (see Directory.Packages.props):
/// JsonSchema.Net for draft-07 (OSCAL: it resolves the plain-name <c>$id</c> anchors NJsonSchema cannot, and runs
/// <c>\p{L}</c> patterns with .NET's Unicode-aware regular expressions), NJsonSchema for draft-04 (SARIF: JsonSchema.Net
/// has no draft-04 dialect).
/// </summary>
public sealed class SchemaValidator
{
    private readonly JsonSchema? _draft07;
    private readonly NJsonSchema.JsonSchema? _draft04;

    private SchemaValidator(JsonSchema? draft07, NJsonSchema.JsonSchema? draft04)
    {
        _draft07 = draft07;
        _draft04 = draft04;
    }

    public static SchemaValidator Load(string path)
    {
        var text = File.ReadAllText(path);
        return PublishedSchemas.Dialect(text) switch
        {
            "http://json-schema.org/draft-07/schema#" => new SchemaValidator(JsonSchema.FromText(text), null),
            "http://json-schema.org/draft-04/schema#" => new SchemaValidator(null, NJsonSchema.JsonSchema.FromJsonAsync(text, path).GetAwaiter().GetResult()),
            var other => throw new NotSupportedException($"{path}: no validator for the dialect '{other}'."),
        };
    }

    /// <summary>The errors, deepest first (a root <c>oneOf</c> over OSCAL's models otherwise buries them under "catalog is required").</summary>
    public IReadOnlyList<string> Errors(string json)
    {
        if (_draft04 is not null)
        {
            return PublishedSchemas.Top(_draft04.Validate(json).Select(e => e.ToString().ReplaceLineEndings(" ")));
        }

        using var document = JsonDocument.Parse(json);
        var results = _draft07!.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (results.IsValid)
        {
            return Array.Empty<string>();
        }

        return PublishedSchemas.Top((results.Details ?? new List<EvaluationResults>())
            .Where(d => d.Errors is { Count: > 0 })
            .OrderByDescending(d => d.InstanceLocation.ToString().Length)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
            .DefaultIfEmpty("invalid, with no error detail"));
    }
}
