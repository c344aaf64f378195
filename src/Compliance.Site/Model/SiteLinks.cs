using System;
using System.Collections.Generic;
using System.Linq;
using Compliance.Model.Linking;

namespace Compliance.Site.Model;

/// <summary>
/// Where every item of the programme lives in the site: one slug table per kind of ID, the page or anchor
/// of each item, and the allocation of the paths of copied evidence and its viewers. Every section builder
/// asks this one class, so that a link and the page it points at cannot disagree.
/// <para>
/// Page paths are unique by construction: every path is claimed for an owner in one map, and a path that
/// another owner holds gets a stable disambiguated one. So even a failing programme (the same requirement
/// ID in two frameworks, say) gets a page per item and a site in which no path is written twice.
/// </para>
/// </summary>
public sealed class SiteLinks
{
    private readonly Slugs _controlSlugs;
    private readonly Slugs _requirementSlugs;
    private readonly Slugs _frameworkSlugs;
    private readonly Slugs _policySlugs;
    private readonly Slugs _vendorSlugs;
    private readonly Slugs _personSlugs;
    private readonly Slugs _waiverSlugs;
    private readonly Slugs _crosswalkSlugs;
    private readonly Slugs _incidentSlugs;
    private readonly Slugs _endpointSlugs;
    private readonly Slugs _runnerSlugs;
    private readonly Dictionary<string, string> _ownerOfPath = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _requirementPages = new(StringComparer.Ordinal);

    public SiteLinks(LinkedProgramme programme)
    {
        _controlSlugs = new Slugs(programme.Controls.Select(c => c.Id.Value));
        _requirementSlugs = new Slugs(programme.Frameworks.SelectMany(f => f.Requirements).Select(r => r.Id.Value));
        _frameworkSlugs = new Slugs(programme.Frameworks.Select(f => f.Id.Value));
        _policySlugs = new Slugs(programme.Policies.Select(p => p.Id.Value));
        _vendorSlugs = new Slugs(programme.Vendors.Select(v => v.Id.Value));
        _personSlugs = new Slugs(programme.People.Select(p => p.Id.Value));
        _waiverSlugs = new Slugs(programme.Waivers.Select(w => w.Id.Value));
        _crosswalkSlugs = new Slugs(programme.Crosswalks.Select(c => c.Id.Value));
        _incidentSlugs = new Slugs(programme.Incidents.Select(i => i.Id.Value));
        _endpointSlugs = new Slugs(SiteBuildContext.EndpointsOf(programme).Select(e => e.Id.Value));
        _runnerSlugs = new Slugs(SiteBuildContext.RunnersOf(programme).Select(r => r.Id.Value));
        foreach (var reserved in SitePaths.Reserved)
        {
            _ownerOfPath.Add(reserved, "site");
        }

        // The linker keeps the first definition of an ID, but a framework keeps its own list: the same
        // requirement ID in a second framework is a second page. The first occurrence has the ID's path.
        foreach (var framework in programme.Frameworks)
        {
            foreach (var requirement in framework.Requirements)
            {
                var id = requirement.Id.Value;
                var occurrence = OccurrenceKey(framework.Id.Value, id);
                if (!_requirementPages.ContainsKey(occurrence))
                {
                    var owner = _requirementPages.ContainsKey(id) ? occurrence : id;
                    var path = Claim($"requirements/{_requirementSlugs[id]}.html", "requirement:" + owner);
                    _requirementPages.TryAdd(id, path);
                    _requirementPages.Add(occurrence, path);
                }
            }
        }
    }

    public PageRef ControlPage(string id) => new($"controls/{_controlSlugs[id]}.html");

    /// <summary>The page of a requirement ID: its first definition's.</summary>
    public PageRef RequirementPage(string id) =>
        new(_requirementPages.TryGetValue(id, out var path) ? path : $"requirements/{_requirementSlugs[id]}.html");

    /// <summary>The page of a requirement as one framework defines it: its own page when another framework defined the ID first.</summary>
    public PageRef RequirementPageIn(string frameworkId, string id) =>
        _requirementPages.TryGetValue(OccurrenceKey(frameworkId, id), out var path) ? new(path) : RequirementPage(id);

    public PageRef FrameworkPage(string id) => new($"frameworks/{_frameworkSlugs[id]}.html");

    public PageRef PolicyPage(string id) => new($"policies/{_policySlugs[id]}.html");

    public PageRef VendorAnchor(string id) => new(SitePaths.Vendors, $"vendor-{_vendorSlugs[id]}");

    public PageRef PersonAnchor(string id) => new(SitePaths.People, $"person-{_personSlugs[id]}");

    public PageRef WaiverAnchor(string id) => new(SitePaths.Overview, $"waiver-{_waiverSlugs[id]}");

    public PageRef IncidentAnchor(string id) => new(SitePaths.Incidents, $"incident-{_incidentSlugs[id]}");

    public PageRef EndpointAnchor(string id) => new(SitePaths.Encryption, $"endpoint-{_endpointSlugs[id]}");

    public PageRef RunnerAnchor(string id) => new(SitePaths.AuditLog, $"runner-{_runnerSlugs[id]}");

    public static PageRef RuleAnchor(string id) => new(SitePaths.Rules, id.ToLowerInvariant());

    /// <summary>The anchor of one of a control's evidence requirements, on the control's page.</summary>
    public PageRef EvidenceAnchor(string controlId, string evidenceId) =>
        ControlPage(controlId).At($"ev-{_controlSlugs[controlId]}-{Slugs.Slug(evidenceId)}-{Slugs.Hash(evidenceId).Substring(0, 4)}");

    /// <summary>The anchor of a crosswalk on the crosswalk page.</summary>
    public PageRef CrosswalkAnchor(string id) => new(SitePaths.Crosswalk, $"xw-{_crosswalkSlugs[id]}");

    /// <summary>The anchor of the n-th mapping (from 1) of a crosswalk on the crosswalk page.</summary>
    public PageRef MappingAnchor(string crosswalkId, int number) => new(SitePaths.Crosswalk, $"map-{_crosswalkSlugs[crosswalkId]}-{number}");

    /// <summary>
    /// The path for an owner: the path asked for when it is free or already the owner's, else the path with
    /// a hash of the owner (and a counter if even that is taken). The same owners in the same order give the same paths.
    /// </summary>
    public string Claim(string path, string owner)
    {
        if (_ownerOfPath.TryAdd(path, owner) || _ownerOfPath[path] == owner)
        {
            return path;
        }

        return Disambiguate(path, owner);
    }

    /// <summary>
    /// A path no other file of the site has: the path asked for, or, when it is taken, the path with a hash
    /// of the key (and a counter if even that is taken). Called in a fixed order, so the result is stable.
    /// </summary>
    public string Unique(string path, string key) => _ownerOfPath.TryAdd(path, key) ? path : Disambiguate(path, key);

    private string Disambiguate(string path, string owner)
    {
        var dot = path.LastIndexOf('.');
        var slash = path.LastIndexOf('/');
        var stem = dot > slash + 1 ? path.Substring(0, dot) : path;
        var extension = dot > slash + 1 ? path.Substring(dot) : string.Empty;
        var candidate = $"{stem}-{Slugs.Hash(owner)}{extension}";
        for (var i = 2; !_ownerOfPath.TryAdd(candidate, owner); i++)
        {
            candidate = $"{stem}-{Slugs.Hash(owner)}-{i}{extension}";
        }

        return candidate;
    }

    // A requirement ID can hold any character but '\n' is never in one: the key cannot be another ID.
    private static string OccurrenceKey(string frameworkId, string id) => frameworkId + "\n" + id;
}
