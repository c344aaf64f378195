using Compliance.Model.Diagnostics;
using Compliance.Model.Yaml;

namespace Compliance.Model.Tests;

/// <summary>The YAML reader's tag allow-list: only the core schema's implicit types, every explicit tag refused by name at its position.</summary>
public sealed class YamlTagTests
{
    private const string Path = "controls/x.yaml";

    [Theory]
    [InlineData("key: !!binary aGVsbG8=\n", "!!binary", 1, 6)]
    [InlineData("key: !!str 12\n", "!!str", 1, 6)]
    [InlineData("key: !custom value\n", "!custom", 1, 6)]
    [InlineData("key: !<tag:example.com,2026:x> value\n", "!<tag:example.com,2026:x>", 1, 6)]
    [InlineData("key:\n  - a\n  - !!int 3\n", "!!int", 3, 5)]
    [InlineData("!!map\nkey: value\n", "!!map", 1, 1)]
    [InlineData("key: !!seq [a]\n", "!!seq", 1, 6)]
    [InlineData("!!str key: value\n", "!!str", 1, 1)]
    [InlineData("key: ! value\n", "!", 1, 6)]
    [InlineData("%TAG !e! tag:example.com,2026:\n---\nkey: !e!thing value\n", "!<tag:example.com,2026:thing>", 3, 6)]
    public void Explicit_tag_is_an_error_naming_the_tag_at_its_position(string text, string tag, int line, int column)
    {
        var read = YamlTreeReader.Read(Path, text);
        Assert.Null(read.Root);
        var error = Assert.IsType<Finding>(read.Error);
        Assert.Equal(Rules.ExplicitYamlTag.Id, error.RuleId);
        Assert.Contains($"'{tag}'", error.Message);
        Assert.Equal((line, column), (error.Location!.Line, error.Location.Column));
    }

    [Theory]
    [InlineData("key: 'quoted !!binary'\n")]
    [InlineData("key: text with ! inside\n")]
    [InlineData("key: [1, true, null, 2026-01-31, \"x\"]\n")]
    public void Implicit_types_and_text_that_mentions_a_tag_are_read(string text)
    {
        var read = YamlTreeReader.Read(Path, text);
        Assert.Null(read.Error);
        Assert.NotNull(read.Root);
    }
}
