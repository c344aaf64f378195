using System;
using System.Collections.Generic;
using System.Linq;
using Compliance.Model.Linking;

namespace Compliance.Site.Model;

/// <summary>
/// Where every item of the programme lives in the site: one slug table per kind of ID, the page or anchor
/// of each item, and the allocation of the paths of copied evidence and its viewers. Every section builder
/// asks this one class, so that a link and the page it points at cannot disagree.
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
    private readonly HashSet<string> _usedSitePaths = new(StringComparer.Ordinal);

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
            _usedSitePaths.Add(reserved);
        }
    }

    public PageRef ControlPage(string id) => new($"controls/{_controlSlugs[id]}.html");

    public PageRef RequirementPage(string id) => new($"requirements/{_requirementSlugs[id]}.html");

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
    /// A path no other file of the site has: the path asked for, or, when it is taken, the path with a hash
    /// of the key (and a counter if even that is taken). Called in a fixed order, so the result is stable.
    /// </summary>
    public string Unique(string path, string key)
    {
        if (_usedSitePaths.Add(path))
        {
            return path;
        }

        var dot = path.LastIndexOf('.');
        var slash = path.LastIndexOf('/');
        var stem = dot > slash + 1 ? path.Substring(0, dot) : path;
        var extension = dot > slash + 1 ? path.Substring(dot) : string.Empty;
        var candidate = $"{stem}-{Slugs.Hash(key)}{extension}";
        for (var i = 2; !_usedSitePaths.Add(candidate); i++)
        {
            candidate = $"{stem}-{Slugs.Hash(key)}-{i}{extension}";
        }

        return candidate;
    }
}
