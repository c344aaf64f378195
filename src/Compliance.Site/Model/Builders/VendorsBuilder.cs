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
            .SelectMany(v => v.Subcontractors.Select(s => Keyed.Of(s.Value, v)))
            .ToLookup(x => x.Key, x => x.Value, StringComparer.Ordinal);

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

    // Loops over classes rather than LINQ over (vendor, date?, date?) tuples and lists of dates: ReadyToRun cannot precompile a
    // framework generic over a struct, and those instantiations cost about 17 ms of JIT on every run, vendors or not (issue 15).
    private TimelineModel BuildTimeline(List<VendorModel> vendors)
    {
        var asOf = _context.AsOf;
        var dated = new List<VendorModel>();
        var first = asOf;
        var last = asOf;
        foreach (var vendor in vendors)
        {
            if (vendor.Baa is not { } baa || ((baa.EffectiveOn ?? baa.SignedOn) is null && baa.ExpiresOn is null))
            {
                continue;
            }

            dated.Add(vendor);
            Widen(baa.EffectiveOn ?? baa.SignedOn);
            Widen(baa.ExpiresOn);
        }

        void Widen(DateOnly? date)
        {
            if (date is { } d)
            {
                first = d < first ? d : first;
                last = d > last ? d : last;
            }
        }

        var start = new DateOnly(first.Year, 1, 1);
        var end = new DateOnly(last.Year + 1, 1, 1);
        if (end.Year - start.Year > 20)
        {
            start = new DateOnly(Math.Max(start.Year, asOf.Year - 10), 1, 1);
            end = new DateOnly(Math.Min(end.Year, asOf.Year + 10), 1, 1);
        }

        var step = Math.Max(1, (end.Year - start.Year + 9) / 10);
        var ticks = new DateOnly[((end.Year - start.Year) / step) + 1];
        for (var i = 0; i < ticks.Length; i++)
        {
            ticks[i] = new DateOnly(start.Year + (i * step), 1, 1);
        }

        DateOnly Clamp(DateOnly d) => d < start ? start : d > end ? end : d;
        var timeline = new List<TimelineBar>(dated.Count);
        foreach (var vendor in dated)
        {
            var from = vendor.Baa!.EffectiveOn ?? vendor.Baa.SignedOn;
            var to = vendor.Baa.ExpiresOn;
            timeline.Add(new TimelineBar(vendor, Clamp(from ?? start), Clamp(to ?? end), from is null || from < start, to is null || to > end));
        }

        // By expiry, then ID, then registry order (Sort is not stable; a duplicate ID is a finding, not an impossibility).
        timeline.Sort((a, b) =>
        {
            var byExpiry = (a.Vendor.Baa?.ExpiresOn ?? DateOnly.MaxValue).CompareTo(b.Vendor.Baa?.ExpiresOn ?? DateOnly.MaxValue);
            var byId = byExpiry != 0 ? byExpiry : string.CompareOrdinal(a.Vendor.Id, b.Vendor.Id);
            return byId != 0 ? byId : dated.IndexOf(a.Vendor).CompareTo(dated.IndexOf(b.Vendor));
        });
        return new TimelineModel(start, end, asOf, ticks, timeline);
    }
}
