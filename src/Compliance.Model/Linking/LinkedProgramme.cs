using Compliance.Model.Diagnostics;
using Compliance.Model.Documents;
using Compliance.Model.Text;

namespace Compliance.Model.Linking;

/// <summary>
/// The whole programme after linking: every item once (first definition wins), in a stable order,
/// the in-scope requirement IDs, and every finding. Value-equatable, so an edit that changes nothing
/// downstream (a comment, say) leaves the generated code cached.
/// </summary>
public sealed record LinkedProgramme(
    ProgrammeDefinition? Programme,
    EquatableArray<FrameworkDefinition> Frameworks,
    EquatableArray<CrosswalkDefinition> Crosswalks,
    EquatableArray<ControlDefinition> Controls,
    EquatableArray<DecisionDefinition> Decisions,
    EquatableArray<VendorDefinition> Vendors,
    EquatableArray<PersonDefinition> People,
    EquatableArray<PolicyDefinition> Policies,
    EquatableArray<WaiverDefinition> Waivers,
    EquatableArray<EvidenceRecord> Evidence,
    EquatableArray<string> InScopeRequirements,
    EquatableArray<Finding> Findings)
{
    /// <summary>The incidents registry (breach-notification clock).</summary>
    public EquatableArray<IncidentDefinition> Incidents { get; init; } = EquatableArray<IncidentDefinition>.Empty;

    /// <summary>Every requirement's coverage, decided once by the linker, in catalog order.</summary>
    public EquatableArray<RequirementCoverage> Coverage { get; init; } = EquatableArray<RequirementCoverage>.Empty;

    /// <summary>The files meant as documents that could not be read, in path order: what they would have defined is missing, visibly.</summary>
    public EquatableArray<UnreadableFile> Unreadable { get; init; } = EquatableArray<UnreadableFile>.Empty;

    /// <summary>Every date that records the past (<see cref="Binding.PastDateFields"/>), in file order: the gate holds each to the as-of date.</summary>
    public EquatableArray<RecordedDate> RecordedDates { get; init; } = EquatableArray<RecordedDate>.Empty;

    /// <summary>
    /// The items dropped for an invalid field (<see cref="IncompleteItem"/>), by path then position: known by identity,
    /// but not evaluated, so the site and the reports list them where the item would have been.
    /// </summary>
    public EquatableArray<IncompleteItem> Incomplete { get; init; } = EquatableArray<IncompleteItem>.Empty;

    /// <summary>The linker's indexes, read-only. Derived from the items above, so they take no part in equality.</summary>
    public ProgrammeLookups Lookups { get; init; } = ProgrammeLookups.None;

    public bool HasErrors
    {
        get
        {
            foreach (var finding in Findings)
            {
                if (finding.Severity == Severity.Error)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
