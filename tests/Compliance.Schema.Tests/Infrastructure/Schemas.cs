using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Compliance.Model.Schema;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace Compliance.Schema.Tests.Infrastructure;

/// <summary>The generated schemas, loaded once into NJsonSchema's validator.</summary>
internal static class Schemas
{
    private static readonly ConcurrentDictionary<string, JsonSchema> Loaded = new();

    public static JsonSchema For(string fileName) => Loaded.GetOrAdd(fileName, name =>
    {
        var text = JsonSchemaGenerator.GenerateAll().Single(f => f.Key == name).Value;
        return JsonSchema.FromJsonAsync(text).GetAwaiter().GetResult();
    });

    public static JsonSchema ForKind(string kind) => For(SchemaCatalog.Find(kind).SchemaFileName);

    public static IReadOnlyList<string> Errors(JsonSchema schema, JToken json) =>
        schema.Validate(json).Select(e => e.ToString()).ToList();
}
