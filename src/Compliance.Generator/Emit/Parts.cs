using Compliance.Model.Documents;
using Compliance.Model.Linking;
using Compliance.Model.Text;

namespace Compliance.Generator.Emit;

/// <summary>
/// The slices of the linked programme that each generated file depends on. Each is a value, so an
/// edit to a control regenerates Controls.g.cs and leaves the other files cached.
/// </summary>
internal sealed record RequirementsPart(
    EquatableArray<FrameworkDefinition> Frameworks,
    EquatableArray<CrosswalkDefinition> Crosswalks,
    EquatableArray<DecisionDefinition> Decisions,
    EquatableArray<string> InScopeRequirements,
    EquatableArray<string> InScopeFrameworks)
{
    public static RequirementsPart From(LinkedProgramme programme) => new(
        programme.Frameworks,
        programme.Crosswalks,
        programme.Decisions,
        programme.InScopeRequirements,
        programme.Programme is null
            ? EquatableArray<string>.Empty
            : System.Linq.Enumerable.Select(programme.Programme.Scope, s => s.Framework.Value).ToEquatableArray());
}

internal sealed record ControlsPart(EquatableArray<ControlDefinition> Controls)
{
    public static ControlsPart From(LinkedProgramme programme) => new(programme.Controls);
}

internal sealed record RegistriesPart(
    EquatableArray<VendorDefinition> Vendors,
    EquatableArray<PersonDefinition> People,
    EquatableArray<PolicyDefinition> Policies,
    EquatableArray<WaiverDefinition> Waivers)
{
    public static RegistriesPart From(LinkedProgramme programme) => new(programme.Vendors, programme.People, programme.Policies, programme.Waivers);
}

internal sealed record ProgrammePart(ProgrammeDefinition? Programme)
{
    public static ProgrammePart From(LinkedProgramme programme) => new(programme.Programme);
}
