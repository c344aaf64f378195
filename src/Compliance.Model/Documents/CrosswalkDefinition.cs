using Compliance.Model.Binding;
using Compliance.Model.Text;

namespace Compliance.Model.Documents;

/// <summary>Requirement-to-requirement pairs between two frameworks, each with a relationship and a rationale.</summary>
public sealed record CrosswalkDefinition(Located Id, string Title, Located Source, Located Target, EquatableArray<CrosswalkMapping> Mappings);

/// <summary>How the source requirement relates to the target: equivalent, subset, superset or intersects.</summary>
public sealed record CrosswalkMapping(Located Source, Located Target, string Relationship, string? Area, string Rationale, SourceSpan Span);

public static class CrosswalkRelationships
{
    public static readonly string[] All = { "equivalent", "subset", "superset", "intersects" };
}
