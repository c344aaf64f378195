using System.Collections.Generic;

namespace Compliance.Site.Model;

// The crosswalks between frameworks and where they diverge.

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
