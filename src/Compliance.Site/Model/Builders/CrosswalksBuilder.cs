using System;
using System.Collections.Generic;
using System.Linq;
using Compliance.Model.Documents;

namespace Compliance.Site.Model;

/// <summary>
/// The crosswalks between frameworks: each mapping's anchor and the partners it gives each requirement,
/// the areas where the frameworks diverge, and each crosswalk's table.
/// </summary>
internal sealed class CrosswalksBuilder
{
    private readonly SiteBuildContext _context;
    private Dictionary<string, int>? _catalogOrder;

    public CrosswalksBuilder(SiteBuildContext context) => _context = context;

    public Dictionary<string, List<PartnerModel>> BuildPartners(out Dictionary<CrosswalkMapping, PageRef> anchors)
    {
        anchors = new Dictionary<CrosswalkMapping, PageRef>(ReferenceEqualityComparer.Instance);
        var partners = new Dictionary<string, List<PartnerModel>>(StringComparer.Ordinal);
        void Add(string from, PartnerModel partner)
        {
            if (!partners.TryGetValue(from, out var list))
            {
                partners[from] = list = new List<PartnerModel>();
            }

            list.Add(partner);
        }

        foreach (var crosswalk in _context.Programme.Crosswalks)
        {
            for (var i = 0; i < crosswalk.Mappings.Count; i++)
            {
                var mapping = crosswalk.Mappings[i];
                var anchor = _context.Links.MappingAnchor(crosswalk.Id.Value, i + 1);
                anchors[mapping] = anchor;
                var source = _context.RequirementLinkOf(mapping.Source.Value);
                var target = _context.RequirementLinkOf(mapping.Target.Value);
                Add(mapping.Source.Value, new PartnerModel(target, _context.FrameworkTitleOf(mapping.Target.Value), mapping.Relationship, mapping.Relationship, mapping.Area, mapping.Rationale, anchor));
                Add(mapping.Target.Value, new PartnerModel(source, _context.FrameworkTitleOf(mapping.Source.Value), mapping.Relationship, Invert(mapping.Relationship), mapping.Area, mapping.Rationale, anchor));
            }
        }

        return partners;
    }

    private static string Invert(string relationship) => relationship switch
    {
        "subset" => "superset",
        "superset" => "subset",
        _ => relationship,
    };

    public List<DivergenceModel> BuildDivergences(Dictionary<string, RequirementModel> requirements, out HashSet<string> divergent)
    {
        divergent = new HashSet<string>(StringComparer.Ordinal);
        var list = new List<DivergenceModel>();
        foreach (var area in Divergences.Areas)
        {
            var found = area.Citations.Where(requirements.ContainsKey).Select(c => requirements[c]).ToList();
            if (found.Count == 0)
            {
                continue;
            }

            // The requirements themselves, the paragraphs below them, and their parts in the catalog hierarchy.
            var covered = new HashSet<string>(StringComparer.Ordinal);
            void Descend(RequirementModel requirement, int depth)
            {
                if (!covered.Add(requirement.Id) || depth > 16)
                {
                    return;
                }

                foreach (var child in requirement.Children)
                {
                    if (requirements.TryGetValue(child.Id, out var model))
                    {
                        Descend(model, depth + 1);
                    }
                }
            }

            foreach (var requirement in requirements.Values.Where(r => found.Any(f => Covers(f.Id, r.Id))))
            {
                Descend(requirement, 0);
            }

            divergent.UnionWith(covered);
            var controls = covered
                .SelectMany(id => requirements[id].Controls)
                .GroupBy(c => c.Id, StringComparer.Ordinal)
                .Select(g => g.First())
                .OrderBy(c => c.Id, StringComparer.Ordinal)
                .ToList();
            list.Add(new DivergenceModel(area.Key, area.Title, area.Explanation, found, Array.Empty<MappingModel>(), controls, new PageRef(SitePaths.Crosswalk, $"gap-{area.Key}"), covered));
        }

        return list;
    }

    /// <summary>Every requirement's place in catalog order, built once for all the crosswalks: it spans every framework.</summary>
    private Dictionary<string, int> CatalogOrder()
    {
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = 0;
        foreach (var framework in _context.Programme.Frameworks)
        {
            foreach (var requirement in framework.Requirements)
            {
                order.TryAdd(requirement.Id.Value, index++);
            }
        }

        return order;
    }

    /// <summary>Whether a citation covers a requirement: the same ID, or a paragraph below it ("164.404" covers "164.404(a)(2)").</summary>
    private static bool Covers(string citation, string id) =>
        id == citation || (id.StartsWith(citation, StringComparison.Ordinal) && id.Length > citation.Length && id[citation.Length] == '(');

    public CrosswalkModel BuildCrosswalk(CrosswalkDefinition crosswalk, Dictionary<CrosswalkMapping, PageRef> anchors, HashSet<string> divergent)
    {
        var mappings = crosswalk.Mappings.Select(m => new MappingModel(
            _context.RequirementLinkOf(m.Source.Value),
            _context.RequirementLinkOf(m.Target.Value),
            m.Relationship,
            m.Area,
            m.Rationale,
            divergent.Contains(m.Target.Value) || divergent.Contains(m.Source.Value) || m.Relationship == "subset",
            anchors[m])).ToList();

        var order = _catalogOrder ??= CatalogOrder();
        int Order(string id) => order.TryGetValue(id, out var i) ? i : int.MaxValue;
        var rows = mappings.Select(m => m.Source).DistinctBy(l => l.Id).OrderBy(l => Order(l.Id)).ThenBy(l => l.Id, StringComparer.Ordinal).ToList();
        var columns = mappings.Select(m => m.Target).DistinctBy(l => l.Id).OrderBy(l => Order(l.Id)).ThenBy(l => l.Id, StringComparer.Ordinal).ToList();
        var source = _context.Programme.Frameworks.FirstOrDefault(f => f.Id.Value == crosswalk.Source.Value);
        var target = _context.Programme.Frameworks.FirstOrDefault(f => f.Id.Value == crosswalk.Target.Value);
        return new CrosswalkModel(
            crosswalk.Id.Value,
            crosswalk.Title,
            new ItemLink(crosswalk.Source.Value, source?.Title ?? crosswalk.Source.Value, source is null ? null : _context.Links.FrameworkPage(source.Id.Value)),
            new ItemLink(crosswalk.Target.Value, target?.Title ?? crosswalk.Target.Value, target is null ? null : _context.Links.FrameworkPage(target.Id.Value)),
            mappings,
            rows,
            columns,
            _context.Links.CrosswalkAnchor(crosswalk.Id.Value));
    }
}
