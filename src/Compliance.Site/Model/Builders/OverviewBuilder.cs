using System;
using System.IO;
using System.Linq;
using Compliance.Model.Diagnostics;

namespace Compliance.Site.Model;

/// <summary>The overview's head: who the programme is, as of when and at which commit, and the gate's totals.</summary>
internal sealed class OverviewBuilder
{
    private readonly SiteBuildContext _context;

    public OverviewBuilder(SiteBuildContext context) => _context = context;

    public SiteIdentity BuildIdentity()
    {
        var programme = _context.Result.Programme.Programme;
        var provenance = _context.Result.Provenance;
        var programmeName = programme?.Name ?? "Compliance programme";
        return new SiteIdentity(
            string.IsNullOrWhiteSpace(_context.Config.Name) ? programmeName : _context.Config.Name!,
            programmeName,
            string.IsNullOrWhiteSpace(_context.Config.Description) ? programme?.Description : _context.Config.Description,
            _context.Result.Options.AsOf,
            SiteBuildContext.Commit(provenance.Head),
            provenance.Branch,
            provenance.UnavailableReason,
            provenance.Uncommitted.OrderBy(p => p, StringComparer.Ordinal).ToList(),
            _context.Config.LogoSource is null ? null : $"assets/logo{Path.GetExtension(_context.Config.LogoSource).ToLowerInvariant()}",
            _context.Result.Options.BaaWarningDays,
            _context.Result.Options.EvidenceWarningDays,
            _context.Result.Options.PolicyWarningDays);
    }

    public GateSummary BuildGate()
    {
        var byCategory = _context.Result.Findings
            .GroupBy(f => Rules.Find(f.RuleId)?.Category ?? "Other", StringComparer.Ordinal)
            .Select(g => new CategoryCount(g.Key, g.Count(f => f.Severity == Severity.Error), g.Count(f => f.Severity == Severity.Warning)))
            .OrderBy(c => c.Category, StringComparer.Ordinal)
            .ToList();
        var programme = _context.Result.Programme;
        return new GateSummary(
            _context.Result.Passed,
            _context.Result.Errors,
            _context.Result.Warnings,
            _context.Result.Waived,
            byCategory,
            programme.Controls.Count,
            _context.Result.Evidence.Count,
            _context.Result.Artifacts.Count,
            programme.Vendors.Count,
            programme.Policies.Count,
            programme.People.Count);
    }
}
