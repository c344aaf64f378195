using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Compliance.Model.Schema;

namespace Compliance.Schema.Tests.Infrastructure;

/// <summary>
/// A document of one kind with every field of the catalog present and valid, built from the catalog
/// alone, that tests then mutate one field at a time. Where a rule makes a field conditionally required,
/// the sample sets the condition, so that the conditional field is required in it.
/// </summary>
internal sealed class Sample
{
    private Sample(DocumentKindSpec kind, SMap root)
    {
        Kind = kind;
        Root = root;
    }

    public DocumentKindSpec Kind { get; }

    public SMap Root { get; }

    public string Path => Kind.IsFrontMatter ? "policies/sample.md" : Kind.Kind == "evidence" ? "evidence/sample/a.json.evidence.yaml" : "controls/sample.yaml";

    public static Sample Of(DocumentKindSpec kind) => new(kind, Build(kind.Root));

    /// <summary>The mapping at a catalog path ("", "/controls/[]", "/vendors/[]/baa"): list paths take the first item.</summary>
    public SMap At(string path)
    {
        SNode node = Root;
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            node = part == "[]" ? ((SSeq)node).Items[0] : ((SMap)node).Get(part)!;
        }

        return (SMap)node;
    }

    /// <summary>The file text: YAML, or a Markdown policy with the YAML as front matter.</summary>
    public string Text() => Kind.IsFrontMatter ? $"---\n{Yaml()}---\n# Sample policy\n" : Yaml();

    /// <summary>The YAML alone (for a policy, its front matter).</summary>
    public string Yaml()
    {
        if (Root.Entries.Count == 0)
        {
            return "{}\n";
        }

        var yaml = new StringBuilder();
        WriteMap(yaml, Root, 0);
        return yaml.ToString();
    }

    public static SNode ValueFor(FieldSpec field, ObjectSpec owner) => field.Type switch
    {
        FieldType.Id => SScalar.Plain(field.Example ?? field.Name.Replace('_', '-') + "-1"),
        FieldType.Text => SScalar.Quoted(field.Example ?? $"Some {field.Name}."),
        FieldType.IdList => new SSeq(SScalar.Plain("a-1"), SScalar.Plain("b-2")),
        FieldType.TextList => new SSeq(SScalar.Quoted("scripts/export.sh"), SScalar.Quoted("--all")),
        FieldType.Bool => SScalar.Plain(Trigger(owner, field) ?? "true"),
        FieldType.Int => SScalar.Plain(field.Minimum!.Value.ToString(CultureInfo.InvariantCulture)),
        FieldType.Date => SScalar.Plain("2026-01-15"),
        FieldType.Enum => SScalar.Plain(Trigger(owner, field) ?? field.EnumValues[0]),
        FieldType.Object => Build(field.Object!),
        FieldType.List => new SSeq(Build(field.Object!)),
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    private static string? Trigger(ObjectSpec owner, FieldSpec field) =>
        owner.Rules.FirstOrDefault(r => r.WhenField == field.Name && r.RequiredWhenMet)?.WhenValue;

    private static SMap Build(ObjectSpec spec)
    {
        var map = new SMap();
        foreach (var field in spec.Fields)
        {
            map.Set(field.Name, ValueFor(field, spec));
        }

        return map;
    }

    private static void WriteMap(StringBuilder yaml, SMap map, int indent, bool firstInline = false)
    {
        var first = true;
        foreach (var (key, value) in map.Entries)
        {
            if (!(first && firstInline))
            {
                yaml.Append(' ', indent);
            }

            first = false;
            yaml.Append(key).Append(':');
            WriteValue(yaml, value, indent);
        }
    }

    private static void WriteValue(StringBuilder yaml, SNode value, int indent)
    {
        switch (value)
        {
            case SScalar scalar:
                yaml.Append(' ').Append(scalar.Yaml).Append('\n');
                break;
            case SMap { Entries.Count: 0 }:
                yaml.Append(" {}\n");
                break;
            case SMap child:
                yaml.Append('\n');
                WriteMap(yaml, child, indent + 2);
                break;
            case SSeq { Items.Count: 0 }:
                yaml.Append(" []\n");
                break;
            case SSeq seq:
                yaml.Append('\n');
                foreach (var item in seq.Items)
                {
                    yaml.Append(' ', indent + 2).Append("- ");
                    if (item is SMap { Entries.Count: > 0 } itemMap)
                    {
                        WriteMap(yaml, itemMap, indent + 4, firstInline: true);
                    }
                    else if (item is SScalar itemScalar)
                    {
                        yaml.Append(itemScalar.Yaml).Append('\n');
                    }
                    else
                    {
                        yaml.Append("{}\n");
                    }
                }

                break;
        }
    }
}

internal abstract class SNode
{
    public abstract SNode Clone();
}

internal sealed class SScalar : SNode
{
    private SScalar(string yaml) => Yaml = yaml;

    /// <summary>The scalar as written in YAML.</summary>
    public string Yaml { get; }

    public static SScalar Plain(string text) => new(text);

    public static SScalar Quoted(string text) => new("\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"");

    public static SScalar Null() => new("~");

    public override SNode Clone() => this;
}

internal sealed class SSeq : SNode
{
    public SSeq(params SNode[] items) => Items = items.ToList();

    public List<SNode> Items { get; }

    public override SNode Clone() => new SSeq(Items.Select(i => i.Clone()).ToArray());
}

internal sealed class SMap : SNode
{
    public List<(string Key, SNode Value)> Entries { get; } = new();

    public SNode? Get(string key) => Entries.FirstOrDefault(e => e.Key == key).Value;

    public void Set(string key, SNode value)
    {
        var index = Entries.FindIndex(e => e.Key == key);
        if (index >= 0)
        {
            Entries[index] = (key, value);
        }
        else
        {
            Entries.Add((key, value));
        }
    }

    public void Remove(string key) => Entries.RemoveAll(e => e.Key == key);

    public override SNode Clone()
    {
        var copy = new SMap();
        foreach (var (key, value) in Entries)
        {
            copy.Entries.Add((key, value.Clone()));
        }

        return copy;
    }
}
