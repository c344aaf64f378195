using System;
using System.Collections.Generic;
using Compliance.Engine.Assessment;
using Compliance.Engine.Checks;

namespace Compliance.Site.Model;

// The controls and their evidence requirements.

/// <summary>A control as other pages list it: with its status and the worst state of its evidence.</summary>
public sealed record ControlLink(string Id, string Title, string Status, EvidenceRollup Evidence, PageRef Page)
{
    public ItemLink Link => new(Id, Title, Page);
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
