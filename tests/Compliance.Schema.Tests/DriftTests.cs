using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Compliance.Model.Diagnostics;
using Compliance.Model.Schema;
using Compliance.Schema.Tests.Infrastructure;

namespace Compliance.Schema.Tests;

/// <summary>
/// The catalog, the binders and the generated JSON Schema must agree. Every case starts from a sample
/// document built from the catalog alone, changes one thing, and asks both the binder (does parsing
/// report an error?) and the JSON Schema (does NJsonSchema report an error?) for a verdict. The verdict
/// the catalog predicts, the binder's and the schema's must be the same. A binder that reads a key the
/// catalog does not list, requires a field the catalog calls optional, accepts another enum value or
/// another range fails here.
/// </summary>
public sealed class DriftTests
{
    public static IEnumerable<object[]> Kinds() => SchemaCatalog.Kinds.Select(k => new object[] { k.Kind });

    private static readonly Dictionary<string, DriftCase> CasesById = DriftCase.All().ToDictionary(c => c.ToString(), StringComparer.Ordinal);

    public static IEnumerable<object[]> Cases() => CasesById.Keys.Select(id => new object[] { id });

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_binders_ask_for_exactly_the_keys_the_catalog_lists(string kind)
    {
        var spec = SchemaCatalog.Find(kind);
        var sample = Sample.Of(spec);

        var probe = BinderProbe.Run(sample.Path, sample.Text());

        var expected = ObjectPaths(spec.Root, string.Empty).ToDictionary(p => p.Path, p => p.Spec.Fields.Select(f => f.Name).OrderBy(n => n, StringComparer.Ordinal).ToList());
        var actual = probe.KeysByPath.ToDictionary(p => p.Key, p => p.Value.OrderBy(n => n, StringComparer.Ordinal).ToList());
        Assert.Equal(expected.Keys.OrderBy(k => k, StringComparer.Ordinal), actual.Keys.OrderBy(k => k, StringComparer.Ordinal));
        foreach (var (path, keys) in expected)
        {
            Assert.True(keys.SequenceEqual(actual[path]), $"{kind} at '{path}': the catalog lists [{string.Join(", ", keys)}], the binder reads [{string.Join(", ", actual[path])}].");
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_full_sample_of_each_kind_is_valid_to_the_binder_and_the_schema(string kind)
    {
        var sample = Sample.Of(SchemaCatalog.Find(kind));

        Assert.Empty(BinderErrors(sample));
        Assert.Empty(SchemaErrors(sample));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_binder_and_the_schema_give_the_verdict_the_catalog_predicts(string id)
    {
        var @case = CasesById[id];
        var sample = Sample.Of(SchemaCatalog.Find(@case.Kind));
        @case.Apply(sample);

        var binder = BinderErrors(sample);
        var schema = SchemaErrors(sample);

        Assert.True(@case.Valid == (binder.Count == 0), $"{@case}: the catalog predicts {(@case.Valid ? "valid" : "invalid")}, the binder says {(binder.Count == 0 ? "valid" : string.Join(" | ", binder))}.\n{sample.Text()}");
        Assert.True(@case.Valid == (schema.Count == 0), $"{@case}: the catalog predicts {(@case.Valid ? "valid" : "invalid")}, the JSON Schema says {(schema.Count == 0 ? "valid" : string.Join(" | ", schema))}.\n{sample.Text()}");
    }

    [Fact]
    public void Every_kind_the_parser_knows_has_a_schema()
    {
        var parserKinds = new[] { "programme", "framework", "framework_part", "crosswalk", "controls", "decisions", "vendors", "people", "waivers", "evidence", "incidents", "policy" };

        Assert.Equal(parserKinds.OrderBy(k => k), SchemaCatalog.Kinds.Select(k => k.Kind).OrderBy(k => k));
    }

    internal static IEnumerable<(string Path, ObjectSpec Spec)> ObjectPaths(ObjectSpec spec, string path)
    {
        yield return (path, spec);
        foreach (var field in spec.Fields.Where(f => f.Object is not null))
        {
            var child = field.Type == FieldType.List ? $"{path}/{field.Name}/[]" : $"{path}/{field.Name}";
            foreach (var nested in ObjectPaths(field.Object!, child))
            {
                yield return nested;
            }
        }
    }

    private static List<string> BinderErrors(Sample sample) =>
        Compliance.Model.Parsing.ProgrammeFileParser.Parse(sample.Path, sample.Text()).Findings
            .Where(f => f.Severity == Severity.Error)
            .Select(f => f.ToString())
            .ToList();

    private static IReadOnlyList<string> SchemaErrors(Sample sample) =>
        Schemas.Errors(Schemas.For(sample.Kind.SchemaFileName), YamlJson.Convert(sample.Yaml()));
}

/// <summary>One change to a sample and the verdict the catalog predicts for it.</summary>
internal sealed class DriftCase
{
    public string Kind { get; init; } = string.Empty;

    public string Path { get; init; } = string.Empty;

    public string Field { get; init; } = string.Empty;

    public string Change { get; init; } = string.Empty;

    public bool Valid { get; init; }

    /// <summary>What to write (a YAML scalar), "~" for null, "<omit>", "<list:a,b>", "<scalar-for-collection>".</summary>
    public string Value { get; init; } = string.Empty;

    /// <summary>Other fields of the same mapping to set first (field=yaml), or remove ("field=<omit>").</summary>
    public (string Field, string Value)[] Also { get; init; } = Array.Empty<(string, string)>();

    public override string ToString() => $"{Kind}{Path}/{Field}: {Change}";

    public void Apply(Sample sample)
    {
        var map = sample.At(Path);
        foreach (var (field, value) in Also)
        {
            Write(map, field, value);
        }

        Write(map, Field, Value);
    }

    private static void Write(SMap map, string field, string value)
    {
        if (value == "<omit>")
        {
            map.Remove(field);
        }
        else if (value.StartsWith("<list:", StringComparison.Ordinal))
        {
            var items = value.Substring(6, value.Length - 7).Split(',', StringSplitOptions.RemoveEmptyEntries);
            map.Set(field, new SSeq(items.Select(i => (SNode)SScalar.Plain(i)).ToArray()));
        }
        else if (value.StartsWith("\"", StringComparison.Ordinal))
        {
            map.Set(field, SScalar.Quoted(value.Trim('"')));
        }
        else
        {
            map.Set(field, SScalar.Plain(value));
        }
    }

    public static IEnumerable<DriftCase> All()
    {
        foreach (var kind in SchemaCatalog.Kinds)
        {
            foreach (var (path, spec) in DriftTests.ObjectPaths(kind.Root, string.Empty))
            {
                // An unknown key is an error in every mapping.
                yield return new DriftCase { Kind = kind.Kind, Path = path, Field = "zz_unknown", Change = "unknown key", Value = "1", Valid = false };
                foreach (var field in spec.Fields)
                {
                    foreach (var @case in ForField(kind, path, spec, field))
                    {
                        yield return @case;
                    }
                }
            }
        }
    }

    private static IEnumerable<DriftCase> ForField(DocumentKindSpec kind, string path, ObjectSpec owner, FieldSpec field)
    {
        DriftCase Case(string change, string value, bool valid, params (string, string)[] also) =>
            new() { Kind = kind.Kind, Path = path, Field = field.Name, Change = change, Value = value, Valid = valid, Also = also };

        // The sample meets every RequiredWhen condition, so a conditionally required field is required in it.
        var required = field.Required || owner.Rules.Any(r => r.Field == field.Name && r.RequiredWhenMet);
        yield return Case("omitted", "<omit>", !required);
        yield return Case("null", "~", !required);

        switch (field.Type)
        {
            case FieldType.Id:
                yield return Case("contains whitespace", "\"two words\"", false);
                if (field.Pattern != @"^\S+$")
                {
                    yield return Case("breaks its pattern", "\"Not-Valid\"", false);
                }

                break;
            case FieldType.Text:
                yield return Case("blank", "\"   \"", !required && field.Pattern is null);
                if (field.Pattern is not null)
                {
                    yield return Case("breaks its pattern", "\"ftp://example.com\"", false);
                }

                break;
            case FieldType.IdList:
                yield return Case("an empty list", "<list:>", true);
                yield return Case("an ID listed twice", "<list:a-1,a-1>", false);
                yield return Case("a scalar, not a list", "a-1", false);
                break;
            case FieldType.TextList:
                yield return Case("an empty list", "<list:>", !field.Required);
                yield return Case("a value listed twice", "<list:a-1,a-1>", true);
                yield return Case("a scalar, not a list", "a-1", false);
                break;
            case FieldType.Bool:
                yield return Case("false", "false", true);
                yield return Case("YAML 1.1 yes", "yes", false);
                yield return Case("quoted true", "\"true\"", false);
                break;
            case FieldType.Int:
                var min = field.Minimum!.Value;
                var max = field.Maximum!.Value;
                yield return Case("the minimum", Number(min), true);
                yield return Case("the maximum", Number(max), true);
                yield return Case("below the minimum", Number(min - 1L), false);
                yield return Case("above the maximum", Number(max + 1L), false);
                yield return Case("not a whole number", "1.5", false);
                yield return Case("quoted", $"\"{min}\"", false);
                break;
            case FieldType.Date:
                yield return Case("a quoted date", "\"2026-03-01\"", true);
                yield return Case("not a calendar date", "2026-02-30", false);
                yield return Case("another format", "15/01/2026", false);
                break;
            case FieldType.Enum:
                yield return Case("not a listed value", "zz-not-a-value", false);
                foreach (var value in field.EnumValues)
                {
                    // A value that makes a sibling refused removes that sibling, as a user would.
                    var refused = owner.Rules.Where(r => r.WhenField == field.Name && !r.RequiredWhenMet && r.WhenValue == value)
                        .Select(r => (r.Field, "<omit>")).ToArray();
                    yield return Case($"the listed value {value}", value, true, refused);
                }

                break;
            case FieldType.Object:
                yield return Case("a scalar, not a mapping", "x", false);
                break;
            case FieldType.List:
                yield return Case("an empty list", "<list:>", true);
                yield return Case("a scalar, not a list", "x", false);
                break;
        }

        foreach (var rule in owner.Rules.Where(r => r.WhenField == field.Name))
        {
            if (rule.RequiredWhenMet)
            {
                var other = field.Type == FieldType.Bool ? (rule.WhenValue == "true" ? "false" : "true") : field.EnumValues.FirstOrDefault(v => v != rule.WhenValue && !owner.Rules.Any(r => !r.RequiredWhenMet && r.WhenField == field.Name && r.WhenValue == v));
                if (other is not null)
                {
                    yield return Case($"{other}, so {rule.Field} may be omitted", other, true, (rule.Field, "<omit>"));
                }
            }
            else
            {
                yield return Case($"{rule.WhenValue} while {rule.Field} is given", rule.WhenValue, false);
            }
        }
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
