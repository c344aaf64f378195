using System;
using System.Collections.Generic;
using System.Linq;
using Compliance.Engine.Checks;

namespace Compliance.Site.Model;

/// <summary>The waivers, with the state the check gave each and how many findings it waived.</summary>
internal sealed class WaiversBuilder
{
    private readonly SiteBuildContext _context;

    public WaiversBuilder(SiteBuildContext context) => _context = context;

    public List<WaiverModel> Build()
    {
        var statuses = _context.Result.Waivers.GroupBy(w => w.WaiverId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return _context.Programme.Waivers.Select(waiver =>
        {
            statuses.TryGetValue(waiver.Id.Value, out var status);
            var expires = SiteBuildContext.Day(waiver.ExpiresOn);
            return new WaiverModel(
                waiver.Id.Value,
                waiver.Rule.Value,
                Compliance.Model.Diagnostics.Rules.Find(waiver.Rule.Value) is null ? null : SiteLinks.RuleAnchor(waiver.Rule.Value),
                waiver.Target.Value,
                null,
                waiver.Reason,
                waiver.ApprovedBy is null ? null : _context.Person(waiver.ApprovedBy.Value),
                SiteBuildContext.Day(waiver.ApprovedOn),
                expires,
                status?.DaysLeft,
                status?.State ?? WaiverState.Invalid,
                status?.Applied ?? 0,
                _context.Links.WaiverAnchor(waiver.Id.Value));
        }).ToList();
    }
}
