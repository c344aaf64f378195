using System;
using System.Collections.Generic;
using Compliance.Engine.Checks;

namespace Compliance.Site.Model;

// The vendor registry: vendors, their BAAs, subcontractor chains and the BAA timeline.

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
public sealed record TimelineModel(DateOnly Start, DateOnly End, DateOnly AsOf, DateOnly[] Ticks, IReadOnlyList<TimelineBar> Bars);

public sealed record TimelineBar(VendorModel Vendor, DateOnly From, DateOnly To, bool OpenStart, bool OpenEnd);
