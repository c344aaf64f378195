using System;
using System.Collections.Generic;
using System.Linq;
using Compliance.Engine.Checks;
using Compliance.Model.Documents;

namespace Compliance.Site.Model;

/// <summary>The controls with their evidence requirements, the artifacts of each, and the requirements they map to.</summary>
internal sealed class ControlsBuilder
{
    private readonly SiteBuildContext _context;

    public ControlsBuilder(SiteBuildContext context) => _context = context;

    public List<ControlModel> Build(IReadOnlyList<ArtifactModel> artifacts)
    {
        var artifactsByKey = artifacts.Where(a => a.ControlId is not null).ToLookup(a => $"{a.ControlId}/{a.RequirementId}", StringComparer.Ordinal);
        var governedBy = _context.Programme.Policies
            .SelectMany(p => p.Governs.Select(g => Keyed.Of(g.Value, p)))
            .ToLookup(x => x.Key, x => new ItemLink(x.Value.Id.Value, x.Value.Title, _context.Links.PolicyPage(x.Value.Id.Value)), StringComparer.Ordinal);
        return _context.Programme.Controls.Select(c => BuildControl(c, artifactsByKey, governedBy[c.Id.Value].ToList())).ToList();
    }

    private ControlModel BuildControl(ControlDefinition control, ILookup<string, ArtifactModel> artifactsByKey, List<ItemLink> governedBy)
    {
        var id = control.Id.Value;
        var links = _context.Links;
        var evidence = control.Evidence.Select(requirement =>
        {
            var key = $"{id}/{requirement.Id.Value}";
            _context.EvidenceByKey.TryGetValue(key, out var status);
            var all = artifactsByKey[key]
                .OrderByDescending(a => a.CollectedOn ?? DateOnly.MinValue)
                .ThenBy(a => a.SidecarPath, StringComparer.Ordinal)
                .ToList();
            var latest = status?.Latest is { } latestArtifact ? all.FirstOrDefault(a => a.SidecarPath == latestArtifact.SidecarPath) : null;
            return new EvidenceRequirementModel(
                requirement.Id.Value,
                key,
                requirement.Description,
                requirement.Collection.Spelled(),
                requirement.FreshnessDays,
                status?.State ?? EvidenceState.Missing,
                status?.AgeDays,
                status?.FreshUntil,
                latest,
                all,
                links.EvidenceAnchor(id, requirement.Id.Value));
        }).ToList();

        var mapsTo = control.MapsTo
            .Select(m => m.Value)
            .Distinct(StringComparer.Ordinal)
            .Select(r => _context.Lookups.Requirement(r) is { } requirement
                ? new RequirementLink(new ItemLink(r, requirement.Title, links.RequirementPage(r)), _context.FrameworkTitleOf(r), Designation(requirement.Required), _context.InScope.Contains(r))
                : new RequirementLink(new ItemLink(r, "(not defined)", null), string.Empty, string.Empty, false))
            .ToList();

        return new ControlModel(
            id,
            control.Title,
            control.Description,
            control.Owner is null ? null : _context.Person(control.Owner.Value),
            control.Status.Spelled(),
            links.ControlPage(id),
            mapsTo,
            evidence,
            governedBy.OrderBy(p => p.Id, StringComparer.Ordinal).ToList(),
            _context.Rollups.Control(id),
            control.Span.Path,
            control.Id.Span.Line);
    }

    private static string Designation(bool? required) => required switch
    {
        true => "Required",
        false => "Addressable",
        null => string.Empty,
    };
}
