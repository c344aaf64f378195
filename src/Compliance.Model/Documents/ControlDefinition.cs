using Compliance.Model.Binding;
using Compliance.Model.Text;

namespace Compliance.Model.Documents;

/// <summary>A control the organisation operates, the requirements it implements and the evidence it must produce.</summary>
public sealed record ControlDefinition(
    Located Id,
    string Title,
    string Description,
    Located? Owner,
    string Status,
    EquatableArray<Located> MapsTo,
    EquatableArray<EvidenceRequirementDefinition> Evidence,
    SourceSpan Span);

/// <summary>Evidence a control must produce, and how long a collected artifact stays fresh.</summary>
public sealed record EvidenceRequirementDefinition(Located Id, string Description, string Collection, int FreshnessDays)
{
    /// <summary>How often the control operates (sample sizes follow it); null: derived from the freshness window.</summary>
    public string? Frequency { get; init; }
}

/// <summary>How often a control operates, as auditors size samples by it.</summary>
public static class EvidenceFrequencies
{
    public const string Annual = "annual";
    public const string Quarterly = "quarterly";
    public const string Monthly = "monthly";
    public const string Weekly = "weekly";
    public const string Daily = "daily";
    public const string MultipleTimesDaily = "multiple-times-daily";

    public static readonly string[] All = { Annual, Quarterly, Monthly, Weekly, Daily, MultipleTimesDaily };
}

public static class ControlStatuses
{
    public const string Implemented = "implemented";
    public const string PartiallyImplemented = "partially-implemented";
    public const string Planned = "planned";
    public const string NotApplicable = "not-applicable";

    public static readonly string[] All = { Implemented, PartiallyImplemented, Planned, NotApplicable };
}

public static class EvidenceCollections
{
    public static readonly string[] All = { "automated", "manual" };
}
