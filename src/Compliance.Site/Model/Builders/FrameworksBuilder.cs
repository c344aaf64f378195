using System;
using System.Collections.Generic;
using System.Linq;
using Compliance.Engine.Assessment;
using Compliance.Model.Documents;
using Compliance.Model.Linking;

namespace Compliance.Site.Model;

/// <summary>A framework's page model: its requirements in catalog order, each with its coverage, controls, decision and crosswalk partners.</summary>
internal sealed class FrameworksBuilder
{
    private readonly SiteBuildContext _context;

    public FrameworksBuilder(SiteBuildContext context) => _context = context;

    public FrameworkModel Build(FrameworkDefinition framework, Dictionary<string, ControlModel> controls, Dictionary<string, List<PartnerModel>> partners)
    {
        var requirements = framework.Requirements;
        var inThisFramework = new HashSet<string>(requirements.Select(r => r.Id.Value), StringComparer.Ordinal);
        var children = requirements
            .Where(r => r.Parent is not null && inThisFramework.Contains(r.Parent.Value))
            .GroupBy(r => r.Parent!.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var lookups = _context.Programme.Lookups;

        // Coverage is the model's verdict and the evidence state the engine's; the site only shows them.
        RequirementCoverage CoverageOf(RequirementDefinition requirement) =>
            lookups.Coverage(requirement.Id.Value)
            ?? new RequirementCoverage(requirement.Id.Value, framework.Id.Value, CoverageState.OutOfScope, false, false, default, default, null, null);

        var depths = new Dictionary<string, int>(StringComparer.Ordinal);
        int Depth(RequirementDefinition requirement)
        {
            var depth = 0;
            var current = requirement;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (current.Parent is { } parent && seen.Add(current.Id.Value) && lookups.Requirement(parent.Value) is { } next && inThisFramework.Contains(parent.Value))
            {
                depth++;
                current = next;
            }

            return Math.Min(depth, 6);
        }

        var models = new List<RequirementModel>();
        var modelled = new HashSet<string>(StringComparer.Ordinal);
        foreach (var requirement in requirements)
        {
            var id = requirement.Id.Value;
            if (!modelled.Add(id))
            {
                continue;
            }

            var coverage = CoverageOf(requirement);
            var kids = children.TryGetValue(id, out var k) ? k : new List<RequirementDefinition>();
            var decision = coverage.Decision;
            models.Add(new RequirementModel(
                id,
                requirement.Title,
                framework.Id.Value,
                framework.Title,
                _context.Links.FrameworkPage(framework.Id.Value),
                requirement.Kind.Spelled(),
                Depth(requirement),
                requirement.Parent is { } parent ? _context.RequirementLinkOf(parent.Value) : null,
                kids.Select(c => _context.RequirementLinkOf(c.Id.Value)).ToList(),
                requirement.Required,
                requirement.Category,
                requirement.Summary,
                requirement.Informative,
                coverage.InScope,
                coverage.Assessable,
                coverage.State,
                _context.Rollups.Requirement(id),
                lookups.ControlsOf(id).Select(c => controls[c.Id.Value].Link).ToList(),
                decision is null ? null : new DecisionModel(decision.Decision, decision.Rationale, decision.Alternative, decision.ApprovedBy is null ? null : _context.Person(decision.ApprovedBy.Value), decision.ApprovedOn is { } on ? DateOnly.FromDateTime(on) : null),
                partners.TryGetValue(id, out var p) ? p : new List<PartnerModel>(),
                _context.Links.RequirementPageIn(framework.Id.Value, id)));
        }

        var assessed = models.Where(m => m.IsAssessable).ToList();
        var byControls = assessed.Where(m => m.Coverage is CoverageState.Implemented or CoverageState.PlannedOnly).ToList();
        var summary = new CoverageSummary(
            assessed.Count,
            byControls.Count,
            assessed.Count(m => m.Coverage == CoverageState.Decided),
            assessed.Count(m => m.Coverage == CoverageState.NotCovered),
            byControls.Count(m => m.Evidence == EvidenceRollup.Fresh),
            byControls.Count(m => m.Evidence == EvidenceRollup.NearlyStale),
            byControls.Count(m => m.Evidence == EvidenceRollup.Stale),
            byControls.Count(m => m.Evidence == EvidenceRollup.Missing));

        var scope = _context.Programme.Programme?.Scope.FirstOrDefault(s => s.Framework.Value == framework.Id.Value);
        return new FrameworkModel(
            framework.Id.Value,
            framework.Title,
            framework.Citation,
            framework.Source,
            _context.Links.FrameworkPage(framework.Id.Value),
            scope is not null,
            scope?.Categories.Select(c => c.Value).ToList() ?? new List<string>(),
            models,
            summary);
    }
}
