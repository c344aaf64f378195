using Compliance.Model.Binding;
using Compliance.Model.Diagnostics;
using Compliance.Model.Documents;
using Compliance.Model.Linking;
using Compliance.Model.Text;

namespace Compliance.Generator.Emit;

/// <summary>
/// The slices of the linked programme that each generated file depends on. Each is a value, so an
/// edit to a control regenerates the generated file of that control's YAML file and leaves the other
/// files cached.
/// </summary>
/// <summary>A framework as the index of the requirements shows it: its member of Frameworks and the class that holds its requirements.</summary>
internal sealed record FrameworkHeader(string Member, string ClassName, Located Id, string Title, string? Citation, bool InScope);

/// <summary>The frameworks, the crosswalks and the decisions, and the name collisions found assigning the frameworks' names.</summary>
internal sealed record RequirementsIndexPart(
    EquatableArray<FrameworkHeader> Frameworks,
    EquatableArray<CrosswalkDefinition> Crosswalks,
    EquatableArray<DecisionDefinition> Decisions,
    EquatableArray<Finding> Findings);

/// <summary>
/// The requirements of one framework, emitted as its nested class of the partial class Requirements in a file of its
/// own: an edit to one framework re-emits, and the compiler re-parses, that framework's requirements only.
/// </summary>
/// <param name="InScope">The IDs of this framework's requirements that the programme's scope covers.</param>
internal sealed record FrameworkRequirementsPart(
    string HintName,
    string ClassName,
    string Title,
    EquatableArray<RequirementDefinition> Requirements,
    EquatableArray<string> InScope);

/// <summary>A control and the C# member it becomes.</summary>
internal sealed record NamedControl(string Member, ControlDefinition Control);

/// <summary>
/// The controls of one YAML file, emitted as one part of the partial class Controls: an edit to a
/// control re-emits, and the compiler re-parses, its file's controls only, not the whole programme's.
/// </summary>
/// <param name="HintName">The generated file's name.</param>
/// <param name="Holder">The nested class that holds the file's control objects.</param>
internal sealed record ControlsFilePart(string HintName, string Holder, EquatableArray<NamedControl> Controls);

/// <summary>Every control's member in programme order (Controls.All), and the name collisions found assigning them.</summary>
internal sealed record ControlsIndexPart(EquatableArray<string> Members, EquatableArray<Finding> Findings);

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
