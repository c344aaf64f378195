using System.IO;
using System.Linq;
using Compliance.Cli.Commands;
using Compliance.Model.Schema;

namespace Compliance.Init.Tests;

/// <summary>'compliance schema': writes the generated schemas, and --check tells when a copy is out of date.</summary>
public sealed class SchemaCommandTests
{
    [Fact]
    public void It_writes_every_schema_and_check_then_passes()
    {
        using var folder = new TempFolder();

        Assert.Equal(0, SchemaCommand.Run(new[] { "--out", folder.Path }, new StringWriter()));

        Assert.Equal(JsonSchemaGenerator.GenerateAll().Select(f => f.Key).OrderBy(n => n), Directory.GetFiles(folder.Path).Select(f => Path.GetFileName(f)).OrderBy(n => n));
        Assert.Equal(0, SchemaCommand.Run(new[] { "--out", folder.Path, "--check" }, new StringWriter()));
    }

    [Fact]
    public void Check_fails_on_a_stale_schema_and_writes_nothing()
    {
        using var folder = new TempFolder();
        SchemaCommand.Run(new[] { "--out", folder.Path }, new StringWriter());
        File.WriteAllText(folder.File("controls.schema.json"), "{}\n");
        var output = new StringWriter();

        var exit = SchemaCommand.Run(new[] { "--out", folder.Path, "--check" }, output);

        Assert.Equal(1, exit);
        Assert.Contains("controls.schema.json: out of date", output.ToString());
        Assert.Equal("{}\n", File.ReadAllText(folder.File("controls.schema.json")));
    }
}
