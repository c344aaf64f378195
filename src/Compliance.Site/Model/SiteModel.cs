using System;
using System.Collections.Generic;
using Compliance.Engine.Checks;
using Compliance.Model.Diagnostics;

namespace Compliance.Site.Model;

/// <summary>
/// The whole site as typed data, built once from a check result (see <see cref="SiteModelBuilder"/>),
/// before anything is rendered. Every list is in a fixed order and every value is a plain value, so
/// the renderer is a pure function of this model and the output is the same on every run.
/// </summary>
public sealed record SiteModel(
    SiteIdentity Identity,
    GateSummary Gate,
    IReadOnlyList<FrameworkModel> Frameworks,
    IReadOnlyList<CrosswalkModel> Crosswalks,
    IReadOnlyList<DivergenceModel> Divergences,
    IReadOnlyList<ControlModel> Controls,
    IReadOnlyList<ArtifactModel> Artifacts,
    VendorRegistryModel Vendors,
    IReadOnlyList<PolicyModel> Policies,
    IReadOnlyList<PersonModel> People,
    IReadOnlyList<WaiverModel> Waivers,
    AuditLogModel AuditLog,
    IncidentsModel Incidents,
    EncryptionModel Encryption,
    IReadOnlyList<FindingModel> Findings,
    IReadOnlyList<RuleModel> Rules,
    ChangesModel Changes,
    IReadOnlyList<ExtraPageModel> ExtraPages,
    IReadOnlyList<string> Notes)
{
    /// <summary>Whether site/theme/site.css exists and is linked after the default theme.</summary>
    public bool HasCustomCss { get; init; }

    private Dictionary<string, List<FindingModel>>? _byPage;

    public IEnumerable<RequirementModel> Requirements
    {
        get
        {
            foreach (var framework in Frameworks)
            {
                foreach (var requirement in framework.Requirements)
                {
                    yield return requirement;
                }
            }
        }
    }

    /// <summary>The findings whose item is on the given page (any fragment), in report order.</summary>
    public IReadOnlyList<FindingModel> FindingsOn(string path)
    {
        if (_byPage is null)
        {
            var map = new Dictionary<string, List<FindingModel>>(StringComparer.Ordinal);
            foreach (var finding in Findings)
            {
                if (finding.Item?.Page is { } page)
                {
                    if (!map.TryGetValue(page.Path, out var list))
                    {
                        map[page.Path] = list = new List<FindingModel>();
                    }

                    list.Add(finding);
                }
            }

            _byPage = map;
        }

        return _byPage.TryGetValue(path, out var found) ? found : Array.Empty<FindingModel>();
    }
}

/// <summary>What is audited, when, and from which commit.</summary>
public sealed record SiteIdentity(
    string Name,
    string ProgrammeName,
    string? Description,
    DateOnly AsOf,
    CommitModel? Head,
    string? Branch,
    string? ProvenanceUnavailable,
    IReadOnlyList<string> Uncommitted,
    string? LogoPath,
    int BaaWarningDays,
    int EvidenceWarningDays,
    int PolicyWarningDays);

public sealed record CommitModel(string Sha, string AuthorName, string AuthorEmail, DateTimeOffset AuthorDate, DateTimeOffset CommitDate, bool Signed, string Summary)
{
    public string ShortSha => Sha.Substring(0, Math.Min(12, Sha.Length));

    public DateOnly Day => DateOnly.FromDateTime(CommitDate.UtcDateTime);

    public string When => CommitDate.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed record GateSummary(
    bool Passed,
    int Errors,
    int Warnings,
    int Waived,
    IReadOnlyList<CategoryCount> ByCategory,
    int Controls,
    int EvidenceRequirements,
    int Artifacts,
    int Vendors,
    int Policies,
    int People);

public sealed record CategoryCount(string Category, int Errors, int Warnings);

public enum CoverageState
{
    /// <summary>A control (not only planned ones) implements it.</summary>
    Implemented,

    /// <summary>Only planned controls implement it.</summary>
    PlannedOnly,

    /// <summary>A documented decision (alternative, not reasonable, not applicable) covers it.</summary>
    Decided,

    /// <summary>No control maps to it, but every in-scope child is covered.</summary>
    CoveredByChildren,

    /// <summary>Informative: needs no control.</summary>
    Informative,

    NotCovered,

    OutOfScope,
}

/// <summary>The worst evidence state over a set of evidence requirements, or that there is none to show.</summary>
public enum EvidenceRollup
{
    Fresh,
    NearlyStale,
    Stale,
    Missing,
    None,
}

public sealed record CoverageSummary(int Assessable, int ByControls, int ByDecision, int NotCovered, int EvidenceFresh, int EvidenceNearlyStale, int EvidenceStale, int EvidenceMissing)
{
    public int Mapped => ByControls + ByDecision;

