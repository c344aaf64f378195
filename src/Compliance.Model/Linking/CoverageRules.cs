using System;
using System.Collections.Generic;
using System.Linq;
using Compliance.Model.Diagnostics;
using Compliance.Model.Documents;
using Compliance.Model.Text;

namespace Compliance.Model.Linking;

/// <summary>
/// Requirement coverage, decided once: every in-scope requirement is implemented by a control or carries a
/// documented decision, and decisions are used only where HIPAA allows them. The records it returns are
/// the only coverage verdict; the gate, the site, OSCAL and the reports read them.
/// </summary>
internal static class CoverageRules
{
    /// <summary>
    /// Decides every requirement's coverage once and reports the coverage rules from those records.
    /// Returns the records in catalog order (first definition of each requirement ID).
    /// </summary>
    public static List<RequirementCoverage> Decide(ProgrammeIndex model, List<Finding> findings)
    {
        var inScope = InScope(model, findings);

        // Controls that count: a not-applicable control documents that it does not apply, so it covers nothing.
        var controlsByRequirement = new Dictionary<string, List<ControlDefinition>>(StringComparer.Ordinal);
        var notApplicable = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var control in model.Controls.Items)
        {
            if (control.MapsTo.IsEmpty && control.Status != ControlStatuses.NotApplicable)
            {
                findings.Add(Rules.UnmappedControl.At(control.Id.Span, $"The control '{control.Id.Value}' maps to no requirement."));
            }

            foreach (var requirement in control.MapsTo.Select(m => m.Value).Distinct(StringComparer.Ordinal))
            {
                if (control.Status == ControlStatuses.NotApplicable)
                {
                    Add(notApplicable, requirement, control.Id.Value);
                }
                else
                {
                    Add(controlsByRequirement, requirement, control);
                }
            }
        }

        CheckDecisions(model, controlsByRequirement, findings);

        var children = model.Requirements.Items
            .Where(r => r.Parent is not null && inScope.Contains(r.Id.Value) && !r.Informative)
            .GroupBy(r => r.Parent!.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        var states = new Dictionary<string, CoverageState>(StringComparer.Ordinal);
        CoverageState StateOf(RequirementDefinition requirement, int depth)
        {
            var id = requirement.Id.Value;
            if (states.TryGetValue(id, out var known))
            {
                return known;
            }

            states[id] = CoverageState.NotCovered; // cycle guard; CMP0022 reports the cycle itself
            var state = !inScope.Contains(id) ? CoverageState.OutOfScope
                : controlsByRequirement.TryGetValue(id, out var active) ? (active.All(c => c.Status == ControlStatuses.Planned) ? CoverageState.PlannedOnly : CoverageState.Implemented)
                : requirement.Informative ? CoverageState.Informative
                : model.Decisions.Contains(id) ? CoverageState.Decided
                : depth < 64 && children.TryGetValue(id, out var kids) && kids.All(k => IsCovered(StateOf(k, depth + 1))) ? CoverageState.CoveredByChildren
                : CoverageState.NotCovered;
            states[id] = state;
            return state;
        }

        var partners = CrosswalkPartners(model);
        var records = new List<RequirementCoverage>(model.Requirements.Items.Count);
        foreach (var requirement in model.Requirements.Items)
        {
            var id = requirement.Id.Value;
            var state = StateOf(requirement, 0);
            var assessable = inScope.Contains(id) && !requirement.Informative && !children.ContainsKey(id);
            var hint = state == CoverageState.NotCovered ? Hint(requirement, partners, controlsByRequirement) : null;
            records.Add(new RequirementCoverage(
                id,
                requirement.FrameworkId,
                state,
                inScope.Contains(id),
                assessable,
                (controlsByRequirement.TryGetValue(id, out var controls) ? controls.Select(c => c.Id.Value) : Enumerable.Empty<string>()).ToEquatableArray(),
                (notApplicable.TryGetValue(id, out var na) ? na : Enumerable.Empty<string>()).ToEquatableArray(),
                model.Decisions.Find(id),
                hint));

            if (assessable && state == CoverageState.NotCovered)
            {
                findings.Add(Rules.UncoveredRequirement.At(
                    requirement.Id.Span,
                    $"The in-scope requirement '{id}' ({requirement.Title}) is implemented by no control.{HintText(requirement, hint)}",
                    requirement.Required == false
                        ? $"Add '{id}' to the maps_to of the control that implements it, or record an alternative or not-reasonable decision for this Addressable specification in a decisions file."
                        : null));
            }
        }

        foreach (var entry in controlsByRequirement)
        {
            var requirement = model.Requirements.Find(entry.Key);
            if (requirement?.Required == true && inScope.Contains(entry.Key) && entry.Value.All(c => c.Status == ControlStatuses.Planned))
            {
                var first = entry.Value[0];
                findings.Add(Rules.PlannedOnly.At(
                    first.MapsTo.First(m => m.Value == entry.Key).Span,
                    $"The Required specification '{entry.Key}' is implemented only by planned controls ({string.Join(", ", entry.Value.Select(c => c.Id.Value))})."));
            }
        }

        return records;
    }

