using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Compliance.Model.Schema;
using Compliance.Schema.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace Compliance.Schema.Tests;

/// <summary>Every YAML file of the example programme (and every policy's front matter) is valid against its kind's schema.</summary>
public sealed class ExampleProgrammeTests
{
    public static IEnumerable<object[]> YamlFiles() => ProgrammeFiles().Where(f => !f.EndsWith(".md", StringComparison.Ordinal)).Select(f => new object[] { f });

    public static IEnumerable<object[]> Policies() => ProgrammeFiles().Where(f => f.EndsWith(".md", StringComparison.Ordinal)).Select(f => new object[] { f });

    [Theory]
    [MemberData(nameof(YamlFiles))]
    public void The_file_is_valid_against_its_kind_schema_and_the_any_file_schema(string file)
    {
        var json = YamlJson.Convert(File.ReadAllText(Repo.Path(file)));
        var kind = RootKind(json);
        Assert.True(kind is not null, $"{file}: no root key names a kind.");
        if (file.StartsWith("evidence/", StringComparison.Ordinal))
        {
            Assert.Equal("evidence", kind);
        }

        Assert.Empty(Schemas.Errors(Schemas.ForKind(kind!), json));
        Assert.Empty(Schemas.Errors(Schemas.For(JsonSchemaGenerator.AnyFileSchemaName), json));
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void The_policy_front_matter_is_valid_against_the_policy_schema(string file)
    {
        var frontMatter = YamlJson.FrontMatter(File.ReadAllText(Repo.Path(file)));
        if (frontMatter is null)
        {
            Assert.Equal("README.md", Path.GetFileName(file));
            return;
        }

        Assert.Empty(Schemas.Errors(Schemas.ForKind("policy"), YamlJson.Convert(frontMatter)));
    }

    [Fact]
    public void The_example_programme_has_files_of_every_kind()
    {
        var kinds = ProgrammeFiles().Where(f => !f.EndsWith(".md", StringComparison.Ordinal))
            .Select(f => RootKind(YamlJson.Convert(File.ReadAllText(Repo.Path(f)))))
            .ToHashSet();
        kinds.Add("policy");

        // Larkspur's catalogs each fit in one file, so it has no framework part; tests/Compliance.Model.Tests and
        // the generator's SplitFrameworkTests hold a split framework to its single-file form instead.
        kinds.Add("framework_part");

        Assert.Equal(SchemaCatalog.Kinds.Select(k => k.Kind).OrderBy(k => k), kinds.OrderBy(k => k));
        Assert.True(ProgrammeFiles().Count(f => f.EndsWith(".evidence.yaml", StringComparison.Ordinal)) >= 100);
    }

    [Fact]
    public void A_mistake_in_an_example_file_is_caught_by_its_schema()
    {
        var json = YamlJson.Convert(File.ReadAllText(Repo.Path("controls", "access", "identity.yaml")));
        ((JObject)json["controls"]![0]!)["status"] = "done";
        ((JObject)json["controls"]![0]!)["ownr"] = "samira";

        var errors = Schemas.Errors(Schemas.ForKind("controls"), json);

        Assert.Contains(errors, e => e.Contains("status", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("ownr", StringComparison.Ordinal));
    }

    private static string? RootKind(JToken json) =>
        json is JObject obj ? obj.Properties().Select(p => p.Name).FirstOrDefault(n => SchemaCatalog.YamlKinds.Any(k => k.Kind == n)) : null;

    private static IEnumerable<string> ProgrammeFiles()
    {
        IEnumerable<string> Under(string folder, params string[] patterns) => patterns
            .SelectMany(p => Directory.EnumerateFiles(Repo.Path(folder), p, SearchOption.AllDirectories))
            .Select(f => Path.GetRelativePath(Repo.Root, f).Replace('\\', '/'));

        return Under("controls", "*.yaml", "*.yml")
            .Concat(Under("policies", "*.yaml", "*.yml", "*.md"))
            .Concat(Under("evidence", "*.evidence.yaml"))
            .OrderBy(f => f, StringComparer.Ordinal);
    }
}