    /// <summary>Requirements implemented by controls whose evidence is within its window (nearly stale counts: it is not stale yet).</summary>
    public int WithFreshEvidence => EvidenceFresh + EvidenceNearlyStale;
}

public sealed record FrameworkModel(
    string Id,
    string Title,
    string? Citation,
    string? Source,
    PageRef Page,
    bool InScope,
    IReadOnlyList<string> ScopeCategories,
    IReadOnlyList<RequirementModel> Requirements,
    CoverageSummary Coverage)
{
    public ItemLink Link => new(Id, Title, Page);
}

public sealed record RequirementModel(
    string Id,
    string Title,
    string FrameworkId,
    string FrameworkTitle,
    PageRef FrameworkPage,
    string Kind,
    int Depth,
    ItemLink? Parent,
    IReadOnlyList<ItemLink> Children,
    bool? Required,
    string? Category,
    string? Summary,
    bool Informative,
    bool InScope,
    bool IsAssessable,
    CoverageState Coverage,
    EvidenceRollup Evidence,
    IReadOnlyList<ControlLink> Controls,
    DecisionModel? Decision,
    IReadOnlyList<PartnerModel> Partners,
    PageRef Page)
{
    public ItemLink Link => new(Id, Title, Page);

    public string Designation => Required switch
    {
        true => "Required",
        false => "Addressable",
        null => string.Empty,
    };
}

/// <summary>A control as other pages list it: with its status and the worst state of its evidence.</summary>
public sealed record ControlLink(string Id, string Title, string Status, EvidenceRollup Evidence, PageRef Page)
{
    public ItemLink Link => new(Id, Title, Page);
}

public sealed record DecisionModel(string Decision, string Rationale, string? Alternative, PersonLink? ApprovedBy, DateOnly? ApprovedOn);

/// <summary>A crosswalk partner of a requirement, with the relationship read from this requirement's side.</summary>
public sealed record PartnerModel(ItemLink Requirement, string FrameworkTitle, string Relationship, string RelationshipFromHere, string? Area, string Rationale, PageRef Mapping);

public sealed record PersonLink(string Id, string Name, bool Active, PageRef? Page)
{
    public ItemLink Link => new(Id, Name, Page);
}

public sealed record ControlModel(
    string Id,
    string Title,
    string Description,
    PersonLink? Owner,
    string Status,
    PageRef Page,
    IReadOnlyList<RequirementLink> MapsTo,
    IReadOnlyList<EvidenceRequirementModel> Evidence,
    IReadOnlyList<ItemLink> GovernedBy,
    EvidenceRollup Rollup,
    string SourcePath,
    int SourceLine)
{
    public ControlLink Link => new(Id, Title, Status, Rollup, Page);
}

public sealed record RequirementLink(ItemLink Requirement, string FrameworkTitle, string Designation, bool InScope);

public sealed record EvidenceRequirementModel(
    string Id,
    string Key,
    string Description,
    string Collection,
    int FreshnessDays,
    EvidenceState State,
    int? AgeDays,
    DateOnly? FreshUntil,
    ArtifactModel? Latest,
    IReadOnlyList<ArtifactModel> Artifacts,
    PageRef Anchor);

public enum ArtifactIntegrity
{
    Intact,
    Tampered,
    Missing,
    Refused,

