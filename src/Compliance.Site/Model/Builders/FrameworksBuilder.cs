using System;
using System.Collections.Generic;
using System.Linq;
using Compliance.Model.Documents;

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
        var decisions = _context.Programme.Decisions.GroupBy(d => d.Requirement.Value, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var mappedBy = _context.Programme.Controls
            .SelectMany(c => c.MapsTo.Select(m => (Requirement: m.Value, Control: c)))
            .Where(x => inThisFramework.Contains(x.Requirement))
            .GroupBy(x => x.Requirement, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Control).Distinct().ToList(), StringComparer.Ordinal);

        var coverage = new Dictionary<string, (CoverageState State, EvidenceRollup Evidence)>(StringComparer.Ordinal);
        (CoverageState State, EvidenceRollup Evidence) Cover(RequirementDefinition requirement, int depth)
        {
            var id = requirement.Id.Value;
            if (coverage.TryGetValue(id, out var known))
            {
                return known;
            }

            coverage[id] = (CoverageState.NotCovered, EvidenceRollup.None); // cycle guard
            (CoverageState, EvidenceRollup) result;
            var active = mappedBy.TryGetValue(id, out var list) ? list.Where(c => c.Status != ControlStatuses.NotApplicable).ToList() : new List<ControlDefinition>();
            var kids = children.TryGetValue(id, out var k) ? k.Where(c => _context.InScope.Contains(c.Id.Value) && !c.Informative).ToList() : new List<RequirementDefinition>();
            if (!_context.InScope.Contains(id))
            {
                result = (CoverageState.OutOfScope, EvidenceRollups.Worst(active.Select(c => controls[c.Id.Value].Rollup)));
            }
            else if (active.Count > 0)
            {
                var state = active.All(c => c.Status == ControlStatuses.Planned) ? CoverageState.PlannedOnly : CoverageState.Implemented;
                result = (state, EvidenceRollups.Worst(active.Select(c => controls[c.Id.Value].Rollup)));
            }
            else if (requirement.Informative)
            {
                result = (CoverageState.Informative, EvidenceRollup.None);
            }
            else if (decisions.ContainsKey(id))
            {
                result = (CoverageState.Decided, EvidenceRollup.None);
            }
            else if (kids.Count > 0 && depth < 64)
            {
                var states = kids.Select(kid => Cover(kid, depth + 1)).ToList();
                var covered = states.All(s => s.State is CoverageState.Implemented or CoverageState.PlannedOnly or CoverageState.Decided or CoverageState.CoveredByChildren or CoverageState.Informative);
                result = (covered ? CoverageState.CoveredByChildren : CoverageState.NotCovered, EvidenceRollups.Worst(states.Select(s => s.Evidence)));
            }
            else
            {
                result = (CoverageState.NotCovered, EvidenceRollup.None);
            }

            coverage[id] = result;
            return result;
        }

        var depths = new Dictionary<string, int>(StringComparer.Ordinal);
        int Depth(RequirementDefinition requirement)
        {
            var depth = 0;
            var current = requirement;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (current.Parent is { } parent && seen.Add(current.Id.Value) && _context.Requirements.TryGetValue(parent.Value, out var next) && inThisFramework.Contains(parent.Value))
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

            var (state, evidence) = Cover(requirement, 0);
            var kids = children.TryGetValue(id, out var k) ? k : new List<RequirementDefinition>();
            var assessable = _context.InScope.Contains(id) && !requirement.Informative && !kids.Any(c => _context.InScope.Contains(c.Id.Value) && !c.Informative);
            decisions.TryGetValue(id, out var decision);
            models.Add(new RequirementModel(
                id,
                requirement.Title,
                framework.Id.Value,
                framework.Title,
                _context.Links.FrameworkPage(framework.Id.Value),
                requirement.Kind,
                Depth(requirement),
                requirement.Parent is { } parent ? _context.RequirementLinkOf(parent.Value) : null,
                kids.Select(c => _context.RequirementLinkOf(c.Id.Value)).ToList(),
                requirement.Required,
                requirement.Category,
                requirement.Summary,
                requirement.Informative,
                _context.InScope.Contains(id),
                assessable,
                state,
                evidence,
                mappedBy.TryGetValue(id, out var mapped) ? mapped.Select(c => controls[c.Id.Value].Link).ToList() : new List<ControlLink>(),
                decision is null ? null : new DecisionModel(decision.Decision, decision.Rationale, decision.Alternative, decision.ApprovedBy is null ? null : _context.Person(decision.ApprovedBy.Value), decision.ApprovedOn is { } on ? DateOnly.FromDateTime(on) : null),
                partners.TryGetValue(id, out var p) ? p : new List<PartnerModel>(),
                _context.Links.RequirementPage(id)));
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