    private static bool IsCovered(CoverageState state) => state is CoverageState.Implemented or CoverageState.PlannedOnly
        or CoverageState.Decided or CoverageState.CoveredByChildren or CoverageState.Informative;

    private static void Add<T>(Dictionary<string, List<T>> map, string key, T value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = new List<T>();
        }

        list.Add(value);
    }

    private static HashSet<string> InScope(ProgrammeIndex model, List<Finding> findings)
    {
        var inScope = new HashSet<string>(StringComparer.Ordinal);
        if (model.Programme is null)
        {
            return inScope;
        }

        foreach (var scope in model.Programme.Scope)
        {
            if (model.Frameworks.Find(scope.Framework.Value) is not { } framework)
            {
                continue;
            }

            var categories = new HashSet<string>(scope.Categories.Select(c => c.Value), StringComparer.Ordinal);
            foreach (var category in scope.Categories)
            {
                if (!framework.Requirements.Any(r => r.Category == category.Value))
                {
                    var known = framework.Requirements.Select(r => r.Category).Where(c => c is not null).Distinct().Cast<string>();
                    findings.Add(Rules.ScopeMatchesNothing.At(category.Span,
                        $"No requirement of '{framework.Id.Value}' has the category '{category.Value}'.{Binding.Suggestions.DidYouMean(category.Value, known)}"));
                }
            }

            foreach (var requirement in framework.Requirements)
            {
                if (categories.Count == 0 || (requirement.Category is not null && categories.Contains(requirement.Category)))
                {
                    inScope.Add(requirement.Id.Value);
                }
            }
        }

        return inScope;
    }

    private static void CheckDecisions(ProgrammeIndex model, Dictionary<string, List<ControlDefinition>> controlsByRequirement, List<Finding> findings)
    {
        foreach (var decision in model.Decisions.Items)
        {
            if (model.Requirements.Find(decision.Requirement.Value) is not { } requirement)
            {
                continue;
            }

            if (decision.Decision != DecisionKinds.NotApplicable && requirement.Required != false)
            {
                findings.Add(Rules.DecisionNotAllowed.At(decision.Requirement.Span,
                    $"'{requirement.Id.Value}' ({requirement.Title}) is {(requirement.Required == true ? "a Required specification" : "not an Addressable specification")}, so it cannot be met by a '{decision.Decision}' decision."));
            }

            if (controlsByRequirement.TryGetValue(requirement.Id.Value, out var controls))
            {
                findings.Add(Rules.DecidedButMapped.At(decision.Requirement.Span,
                    $"'{requirement.Id.Value}' has a '{decision.Decision}' decision but is also mapped by {string.Join(", ", controls.Select(c => c.Id.Value))}."));
            }
        }
    }

    private static Dictionary<string, List<string>> CrosswalkPartners(ProgrammeIndex model)
    {
        var partners = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string from, string to)
        {
            if (!partners.TryGetValue(from, out var list))
            {
                partners[from] = list = new List<string>();
            }

            list.Add(to);
        }

        foreach (var mapping in model.Crosswalks.Items.SelectMany(c => c.Mappings))
        {
            Add(mapping.Source.Value, mapping.Target.Value);
            Add(mapping.Target.Value, mapping.Source.Value);
        }

        return partners;
    }

    private static CrosswalkHint? Hint(RequirementDefinition requirement, Dictionary<string, List<string>> partners, Dictionary<string, List<ControlDefinition>> controlsByRequirement)
    {
        if (!partners.TryGetValue(requirement.Id.Value, out var list))
        {
            return null;
        }

        foreach (var partner in list.OrderBy(p => p, StringComparer.Ordinal))
        {
            if (controlsByRequirement.TryGetValue(partner, out var controls))
            {
                return new CrosswalkHint(partner, controls[0].Id.Value);
            }
        }

        return null;
    }

    private static string HintText(RequirementDefinition requirement, CrosswalkHint? hint) => hint is null
        ? string.Empty
        : $" Its crosswalk partner '{hint.Partner}' is covered by control '{hint.Control}': if that control also satisfies '{requirement.Id.Value}', add it to that control's maps_to.";
}
