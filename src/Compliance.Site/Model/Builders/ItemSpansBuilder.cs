using System.Collections.Generic;
using System.Linq;

namespace Compliance.Site.Model;

/// <summary>Registers where each item is defined, so that a finding located in a file finds its item.</summary>
internal sealed class ItemSpansBuilder
{
    private readonly SiteBuildContext _context;

    public ItemSpansBuilder(SiteBuildContext context) => _context = context;

    /// <summary>Where each item is defined, so that a finding located in a file finds its item.</summary>
    public void AddSpans(ItemResolver items, List<ArtifactModel> artifacts, List<CrosswalkModel> crosswalks)
    {
        var programme = _context.Programme;
        if (programme.Programme is { } definition)
        {
            items.Add(definition.Id.Span, new ItemLink(definition.Id.Value, definition.Name, new PageRef(SitePaths.Overview)), wholeSpan: false);
        }

        foreach (var framework in programme.Frameworks)
        {
            items.Add(framework.Id.Span, new ItemLink(framework.Id.Value, framework.Title, _context.Links.FrameworkPage(framework.Id.Value)), wholeSpan: false);
            foreach (var requirement in framework.Requirements)
            {
                items.Add(requirement.Id.Span, _context.RequirementLinkOf(requirement.Id.Value), wholeSpan: false);
            }
        }

        var mappings = crosswalks.SelectMany(c => c.Mappings).ToList();
        var index = 0;
        // The crosswalk models were built from the programme's crosswalks in order: the i-th is the i-th's.
        for (var i = 0; i < programme.Crosswalks.Count; i++)
        {
            var crosswalk = programme.Crosswalks[i];
            var model = crosswalks[i];
            items.Add(crosswalk.Id.Span, new ItemLink(crosswalk.Id.Value, crosswalk.Title, model.Anchor), wholeSpan: false);
            foreach (var mapping in crosswalk.Mappings)
            {
                var m = mappings[index++];
                items.Add(mapping.Span, new ItemLink($"{m.Source.Id} / {m.Target.Id}", "crosswalk pair", m.Anchor));
            }
        }

        foreach (var control in programme.Controls)
        {
            items.Add(control.Span, new ItemLink(control.Id.Value, control.Title, _context.Links.ControlPage(control.Id.Value)));
            foreach (var evidence in control.Evidence)
            {
                items.Add(evidence.Id.Span, new ItemLink($"{control.Id.Value}/{evidence.Id.Value}", evidence.Description, _context.Links.EvidenceAnchor(control.Id.Value, evidence.Id.Value)), wholeSpan: false);
            }
        }

        foreach (var decision in programme.Decisions)
        {
            items.Add(decision.Requirement.Span, _context.RequirementLinkOf(decision.Requirement.Value), wholeSpan: false);
        }

        foreach (var vendor in programme.Vendors)
        {
            items.Add(vendor.Span, new ItemLink(vendor.Id.Value, vendor.Name, _context.Links.VendorAnchor(vendor.Id.Value)));
        }

        foreach (var person in programme.People)
        {
            items.Add(person.Id.Span, new ItemLink(person.Id.Value, person.Name, _context.Links.PersonAnchor(person.Id.Value)), wholeSpan: false);
        }

        foreach (var waiver in programme.Waivers)
        {
            items.Add(waiver.Id.Span, new ItemLink(waiver.Id.Value, "waiver", _context.Links.WaiverAnchor(waiver.Id.Value)), wholeSpan: false);
        }

        foreach (var policy in programme.Policies)
        {
            items.Add(policy.Span, new ItemLink(policy.Id.Value, policy.Title, _context.Links.PolicyPage(policy.Id.Value)));
        }

        foreach (var artifact in artifacts.Where(a => a.SidecarPath is not null))
        {
            items.Add(artifact.SidecarPath!, 1, int.MaxValue, new ItemLink(artifact.Path, artifact.Description ?? string.Empty, artifact.Viewer));
        }
    }

    /// <summary>Findings about incidents and endpoints point at them; audit-log findings point at the log's page.</summary>
    public void AddEnforcementSpans(ItemResolver items, AuditLogModel auditLog, IncidentsModel incidents, EncryptionModel encryption)
    {
        items.AddFile(auditLog.Path, new ItemLink(auditLog.Path, "audit log", auditLog.Page));
        items.AddFile(auditLog.Path + ".head", new ItemLink(auditLog.Path + ".head", "audit log head", auditLog.Page));
        foreach (var incident in incidents.All)
        {
            items.AddIncident(incident.Link);
        }

        foreach (var endpoint in encryption.Endpoints)
        {
            items.AddEndpoint(endpoint.Link);
        }

        foreach (var incident in _context.Programme.Incidents)
        {
            items.Add(incident.Span, new ItemLink(incident.Id.Value, incident.Title, _context.Links.IncidentAnchor(incident.Id.Value)));
        }

        foreach (var endpoint in _context.Endpoints)
        {
            items.Add(endpoint.Id.Span, new ItemLink(endpoint.Id.Value, endpoint.Url, _context.Links.EndpointAnchor(endpoint.Id.Value)), wholeSpan: false);
        }

        foreach (var runner in _context.Runners)
        {
            items.Add(runner.Id.Span, new ItemLink(runner.Id.Value, "runner", _context.Links.RunnerAnchor(runner.Id.Value)), wholeSpan: false);
        }
    }
}
