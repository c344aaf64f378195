using System;
using System.Collections.Generic;
using System.Linq;
using Compliance.Model.Diagnostics;
using Compliance.Model.Documents;

namespace Compliance.Model.Linking;

/// <summary>
/// Requirement coverage: every in-scope requirement is implemented by a control or carries a
/// documented decision, and decisions are used only where HIPAA allows them.
/// </summary>
internal static class CoverageRules
{
    /// <summary>Runs the coverage rules and returns the in-scope requirement IDs in catalog order.</summary>
    public static List<string> Check(ProgrammeIndex model, List<Finding> findings)
    {
        var inScope = InScope(model, findings);

        var controlsByRequirement = new Dictionary<string, List<ControlDefinition>>(StringComparer.Ordinal);
        foreach (var control in model.Controls.Items)
        {
            if (control.MapsTo.IsEmpty && control.Status != ControlStatuses.NotApplicable)
            {
                findings.Add(Rules.UnmappedControl.At(control.Id.Span, $"The control '{control.Id.Value}' maps to no requirement."));
            }

            if (control.Status == ControlStatuses.NotApplicable)
            {
                continue;
            }

            foreach (var requirement in control.MapsTo)
            {
                if (!controlsByRequirement.TryGetValue(requirement.Value, out var list))
                {
                    controlsByRequirement[requirement.Value] = list = new List<ControlDefinition>();
                }

                list.Add(control);
            }
        }

        CheckDecisions(model, controlsByRequirement, findings);

        var children = model.Requirements.Items
            .Where(r => r.Parent is not null && inScope.Contains(r.Id.Value) && !r.Informative)
            .GroupBy(r => r.Parent!.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        var covered = new Dictionary<string, bool>(StringComparer.Ordinal);
        bool IsCovered(RequirementDefinition requirement, int depth)
        {
            if (covered.TryGetValue(requirement.Id.Value, out var known))
            {
                return known;
            }

            var result = requirement.Informative
                || controlsByRequirement.ContainsKey(requirement.Id.Value)
                || model.Decisions.Contains(requirement.Id.Value)
                || (depth < 64 && children.TryGetValue(requirement.Id.Value, out var kids) && kids.All(k => IsCovered(k, depth + 1)));
            covered[requirement.Id.Value] = result;
            return result;
        }

        var partners = CrosswalkPartners(model);
        foreach (var requirement in model.Requirements.Items)
        {
            if (!inScope.Contains(requirement.Id.Value) || IsCovered(requirement, 0) || children.ContainsKey(requirement.Id.Value))
            {
                continue;
            }

            findings.Add(Rules.UncoveredRequirement.At(
                requirement.Id.Span,
                $"The in-scope requirement '{requirement.Id.Value}' ({requirement.Title}) is implemented by no control.{CrosswalkHint(requirement, partners, controlsByRequirement)}",
                requirement.Required == false
                    ? $"Add '{requirement.Id.Value}' to the maps_to of the control that implements it, or record an alternative or not-reasonable decision for this Addressable specification in a decisions file."
                    : null));
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

        return model.Requirements.Items.Where(r => inScope.Contains(r.Id.Value)).Select(r => r.Id.Value).ToList();
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

    private static string CrosswalkHint(RequirementDefinition requirement, Dictionary<string, List<string>> partners, Dictionary<string, List<ControlDefinition>> controlsByRequirement)
    {
        if (!partners.TryGetValue(requirement.Id.Value, out var list))
        {
            return string.Empty;
        }

        foreach (var partner in list.OrderBy(p => p, StringComparer.Ordinal))
        {
            if (controlsByRequirement.TryGetValue(partner, out var controls))
            {
                return $" Its crosswalk partner '{partner}' is covered by control '{controls[0].Id.Value}': if that control also satisfies '{requirement.Id.Value}', add it to that control's maps_to.";
            }
        }

        return string.Empty;
    }
}
