using System.Collections.Generic;
using Compliance.Model.Text;

namespace Compliance.Model.Yaml;

/// <summary>
/// A YAML node that remembers where it stands in its file. YamlDotNet's representation model
/// rejects duplicate keys by throwing and hides aliases; this tree keeps both visible so that
/// the binder can report them as diagnostics.
/// </summary>
public abstract class YamlNode
{
    protected YamlNode(SourceSpan span) => Span = span;

    public SourceSpan Span { get; }

    /// <summary>Nodes in this subtree with aliases expanded: what a naive walker would visit.</summary>
    public long Weight { get; internal set; } = 1;

    public abstract string KindName { get; }
}

public sealed class YamlScalar : YamlNode
{
    public YamlScalar(SourceSpan span, string value, bool isPlain)
        : base(span)
    {
        Value = value;
        IsPlain = isPlain;
    }

    public string Value { get; }

    /// <summary>Unquoted: only plain scalars can be null, booleans or numbers.</summary>
    public bool IsPlain { get; }

    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string KindName => IsNull ? "null" : "a scalar";
}

public sealed class YamlSequence : YamlNode
{
    public YamlSequence(SourceSpan span, List<YamlNode> items)
        : base(span) => Items = items;

    public List<YamlNode> Items { get; }

    public override string KindName => "a list";
}

public sealed class YamlMapping : YamlNode
{
    public YamlMapping(SourceSpan span, List<KeyValuePair<YamlScalar, YamlNode>> entries)
        : base(span) => Entries = entries;

    public List<KeyValuePair<YamlScalar, YamlNode>> Entries { get; }

    public override string KindName => "a mapping";
}
