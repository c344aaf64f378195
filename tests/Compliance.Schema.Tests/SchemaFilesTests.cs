using System.IO;
using System.Linq;
using Compliance.Model.Schema;
using Compliance.Schema.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace Compliance.Schema.Tests;

/// <summary>The schemas committed under schemas/ are exactly what the catalog generates today.</summary>
public sealed class SchemaFilesTests
{
    private const string Regenerate = "Regenerate them: dotnet run --project src/Compliance.Cli -- schema --out schemas";

    [Fact]
    public void The_committed_schemas_are_what_the_catalog_generates()
    {
        foreach (var (name, content) in JsonSchemaGenerator.GenerateAll())
        {
            var path = Repo.Path("schemas", name);
            Assert.True(File.Exists(path), $"schemas/{name} is missing. {Regenerate}");
            Assert.True(content == File.ReadAllText(path), $"schemas/{name} differs from the catalog. {Regenerate}");
        }
    }

    [Fact]
    public void The_schemas_folder_holds_only_generated_schemas()
    {
        var generated = JsonSchemaGenerator.GenerateAll().Select(f => f.Key).OrderBy(n => n).ToList();
        var committed = Directory.GetFiles(Repo.Path("schemas"), "*.json").Select(f => Path.GetFileName(f)!).OrderBy(n => n).ToList();

        Assert.Equal(generated, committed);
    }

    [Fact]
    public void Generating_twice_gives_the_same_bytes()
    {
        Assert.Equal(JsonSchemaGenerator.GenerateAll(), JsonSchemaGenerator.GenerateAll());
    }

    [Fact]
    public void Every_schema_is_draft_07_JSON_that_the_validator_loads()
    {
        foreach (var (name, content) in JsonSchemaGenerator.GenerateAll())
        {
            var json = JObject.Parse(content);
            Assert.Equal(JsonSchemaGenerator.Draft, (string?)json["$schema"]);
            Assert.NotNull(Schemas.For(name));
        }
    }

    [Fact]
    public void The_VS_Code_settings_map_the_programme_folders_to_schemas_that_exist()
    {
        var settings = JObject.Parse(File.ReadAllText(Repo.Path(".vscode", "settings.json")));
        var mapping = (JObject)settings["yaml.schemas"]!;
        var globs = mapping.Properties().SelectMany(p => p.Value.Values<string>()).ToList();

        foreach (var property in mapping.Properties())
        {
            Assert.True(File.Exists(Repo.Path(property.Name.TrimStart('.', '/'))), $"{property.Name} does not exist.");
        }

        Assert.Contains("controls/**/*.yaml", globs);
        Assert.Contains("policies/**/*.yaml", globs);
        Assert.Contains("evidence/**/*.evidence.yaml", globs);
    }
}
