using Compliance.Model.Binding;
using Compliance.Model.Text;

namespace Compliance.Model.Documents;

/// <summary>A framework catalog: HIPAA Security Rule, Breach Notification Rule, SOC 2 TSC, or any other.</summary>
public sealed record FrameworkDefinition(Located Id, string Title, string? Citation, string? Source, EquatableArray<RequirementDefinition> Requirements);

/// <summary>
/// One requirement of a framework. <see cref="Required"/> is true for Required and false for
/// Addressable HIPAA specifications, and null where the distinction does not apply.
/// </summary>
public sealed record RequirementDefinition(
    Located Id,
    string FrameworkId,
    string Title,
    RequirementKind Kind,
    Located? Parent,
    bool? Required,
    string? Category,
    string? Summary,
    bool Informative);

/// <summary>What a requirement of a catalog is.</summary>
public enum RequirementKind
{
    Section,
    Series,
    Standard,
    ImplementationSpec,
    Criterion,
    Provision,
    Definition,
}

public static class RequirementKinds
{
    public static readonly string[] All = Vocabulary<RequirementKind>.All;
}