    /// <summary>A BAA agreement: no sidecar records a digest, so the site shows the digest it computed.</summary>
    Unrecorded,
}

public enum ArtifactKind
{
    Text,
    Markdown,
    Json,
    Pdf,
    Image,
    Other,
}

public sealed record ArtifactModel(
    string Path,
    string FileName,
    string? Description,
    string? ControlId,
    string? RequirementId,
    PageRef? Owner,
    DateOnly? CollectedOn,
    string? Collector,
    PersonLink? CollectorPerson,
    string? RecordedSha256,
    string? ActualSha256,
    ArtifactIntegrity Integrity,
    string? Problem,
    string? SidecarPath,
    CommitModel? AddedBy,
    CommitModel? LastChangedBy,
    bool Uncommitted,
    ArtifactKind Kind,
    long? Size,
    PageRef Viewer,
    string? CopyPath,
    string? NotCopiedReason,
    string? FullPath)
{
    public bool Copied => CopyPath is not null;

    /// <summary>For a tls-verification artifact: the endpoint it verified, on the encryption page.</summary>
    public ItemLink? Verifies { get; init; }
}

public sealed record VendorRegistryModel(
    IReadOnlyList<VendorModel> Vendors,
    IReadOnlyList<ChainNode> Chains,
    IReadOnlyList<VendorModel> Standalone,
    TimelineModel Timeline,
    PageRef Page);

public sealed record VendorModel(
    string Id,
    string Name,
    bool HandlesPhi,
    IReadOnlyList<ServiceModel> Services,
    BaaModel? Baa,
    BaaState State,
    int? DaysLeft,
    IReadOnlyList<ItemLink> Subcontractors,
    IReadOnlyList<ItemLink> UsedBy,
    string? Notes,
    PageRef Anchor)
{
    public ItemLink Link => new(Id, Name, Anchor);
}

public sealed record ServiceModel(string Id, string Name);

public sealed record BaaModel(DateOnly? SignedOn, DateOnly? EffectiveOn, DateOnly? ExpiresOn, string? EvidencePath, ArtifactModel? Agreement);

/// <summary>One vendor in the subcontractor tree; a vendor already above it on the path is shown once more as a cycle and not expanded.</summary>
public sealed record ChainNode(VendorModel Vendor, IReadOnlyList<ChainNode> Children, bool Cycle);

/// <summary>The BAA expiry timeline: a date axis from the first year boundary to the last, and one bar per BAA.</summary>
public sealed record TimelineModel(DateOnly Start, DateOnly End, DateOnly AsOf, IReadOnlyList<DateOnly> Ticks, IReadOnlyList<TimelineBar> Bars);

public sealed record TimelineBar(VendorModel Vendor, DateOnly From, DateOnly To, bool OpenStart, bool OpenEnd);

public enum PolicyReviewState
{
    Current,
    DueSoon,
    Overdue,
    Unknown,
}

public sealed record PolicyModel(
    string Id,
    string Title,
    string Version,
    PersonLink? Owner,
    PersonLink? ApprovedBy,
    DateOnly? ApprovedOn,
    int ReviewIntervalDays,
    DateOnly? NextReview,
    int? DaysToReview,
    PolicyReviewState Review,
    IReadOnlyList<ItemLink> Governs,
    string Markdown,
    string Path,
    IReadOnlyList<RevisionModel> Revisions,
    PageRef Page)
{
    public ItemLink Link => new(Id, Title, Page);
}

public sealed record RevisionModel(CommitModel Commit, string Change, string? Version, int? LinesAdded, int? LinesRemoved);

public sealed record PersonModel(
    string Id,
    string Name,
    string? Email,
    string Role,
    bool PhiAccess,
    string Status,
    DateOnly? RevokedOn,
    IReadOnlyList<ItemLink> OwnsControls,
    IReadOnlyList<ItemLink> OwnsPolicies,
    IReadOnlyList<ItemLink> Approves,
    int EvidenceCollected,
    IReadOnlyList<AuditEventLink> GateActivity,
    PageRef Anchor);

public sealed record WaiverModel(
    string Id,
    string Rule,
    PageRef? RulePage,
    string Target,
    ItemLink? TargetLink,
    string? Reason,
    PersonLink? ApprovedBy,
    DateOnly? ApprovedOn,
    DateOnly? ExpiresOn,
    int? DaysLeft,
    WaiverState State,
    int Applied,
    PageRef Anchor);

public sealed record FindingModel(
    int Number,
    string RuleId,
    string RuleTitle,
    PageRef? RulePage,
    Severity Severity,
    string Message,
    string Fix,
    string? Location,
    string? Target,
    ItemLink? Item,
    string? WaivedBy);

public sealed record RuleModel(string Id, string Title, Severity Severity, string Category, string Fix, int Findings, PageRef Anchor);

public sealed record ChangesModel(
    string Description,
    CommitModel? Base,
    IReadOnlyList<ChangedFile> Files,
    IReadOnlyList<CommitModel> Commits,
    int MoreCommits,
    string? Unavailable);

public sealed record ChangedFile(string Change, string Path, string? OldPath, IReadOnlyList<ItemLink> Items);

public sealed record CrosswalkModel(
    string Id,
    string Title,
    ItemLink Source,
    ItemLink Target,
    IReadOnlyList<MappingModel> Mappings,
    IReadOnlyList<ItemLink> Rows,
    IReadOnlyList<ItemLink> Columns,
    PageRef Anchor);

public sealed record MappingModel(
    ItemLink Source,
    ItemLink Target,
    string Relationship,
    string? Area,
    string Rationale,
    bool Divergent,
    PageRef Anchor);

/// <summary>Where HIPAA asks for more than SOC 2: the area, why, the HIPAA requirements, the nearest SOC 2 pairs and the controls that answer it.</summary>
public sealed record DivergenceModel(
    string Key,
    string Title,
    string Explanation,
    IReadOnlyList<RequirementModel> Requirements,
    IReadOnlyList<MappingModel> Mappings,
    IReadOnlyList<ControlLink> Controls,
    PageRef Anchor,
    IReadOnlyCollection<string> Scope);

public sealed record ExtraPageModel(string Slug, string Title, int Order, string Markdown, PageRef Page);
