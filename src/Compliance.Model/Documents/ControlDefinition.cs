using Compliance.Model.Binding;
using Compliance.Model.Text;

namespace Compliance.Model.Documents;

/// <summary>A control the organisation operates, the requirements it implements and the evidence it must produce.</summary>
public sealed record ControlDefinition(
    Located Id,
    string Title,
    string Description,
    Located? Owner,
    ControlStatus Status,
    EquatableArray<Located> MapsTo,
    EquatableArray<EvidenceRequirementDefinition> Evidence,
    SourceSpan Span);

/// <summary>Evidence a control must produce, and how long a collected artifact stays fresh.</summary>
public sealed record EvidenceRequirementDefinition(Located Id, string Description, EvidenceCollection Collection, int FreshnessDays)
{
    /// <summary>How 'compliance collect' produces the artifact; null when it is collected by hand or elsewhere.</summary>
    public CollectorDefinition? Collector { get; init; }

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

/// <summary>A control's implementation status. A not-applicable control covers nothing (see CoverageRules).</summary>
public enum ControlStatus
{
    Implemented,
    PartiallyImplemented,
    Planned,
    NotApplicable,
}

/// <summary>The control statuses, by name, and as the YAML spells them.</summary>
public static class ControlStatuses
{
    public const ControlStatus Implemented = ControlStatus.Implemented;
    public const ControlStatus PartiallyImplemented = ControlStatus.PartiallyImplemented;
    public const ControlStatus Planned = ControlStatus.Planned;
    public const ControlStatus NotApplicable = ControlStatus.NotApplicable;

    public static readonly string[] All = Vocabulary<ControlStatus>.All;
}

/// <summary>How evidence is collected: by a job or by a person.</summary>
public enum EvidenceCollection
{
    Automated,
    Manual,
}

public static class EvidenceCollections
{
    public static readonly string[] All = Vocabulary<EvidenceCollection>.All;
}
