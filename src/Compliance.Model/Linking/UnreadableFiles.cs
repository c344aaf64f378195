using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Compliance.Model.Diagnostics;
using Compliance.Model.Documents;
using Compliance.Model.Text;

namespace Compliance.Model.Linking;

/// <summary>A programme file held as unreadable (<see cref="ParsedFile.Unreadable"/>): its path, the kind it showed, and why.</summary>
public sealed record UnreadableFile(string Path, string Kind, Finding Reason);

/// <summary>
/// While a file cannot be read, reference and coverage findings may only echo it (one broken controls file
/// would otherwise bring an error for every evidence record and policy naming its controls). They are held
/// back, and one warning says how many; the unreadable file's own error still fails the build.
/// </summary>
internal static class UnreadableFiles
{
    // What a file that could not be read makes others report: its IDs look undefined, its requirements unimplemented,
    // and (when it was the programme file) no programme defined at all, which is CMP0024 without a location.
    private static readonly HashSet<string> Cascading = new(StringComparer.Ordinal)
    {
        Rules.UnknownReference.Id, Rules.UnknownFrameworkOfPart.Id, Rules.UncoveredRequirement.Id, Rules.PlannedOnly.Id,
    };

    // What an item dropped for an invalid field (a control, a requirement) makes coverage report: requirements it may have covered.
    private static readonly HashSet<string> CoverageCascading = new(StringComparer.Ordinal)
    {
        Rules.UncoveredRequirement.Id, Rules.PlannedOnly.Id,
    };

    public static EquatableArray<UnreadableFile> HoldBackCascade(List<ParsedFile> files, List<Finding> findings, int linkedFrom, bool coverageIncomplete)
    {
        var unreadable = files
            .Where(f => f.Unreadable is not null)
            .Select(f => new UnreadableFile(f.Path, f.Kind, f.Unreadable!))
            .ToList();
        if (unreadable.Count == 0)
        {
            if (coverageIncomplete)
            {
                HoldBackCoverage(files, findings, linkedFrom);
            }

            return EquatableArray<UnreadableFile>.Empty;
        }

        var held = 0;
        for (var i = findings.Count - 1; i >= linkedFrom; i--)
        {
            if (Cascading.Contains(findings[i].RuleId) || (findings[i].RuleId == Rules.ProgrammeDefinition.Id && findings[i].Location is null))
            {
                findings.RemoveAt(i);
                held++;
            }
        }

        if (held > 0)
        {
            var others = unreadable.Count == 1 ? string.Empty : $" and {(unreadable.Count - 1).ToString(CultureInfo.InvariantCulture)} other file(s)";
            findings.Add(Rules.ChecksHeldBack.At(unreadable[0].Reason.Location,
                $"{held.ToString(CultureInfo.InvariantCulture)} reference and coverage finding(s) (CMP0021, CMP0024, CMP0027, CMP0030, CMP0035) are held back while this file{others} cannot be read: they may only follow from it."));
        }

        return unreadable.ToEquatableArray();
    }

    /// <summary>
    /// References to an item dropped for an invalid field resolve (the registry keeps its identity), but the coverage
    /// it would have given is unknown: coverage findings wait, with one warning at the first such item.
    /// </summary>
    private static void HoldBackCoverage(List<ParsedFile> files, List<Finding> findings, int linkedFrom)
    {
        var held = 0;
        for (var i = findings.Count - 1; i >= linkedFrom; i--)
        {
            if (CoverageCascading.Contains(findings[i].RuleId))
            {
                findings.RemoveAt(i);
                held++;
            }
        }

        var first = files.SelectMany(f => f.Incomplete).First(i => i.AffectsCoverage);
        if (held > 0)
        {
            findings.Add(Rules.ChecksHeldBack.At(first.Id.Span,
                $"{held.ToString(CultureInfo.InvariantCulture)} coverage finding(s) (CMP0030, CMP0035) are held back while the {first.Kind} '{first.Id.Value}' cannot be read for an invalid field: they may only follow from it."));
        }
    }
}
