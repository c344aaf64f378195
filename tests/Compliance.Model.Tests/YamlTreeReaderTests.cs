using System.Linq;
using Compliance.Model.Text;
using Compliance.Model.Yaml;

namespace Compliance.Model.Tests;

/// <summary>The YAML reader: positions, the safety limits, and what it keeps that YamlDotNet's representation model hides.</summary>
public sealed class YamlTreeReaderTests
{
    private const string Path = "/repo/controls/x.yaml";

    private static YamlReadResult Read(string text, YamlLimits? limits = null) => YamlTreeReader.Read(Path, text, limits);

    private static void AssertAt(SourceSpan? span, int line, int column)
    {
        Assert.NotNull(span);
        Assert.Equal(Path, span.Path);
        Assert.Equal((line, column), (span.Line, span.Column));
    }

    [Fact]
    public void Spans_are_one_based_with_offsets_into_the_text()
    {
        var root = Assert.IsType<YamlMapping>(Read("key: value\nnext: 'quoted'\n").Root);
        var (key, value) = (root.Entries[0].Key, Assert.IsType<YamlScalar>(root.Entries[0].Value));
        Assert.Equal(new SourceSpan(Path, 0, 3, 1, 1, 1, 4), key.Span);
        Assert.Equal(new SourceSpan(Path, 5, 5, 1, 6, 1, 11), value.Span);
        var quoted = Assert.IsType<YamlScalar>(root.Entries[1].Value);
        Assert.Equal(("quoted", false), (quoted.Value, quoted.IsPlain));
        AssertAt(quoted.Span, 2, 7);
    }

    [Fact]
    public void Byte_order_mark_shifts_offsets_but_not_columns()
    {
        var root = Assert.IsType<YamlMapping>(Read("\uFEFFkey: value\n").Root);
        Assert.Equal(new SourceSpan(Path, 1, 3, 1, 1, 1, 4), root.Entries[0].Key.Span);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("~\n")]
    [InlineData("---\n...\n")]
    public void Empty_documents_have_no_root_and_no_error(string text)
    {
        Assert.Equal(new YamlReadResult(null, null), Read(text));
    }

    [Theory]
    [InlineData("null", true)]
    [InlineData("~", true)]
    [InlineData("NULL", true)]
    [InlineData("'null'", false)]
    [InlineData("nil", false)]
    public void Only_plain_null_spellings_are_null(string value, bool isNull)
    {
        var scalar = Assert.IsType<YamlScalar>(Assert.IsType<YamlMapping>(Read($"a: {value}\n").Root).Entries[0].Value);
        Assert.Equal(isNull, scalar.IsNull);
    }

    [Fact]
    public void Duplicate_keys_are_kept_for_the_binder_to_report()
    {
        var root = Assert.IsType<YamlMapping>(Read("a: 1\na: 2\n").Root);
        Assert.Equal(new[] { "a", "a" }, root.Entries.Select(e => e.Key.Value));
    }

    [Fact]
    public void Size_limit_is_checked_before_parsing()
    {
        var result = Read("a: [unclosed", new YamlLimits(MaxChars: 5, MaxNodes: 100, MaxDepth: 10));
        Assert.Null(result.Root);
        Assert.Equal("CMP0002", result.Error!.RuleId);
        Assert.Equal("The file has 12 characters; programme files are limited to 5.", result.Error.Message);
        AssertAt(result.Error.Location, 1, 1);
    }

    [Fact]
    public void Depth_limit_stops_at_the_first_node_too_deep()
    {
        var result = Read("a:\n  b:\n    c: d\n", new YamlLimits(1000, 100, MaxDepth: 2));
        Assert.Equal("CMP0003", result.Error!.RuleId);
        Assert.Equal("The YAML nests deeper than 2 levels.", result.Error.Message);
        AssertAt(result.Error.Location, 2, 3);
    }

    [Fact]
    public void Node_limit_counts_every_node()
    {
        var result = Read("[a, b, c, d]\n", new YamlLimits(1000, MaxNodes: 3, MaxDepth: 10));
        Assert.Equal("CMP0003", result.Error!.RuleId);
        AssertAt(result.Error.Location, 1, 8);
    }

    [Fact]
    public void Aliases_count_the_nodes_they_expand_to()
    {
        // root 1 + a 1 + [1, 2] 3 = 5; b 1 + *x 3 = 9; c 1 + *x 3 = 13.
        const string text = "a: &x [1, 2]\nb: *x\nc: *x\n";
        Assert.Null(Read(text, new YamlLimits(1000, MaxNodes: 13, MaxDepth: 10)).Error);
        var result = Read(text, new YamlLimits(1000, MaxNodes: 12, MaxDepth: 10));
        Assert.Equal("CMP0003", result.Error!.RuleId);
        Assert.Equal("The YAML expands to more than 12 nodes through its aliases (a 'billion laughs' alias bomb?).", result.Error.Message);
        AssertAt(result.Error.Location, 3, 4);
    }

    [Fact]
    public void Aliased_nodes_are_shared_and_weighed()
    {
        var root = Assert.IsType<YamlMapping>(Read("a: &x [1, 2]\nb: *x\n").Root);
        Assert.Same(root.Entries[0].Value, root.Entries[1].Value);
        Assert.Equal(3, root.Entries[0].Value.Weight);
        Assert.Equal(9, root.Weight);
    }

    [Fact]
    public void Second_document_is_refused()
    {
        var result = Read("a: 1\n---\nb: 2\n");
        Assert.Equal("CMP0007", result.Error!.RuleId);
        AssertAt(result.Error.Location, 2, 1);
    }

    [Fact]
    public void Default_limits()
    {
        Assert.Equal(new YamlLimits(4 * 1024 * 1024, 1_000_000, 64), YamlLimits.Default);
    }
}
