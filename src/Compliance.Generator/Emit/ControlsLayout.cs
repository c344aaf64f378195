using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Compliance.Generator.Pipeline;
using Compliance.Model.Diagnostics;
using Compliance.Model.Linking;
using Compliance.Model.Text;

namespace Compliance.Generator.Emit;

/// <summary>
/// Splits the controls into one generated file per controls YAML file. Member names are assigned across the
/// whole programme first, so that two files cannot both declare the same member of the partial class.
/// </summary>
internal sealed record ControlsLayout(ControlsIndexPart Index, EquatableArray<ControlsFilePart> Files)
{
    public const string IndexHintName = "Compliance.Controls.g.cs";

    /// <summary>The nested class that holds Controls.All (reserved: no control's member may take its name).</summary>
    public const string AllHolder = "AllInOrder";

    public static ControlsLayout From(LinkedProgramme programme, GeneratorOptions options)
    {
        var findings = new List<Finding>();
        var names = new MemberNames("Controls", findings, AllHolder);
        var named = programme.Controls.Select(c => new NamedControl(names.Assign(c.Id), c)).ToList();

        var hints = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { IndexHintName };
        var files = named
            .GroupBy(c => c.Control.Id.Span.Path, StringComparer.Ordinal)
            .Select(group => new ControlsFilePart(UniqueHint(options.Relative(group.Key), hints), group.ToEquatableArray()))
            .ToEquatableArray();
        return new ControlsLayout(new ControlsIndexPart(named.Select(c => c.Member).ToEquatableArray(), findings.ToEquatableArray()), files);
    }

    /// <summary>"controls/access/identity.yaml" becomes "Compliance.Controls.access.identity.g.cs".</summary>
    private static string UniqueHint(string relativePath, HashSet<string> taken)
    {
        var path = relativePath.StartsWith("controls/", StringComparison.Ordinal) ? relativePath.Substring("controls/".Length) : relativePath;
        var dot = path.LastIndexOf('.');
        if (dot > path.LastIndexOf('/') + 1)
        {
            path = path.Substring(0, dot);
        }

        var name = new StringBuilder(path.Length);
        foreach (var c in path)
        {
            name.Append(c == '/' ? '.' : char.IsLetterOrDigit(c) && c < 128 || c is '_' or '-' ? c : '_');
        }

        var stem = $"Compliance.Controls.{name}";
        var hint = $"{stem}.g.cs";
        for (var suffix = 2; !taken.Add(hint); suffix++)
        {
            hint = $"{stem}_{suffix}.g.cs";
        }

        return hint;
    }
}
