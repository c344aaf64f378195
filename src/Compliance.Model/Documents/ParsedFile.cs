using Compliance.Model.Diagnostics;
using Compliance.Model.Text;

namespace Compliance.Model.Documents;

/// <summary>What one programme file contributes, and the findings against it. Value-equatable: the generator's per-file cache key.</summary>
public sealed record ParsedFile(
    string Path,
    string Kind,
    ProgrammeDefinition? Programme,
    FrameworkDefinition? Framework,
    CrosswalkDefinition? Crosswalk,
    EquatableArray<ControlDefinition> Controls,
    EquatableArray<DecisionDefinition> Decisions,
    EquatableArray<VendorDefinition> Vendors,
    EquatableArray<PersonDefinition> People,
    EquatableArray<WaiverDefinition> Waivers,
    PolicyDefinition? Policy,
    EvidenceRecord? Evidence,
    EquatableArray<Finding> Findings)
{
    /// <summary>The incidents registry's entries (policies/incidents.yaml).</summary>
    public EquatableArray<IncidentDefinition> Incidents { get; init; } = EquatableArray<IncidentDefinition>.Empty;

    /// <summary>More requirements of a framework defined elsewhere (<c>framework_part</c>), merged into it by the linker.</summary>
    public FrameworkPartDefinition? FrameworkPart { get; init; }

    /// <summary>
    /// Set when the file shows a kind (or is meant to be a programme file) but none of it could be read: the error
    /// that says why. The linker holds back the checks that would only echo the missing content, and says so.
    /// </summary>
    public Finding? Unreadable { get; init; }

    /// <summary>Items of this file dropped for an invalid field, kept by identity so that references to them resolve.</summary>
    public EquatableArray<IncompleteItem> Incomplete { get; init; } = EquatableArray<IncompleteItem>.Empty;

    /// <summary>The dates of this file that record the past, in reading order.</summary>
    public EquatableArray<RecordedDate> RecordedDates { get; init; } = EquatableArray<RecordedDate>.Empty;

    /// <summary>Whether the file contributes any definition to the programme.</summary>
    public bool DefinesNothing =>
        Programme is null && Framework is null && FrameworkPart is null && Crosswalk is null && Policy is null && Evidence is null
        && Controls.Count == 0 && Decisions.Count == 0 && Vendors.Count == 0 && People.Count == 0
        && Waivers.Count == 0 && Incidents.Count == 0;

    public static ParsedFile Empty(string path, string kind, EquatableArray<Finding> findings) => new(
        path, kind, null, null, null,
        EquatableArray<ControlDefinition>.Empty,
        EquatableArray<DecisionDefinition>.Empty,
        EquatableArray<VendorDefinition>.Empty,
        EquatableArray<PersonDefinition>.Empty,
        EquatableArray<WaiverDefinition>.Empty,
        null,
        null,
        findings);
}

public static class DocumentKinds
{
    public const string Programme = "programme";
    public const string Framework = "framework";
    public const string FrameworkPart = "framework_part";
    public const string Crosswalk = "crosswalk";
    public const string Controls = "controls";
    public const string Decisions = "decisions";
    public const string Vendors = "vendors";
    public const string People = "people";
    public const string Waivers = "waivers";
    public const string Evidence = "evidence";
    public const string Incidents = "incidents";
    public const string Policy = "policy";
    public const string Page = "page";
    public const string Unknown = "unknown";
}
