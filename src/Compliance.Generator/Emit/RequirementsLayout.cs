using System;
using System.Collections.Generic;
using System.Linq;
using Compliance.Model.Binding;
using Compliance.Model.Diagnostics;
using Compliance.Model.Linking;
using Compliance.Model.Text;

namespace Compliance.Generator.Emit;

/// <summary>
/// Splits the requirements into one generated file per framework, beside an index of the frameworks, the crosswalks
/// and the decisions. Class names are assigned across all frameworks first, so that two files cannot both declare the
/// same nested class; each framework's part holds only its own requirements and which of them are in scope, so an edit
/// to one framework's catalog re-emits that framework's file alone.
/// </summary>
internal sealed record RequirementsLayout(RequirementsIndexPart Index, EquatableArray<FrameworkRequirementsPart> Frameworks)
{
    public const string IndexHintName = "Compliance.Requirements.g.cs";

    /// <summary>The private method of Requirements that builds Requirements.All (reserved: no framework's class may take its name).</summary>
    public const string CollectMethod = "Collect";

    public static RequirementsLayout From(LinkedProgramme programme)
    {
        var inScope = new HashSet<string>(programme.InScopeRequirements, StringComparer.Ordinal);
        var scopedFrameworks = new HashSet<string>(
            programme.Programme is null ? Enumerable.Empty<string>() : programme.Programme.Scope.Select(s => s.Framework.Value),
            StringComparer.Ordinal);

        var findings = new List<Finding>();
        var frameworkNames = new MemberNames("Frameworks", findings);
        var classNames = new MemberNames("Requirements", findings, CollectMethod);
        var hints = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { IndexHintName };
        var headers = new List<FrameworkHeader>();
        var files = new List<FrameworkRequirementsPart>();
        foreach (var framework in programme.Frameworks)
        {
            var member = frameworkNames.Assign(framework.Id);
            var className = classNames.Assign(framework.Id);
            headers.Add(new FrameworkHeader(member, className, framework.Id, framework.Title, framework.Citation, scopedFrameworks.Contains(framework.Id.Value)));
            files.Add(new FrameworkRequirementsPart(
                HintName(className, hints),
                className,
                framework.Title,
                framework.Requirements,
                framework.Requirements.Where(r => inScope.Contains(r.Id.Value)).Select(r => r.Id.Value).ToEquatableArray()));
        }

        var index = new RequirementsIndexPart(headers.ToEquatableArray(), programme.Crosswalks, programme.Decisions, findings.ToEquatableArray());
        return new RequirementsLayout(index, files.ToEquatableArray());
    }

    /// <summary>The class "HipaaSecurity" becomes "Compliance.Requirements.HipaaSecurity.g.cs"; hint names differ ignoring case, as Roslyn requires.</summary>
    private static string HintName(string className, HashSet<string> taken)
    {
        var stem = $"Compliance.Requirements.{className.TrimStart('@')}";
        var hint = $"{stem}.g.cs";
        for (var suffix = 2; !taken.Add(hint); suffix++)
        {
            hint = $"{stem}_{suffix}.g.cs";
        }

        return hint;
    }
}
