using System;
using System.Collections.Generic;
using Compliance.Engine.Assessment;
using Compliance.Model.Linking;

namespace Compliance.Site.Model;

// The frameworks and their requirements, with coverage and crosswalk partners.

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

public sealed record DecisionModel(string Decision, string Rationale, string? Alternative, PersonLink? ApprovedBy, DateOnly? ApprovedOn);

/// <summary>A crosswalk partner of a requirement, with the relationship read from this requirement's side.</summary>
public sealed record PartnerModel(ItemLink Requirement, string FrameworkTitle, string Relationship, string RelationshipFromHere, string? Area, string Rationale, PageRef Mapping);
