using System;
using System.Collections.Generic;
using System.Linq;
using Compliance.Engine.Audit;

namespace Compliance.Site.Model;

/// <summary>The people of the programme, with what each owns, approves, collected and did in the audit log.</summary>
internal sealed class PeopleBuilder
{
    private readonly SiteBuildContext _context;

    public PeopleBuilder(SiteBuildContext context) => _context = context;

    public List<PersonModel> Build(AuditLogModel auditLog)
    {
        var activity = auditLog.Events
            .Where(e => e.Person is not null && e.Type is AuditEventTypes.GateDecision or AuditEventTypes.Deploy)
            .ToLookup(e => e.Person!.Id, e => e.Link, StringComparer.Ordinal);
        var programme = _context.Programme;
        var collected = _context.Result.Artifacts.GroupBy(a => a.Record.Collector.Value, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        // Each list grouped by person once (a lookup keeps the list's order within a person), not scanned once per person.
        var policiesApproved = programme.Policies.Where(p => p.ApprovedBy is not null).ToLookup(p => p.ApprovedBy!.Value, StringComparer.Ordinal);
        var decisionsApproved = programme.Decisions.Where(d => d.ApprovedBy is not null).ToLookup(d => d.ApprovedBy!.Value, StringComparer.Ordinal);
        var waiversApproved = programme.Waivers.Where(w => w.ApprovedBy is not null).ToLookup(w => w.ApprovedBy!.Value, StringComparer.Ordinal);
        var controlsOwned = programme.Controls.Where(c => c.Owner is not null).ToLookup(c => c.Owner!.Value, StringComparer.Ordinal);
        var policiesOwned = programme.Policies.Where(p => p.Owner is not null).ToLookup(p => p.Owner!.Value, StringComparer.Ordinal);
        return programme.People.Select(person =>
        {
            var id = person.Id.Value;
            var approves = new List<ItemLink>();
            approves.AddRange(policiesApproved[id].Select(p => new ItemLink(p.Id.Value, $"{p.Title} (policy)", _context.Links.PolicyPage(p.Id.Value))));
            approves.AddRange(decisionsApproved[id].Select(d => new ItemLink(d.Requirement.Value, "(decision)", _context.Lookups.Requirement(d.Requirement.Value) is not null ? _context.Links.RequirementPage(d.Requirement.Value) : null)));
            approves.AddRange(waiversApproved[id].Select(w => new ItemLink(w.Id.Value, "(waiver)", _context.Links.WaiverAnchor(w.Id.Value))));
            return new PersonModel(
                id,
                person.Name,
                person.Email?.Value,
                person.Role,
                person.PhiAccess,
                person.Status,
                SiteBuildContext.Day(person.RevokedOn),
                controlsOwned[id].Select(c => new ItemLink(c.Id.Value, c.Title, _context.Links.ControlPage(c.Id.Value))).ToList(),
                policiesOwned[id].Select(p => new ItemLink(p.Id.Value, p.Title, _context.Links.PolicyPage(p.Id.Value))).ToList(),
                approves,
                collected.TryGetValue(id, out var n) ? n : 0,
                activity[id].ToList(),
                _context.Links.PersonAnchor(id));
        }).ToList();
    }
}
