using System;
using System.Collections.Generic;
using System.Linq;
using Compliance.Engine.Checks;

namespace Compliance.Site.Model;

/// <summary>The vendor registry: each vendor with its BAA and its state, the subcontractor chains, and the timeline of agreements.</summary>
internal sealed class VendorsBuilder
{
    private readonly SiteBuildContext _context;

    public VendorsBuilder(SiteBuildContext context) => _context = context;

    public VendorRegistryModel Build(List<ArtifactModel> artifacts, Dictionary<string, ArtifactModel> signedAgreements)
    {
        var statuses = _context.Result.Vendors.GroupBy(v => v.VendorId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var agreements = artifacts.Where(a => a.SidecarPath is null).ToList();
        var definitions = _context.Programme.Vendors.ToDictionary(v => v.Id.Value, StringComparer.Ordinal);
        var usedBy = _context.Programme.Vendors
            .SelectMany(v => v.Subcontractors.Select(s => (Sub: s.Value, By: v)))
            .ToLookup(x => x.Sub, x => x.By, StringComparer.Ordinal);

        ItemLink VendorLink(string id) => definitions.TryGetValue(id, out var v) ? new ItemLink(id, v.Name, _context.Links.VendorAnchor(id)) : new ItemLink(id, "(not in the registry)", null);

        var vendors = _context.Programme.Vendors.Select(vendor =>
        {
            var id = vendor.Id.Value;
            statuses.TryGetValue(id, out var status);
            BaaModel? baa = null;
            if (vendor.Baa is { } definition)
            {
                var agreement = definition.Evidence is { } evidence && signedAgreements.TryGetValue(evidence.Value, out var found) ? found : null;
                baa = new BaaModel(SiteBuildContext.Day(definition.SignedOn), SiteBuildContext.Day(definition.EffectiveOn), SiteBuildContext.Day(definition.ExpiresOn), definition.Evidence?.Value, agreement);
            }

            return new VendorModel(
                id,
                vendor.Name,
                vendor.HandlesPhi,
                vendor.Services.Select(s => new ServiceModel(s.Id.Value, s.Name)).ToList(),
                baa,
                status?.State ?? (vendor.HandlesPhi ? BaaState.Missing : BaaState.NotRequired),
                status?.DaysLeft,
                vendor.Subcontractors.Select(s => VendorLink(s.Value)).ToList(),
                usedBy[id].Select(v => VendorLink(v.Id.Value)).DistinctBy(l => l.Id).OrderBy(l => l.Id, StringComparer.Ordinal).ToList(),
                vendor.Notes,
                _context.Links.VendorAnchor(id));
        }).ToList();

        var byId = vendors.ToDictionary(v => v.Id, StringComparer.Ordinal);
        var subcontracted = new HashSet<string>(vendors.SelectMany(v => v.Subcontractors.Select(s => s.Id)), StringComparer.Ordinal);

        ChainNode Node(VendorModel vendor, HashSet<string> path, int depth)
        {
            if (path.Contains(vendor.Id) || depth > 16)
            {
                return new ChainNode(vendor, Array.Empty<ChainNode>(), Cycle: true);
            }

            var next = new HashSet<string>(path, StringComparer.Ordinal) { vendor.Id };
            var children = vendor.Subcontractors.Where(s => byId.ContainsKey(s.Id)).Select(s => Node(byId[s.Id], next, depth + 1)).ToList();
            return new ChainNode(vendor, children, Cycle: false);
        }

        var roots = vendors.Where(v => v.Subcontractors.Count > 0 && !subcontracted.Contains(v.Id)).ToList();
        // Vendors in a cycle with no top: start from the first of them, so that every chain is shown.
        var reached = new HashSet<string>(StringComparer.Ordinal);
        void Mark(ChainNode node)
        {
            reached.Add(node.Vendor.Id);
            foreach (var child in node.Children)
            {
                Mark(child);
            }
        }

        var chains = roots.Select(r => Node(r, new HashSet<string>(StringComparer.Ordinal), 0)).ToList();
        chains.ForEach(Mark);
        foreach (var vendor in vendors.Where(v => v.Subcontractors.Count > 0 && !reached.Contains(v.Id)))
        {
            var chain = Node(vendor, new HashSet<string>(StringComparer.Ordinal), 0);
            Mark(chain);
            chains.Add(chain);
        }

        var standalone = vendors.Where(v => v.Subcontractors.Count == 0 && !subcontracted.Contains(v.Id)).ToList();
        return new VendorRegistryModel(vendors, chains, standalone, BuildTimeline(vendors), new PageRef(SitePaths.Vendors));
    }

    private TimelineModel BuildTimeline(List<VendorModel> vendors)
    {
        var asOf = _context.AsOf;
        var bars = vendors
            .Where(v => v.Baa is { } baa && (baa.EffectiveOn ?? baa.SignedOn) is not null || v.Baa?.ExpiresOn is not null)
            .Select(v =>
            {
                var baa = v.Baa!;
                var from = baa.EffectiveOn ?? baa.SignedOn;
                var to = baa.ExpiresOn;
                return (Vendor: v, From: from, To: to);
            })
            .ToList();

        var dates = bars.SelectMany(b => new[] { b.From, b.To }).Where(d => d is not null).Select(d => d!.Value).Append(asOf).ToList();
        var start = new DateOnly(dates.Min().Year, 1, 1);
        var end = new DateOnly(dates.Max().Year + 1, 1, 1);
        if (end.Year - start.Year > 20)
        {
            start = new DateOnly(Math.Max(start.Year, asOf.Year - 10), 1, 1);
            end = new DateOnly(Math.Min(end.Year, asOf.Year + 10), 1, 1);
        }

        var step = Math.Max(1, (end.Year - start.Year + 9) / 10);
        var ticks = new List<DateOnly>();
        for (var year = start.Year; year <= end.Year; year += step)
        {
            ticks.Add(new DateOnly(year, 1, 1));
        }

        DateOnly Clamp(DateOnly d) => d < start ? start : d > end ? end : d;
        var timeline = bars
            .Select(b => new TimelineBar(b.Vendor, Clamp(b.From ?? start), Clamp(b.To ?? end), b.From is null || b.From < start, b.To is null || b.To > end))
            .OrderBy(b => b.Vendor.Baa?.ExpiresOn ?? DateOnly.MaxValue)
            .ThenBy(b => b.Vendor.Id, StringComparer.Ordinal)
            .ToList();
        return new TimelineModel(start, end, asOf, ticks, timeline);
    }
}
