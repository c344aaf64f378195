using System;
using System.Collections.Generic;
using System.Linq;
using Compliance.Model.Binding;
using Compliance.Model.Diagnostics;
using Compliance.Model.Documents;
using Compliance.Model.Text;

namespace Compliance.Model.Linking;

/// <summary>
/// Puts each framework together from its catalog file and its parts (<see cref="FrameworkPartDefinition"/>), then
/// registers it and its requirements. Parts are merged in ordinal path order, after the catalog's own requirements,
/// so that a framework split over files is equal to the one file that holds the same requirements in that order:
/// the generated code, the site and the exports cannot tell them apart.
/// </summary>
internal static class FrameworkAssembly
{
    /// <param name="frameworks">The framework definitions, in path order.</param>
    /// <param name="parts">The framework parts, in path order.</param>
    public static void Register(ProgrammeIndex index, List<FrameworkDefinition> frameworks, List<FrameworkPartDefinition> parts, List<Finding> findings)
    {
        // The first definition of an ID is the framework (a later one is CMP0020 when registered), so its parts join it.
        var first = new Dictionary<string, FrameworkDefinition>(StringComparer.Ordinal);
        foreach (var framework in frameworks)
        {
            if (!first.ContainsKey(framework.Id.Value))
            {
                first.Add(framework.Id.Value, framework);
            }
        }

        var partsOf = new Dictionary<string, List<FrameworkPartDefinition>>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            if (!first.ContainsKey(part.Framework.Value))
            {
                ReportUnknown(index, part, first.Keys, findings);
                continue;
            }

            if (!partsOf.TryGetValue(part.Framework.Value, out var list))
            {
                partsOf[part.Framework.Value] = list = new List<FrameworkPartDefinition>();
            }

            list.Add(part);
        }

        foreach (var framework in frameworks)
        {
            var merged = ReferenceEquals(first[framework.Id.Value], framework) && partsOf.TryGetValue(framework.Id.Value, out var own)
                ? Merge(index, framework, own, findings)
                : RegisterRequirements(index, framework, findings);
            index.Frameworks.Add(merged, merged.Id, findings);
        }
    }

    private static FrameworkDefinition RegisterRequirements(ProgrammeIndex index, FrameworkDefinition framework, List<Finding> findings)
    {
        foreach (var requirement in framework.Requirements)
        {
            index.Requirements.Add(requirement, requirement.Id, findings);
        }

        return framework;
    }

    private static FrameworkDefinition Merge(ProgrammeIndex index, FrameworkDefinition framework, List<FrameworkPartDefinition> parts, List<Finding> findings)
    {
        RegisterRequirements(index, framework, findings);
        var requirements = new List<RequirementDefinition>(framework.Requirements);
        foreach (var requirement in parts.SelectMany(p => p.Requirements))
        {
            if (index.Requirements.Find(requirement.Id.Value) is { } earlier
                && earlier.FrameworkId == framework.Id.Value
                && !string.Equals(earlier.Id.Span.Path, requirement.Id.Span.Path, StringComparison.Ordinal))
            {
                // Across the framework's own files: a rule of its own, since the fix is to drop a copy, not to rename.
                findings.Add(Rules.RequirementInTwoFilesOfFramework.At(requirement.Id.Span,
                    $"The requirement '{requirement.Id.Value}' of the framework '{framework.Id.Value}' is already defined in another of its files, at {earlier.Id.Span.Path}({earlier.Id.Span.Line},{earlier.Id.Span.Column})."));
                continue;
            }

            index.Requirements.Add(requirement, requirement.Id, findings);
            requirements.Add(requirement);
        }

        return framework with { Requirements = requirements.ToEquatableArray() };
    }

    private static void ReportUnknown(ProgrammeIndex index, FrameworkPartDefinition part, IEnumerable<string> known, List<Finding> findings)
    {
        var suggestion = Suggestions.Closest(part.Framework.Value, known);
        findings.Add(Rules.UnknownFrameworkOfPart.At(part.Framework.Span,
            $"This framework part belongs to the framework '{part.Framework.Value}', which no file defines, so its {part.Requirements.Count} requirement(s) belong to no framework.{(suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?")}",
            suggestion is null ? null : $"Replace '{part.Framework.Value}' with '{suggestion}'."));

        // Its requirements exist but belong nowhere: references to them resolve, so only this finding says why.
        foreach (var requirement in part.Requirements)
        {
            index.Requirements.AddIncomplete(requirement.Id);
        }
    }
}
