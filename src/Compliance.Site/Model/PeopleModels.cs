using System;
using System.Collections.Generic;
using Compliance.Engine.Checks;

namespace Compliance.Site.Model;

// The people and the waivers they approve.

public sealed record PersonLink(string Id, string Name, bool Active, PageRef? Page)
{
    public ItemLink Link => new(Id, Name, Page);
}

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
