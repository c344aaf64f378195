using System;
using System.Collections.Generic;

namespace Compliance.Model.Schema;

/// <summary>What a YAML value must be, as the binders read it.</summary>
public enum FieldType
{
    /// <summary>An identifier or reference: any non-null scalar without whitespace.</summary>
    Id,

    /// <summary>A list of IDs, each listed once.</summary>
    IdList,

    /// <summary>Free text: any scalar. Required text may not be blank.</summary>
    Text,

    /// <summary>A list of text values in order, repeats allowed (a command's argv). A required list may not be empty.</summary>
    TextList,

    /// <summary>Plain <c>true</c> or <c>false</c> (never the YAML 1.1 yes/no/on/off).</summary>
    Bool,

    /// <summary>A plain whole number within <see cref="FieldSpec.Minimum"/>..<see cref="FieldSpec.Maximum"/>.</summary>
    Int,

    /// <summary>A calendar date written YYYY-MM-DD.</summary>
    Date,

    /// <summary>One of <see cref="FieldSpec.EnumValues"/>.</summary>
    Enum,

    /// <summary>A mapping with the fields of <see cref="FieldSpec.Object"/>.</summary>
    Object,

    /// <summary>A list of mappings, each with the fields of <see cref="FieldSpec.Object"/>.</summary>
    List,
}

/// <summary>
/// One key of a programme file: its name, type, whether it is required, and what it means.
/// The declarative twin of a binder's accessor call (e.g. <c>reader.Enum("status", required: true, ControlStatuses.All)</c>);
/// the schema tests prove that the two agree key for key.
/// </summary>
public sealed class FieldSpec
{
    internal FieldSpec(string name, FieldType type, bool required, string description)
    {
        Name = name;
        Type = type;
        Required = required;
        Description = description;
    }

    public string Name { get; }

    public FieldType Type { get; }

    /// <summary>Required unconditionally. Conditional requirements are <see cref="ObjectSpec.Rules"/>.</summary>
    public bool Required { get; }

    public string Description { get; }

    public IReadOnlyList<string> EnumValues { get; internal set; } = Array.Empty<string>();

    public int? Minimum { get; internal set; }

    public int? Maximum { get; internal set; }

    /// <summary>A regular expression the value must match (beyond its type), e.g. the SHA-256 digest form.</summary>
    public string? Pattern { get; internal set; }

    /// <summary>Said to the user when <see cref="Pattern"/> does not match.</summary>
    public string? PatternMeaning { get; internal set; }

    /// <summary>A value that satisfies every constraint of the field, for samples and scaffolds.</summary>
    public string? Example { get; internal set; }

    /// <summary>The fields of the mapping (for <see cref="FieldType.Object"/>) or of each list item (for <see cref="FieldType.List"/>).</summary>
    public ObjectSpec? Object { get; internal set; }
}

/// <summary>When one field's value makes another field required, or refused.</summary>
public sealed class ConditionalRule
{
    internal ConditionalRule(string field, bool required, string whenField, string whenValue)
    {
        Field = field;
        RequiredWhenMet = required;
        WhenField = whenField;
        WhenValue = whenValue;
    }

    /// <summary>The field the rule is about.</summary>
    public string Field { get; }

    /// <summary>True: the field is required when the condition holds. False: it is refused then.</summary>
    public bool RequiredWhenMet { get; }

    public string WhenField { get; }

    /// <summary>The value, as written in YAML (<c>true</c> for a boolean).</summary>
    public string WhenValue { get; }
}

/// <summary>The keys one YAML mapping may hold. Unknown keys are errors.</summary>
public sealed class ObjectSpec
{
    internal ObjectSpec(IReadOnlyList<FieldSpec> fields, IReadOnlyList<ConditionalRule> rules)
    {
        Fields = fields;
        Rules = rules;
    }

    public IReadOnlyList<FieldSpec> Fields { get; }

    public IReadOnlyList<ConditionalRule> Rules { get; }
}

/// <summary>One kind of programme file: its root keys, and where such files usually live.</summary>
public sealed class DocumentKindSpec
{
    internal DocumentKindSpec(string kind, string title, string description, bool isFrontMatter, IReadOnlyList<string> usualPaths, ObjectSpec root)
    {
        Kind = kind;
        Title = title;
        Description = description;
        IsFrontMatter = isFrontMatter;
        UsualPaths = usualPaths;
        Root = root;
    }

    /// <summary>The kind's name: its root key (controls, vendors, ...) or <c>policy</c> for Markdown front matter.</summary>
    public string Kind { get; }

    public string Title { get; }

    public string Description { get; }

    /// <summary>A policy: YAML front matter at the top of a Markdown file rather than a YAML file.</summary>
    public bool IsFrontMatter { get; }

    /// <summary>Glob patterns, relative to the programme root, of where the toolkit's layout puts such files.</summary>
    public IReadOnlyList<string> UsualPaths { get; }

    public ObjectSpec Root { get; }

    /// <summary>The file name of the kind's JSON Schema, e.g. <c>controls.schema.json</c>.</summary>
    public string SchemaFileName => $"{Kind}.schema.json";
}
