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
        // Each file's controls live in a nested class of their own, named after the file; those names are
        // taken first, so that no control's member can take one.
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { IndexHintName };
        var holders = new HashSet<string>(StringComparer.Ordinal) { AllHolder };
        var fileNames = programme.Controls
            .Select(c => c.Id.Span.Path)
            .Distinct(StringComparer.Ordinal)
            .Select(path => (Path: path, Names: Names(options.Relative(path), taken, holders)))
            .ToList();

        var findings = new List<Finding>();
        var names = new MemberNames("Controls", findings, holders.ToArray());
        var named = programme.Controls.Select(c => new NamedControl(names.Assign(c.Id), c)).ToList();
        var byFile = named.ToLookup(c => c.Control.Id.Span.Path, StringComparer.Ordinal);
        var files = fileNames
            .Select(file => new ControlsFilePart(file.Names.Hint, file.Names.Holder, byFile[file.Path].ToEquatableArray()))
            .ToEquatableArray();
        return new ControlsLayout(new ControlsIndexPart(named.Select(c => c.Member).ToEquatableArray(), findings.ToEquatableArray()), files);
    }

    /// <summary>"controls/access/identity.yaml" becomes the file "Compliance.Controls.access.identity.g.cs" and the class "In_access_identity".</summary>
    private static (string Hint, string Holder) Names(string relativePath, HashSet<string> takenHints, HashSet<string> takenHolders)
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
        for (var suffix = 2; !takenHints.Add(hint); suffix++)
        {
            hint = $"{stem}_{suffix}.g.cs";
        }

        var holderStem = "In_" + new string(name.ToString().Select(c => c is '.' or '-' ? '_' : c).ToArray());
        var holder = holderStem;
        for (var suffix = 2; !takenHolders.Add(holder); suffix++)
        {
            holder = $"{holderStem}_{suffix}";
        }

        return (hint, holder);
    }
}
