using System;
using System.Linq;
using Compliance.Model.Binding;
using Compliance.Model.Diagnostics;
using Compliance.Model.Documents;
using Compliance.Model.Text;
using Compliance.Model.Yaml;

namespace Compliance.Model.Parsing;

/// <summary>
/// Turns the text of one programme file into a <see cref="ParsedFile"/>. Pure: the same path and
/// text give an equal result, which is what lets the generator cache it per file. Never throws.
/// </summary>
public static class ProgrammeFileParser
{
    private static readonly string[] RootKinds =
    {
        DocumentKinds.Programme, DocumentKinds.Framework, DocumentKinds.FrameworkPart, DocumentKinds.Crosswalk, DocumentKinds.Controls,
        DocumentKinds.Decisions, DocumentKinds.Vendors, DocumentKinds.People, DocumentKinds.Waivers,
        DocumentKinds.Evidence, DocumentKinds.Incidents,
    };

    public static bool IsMarkdown(string path) => path.EndsWith(".md", StringComparison.OrdinalIgnoreCase);

    public static bool IsYaml(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    public static ParsedFile Parse(string path, string text, YamlLimits? limits = null)
    {
        try
        {
            return HeldIfUnreadable(IsMarkdown(path) ? PolicyParser.Parse(path, text, limits) : ParseYaml(path, text, limits));
        }
        catch (Exception ex)
        {
            // A parser bug must fail the build at the file, never pass it silently.
            return HeldIfUnreadable(ParsedFile.Empty(path, DocumentKinds.Unknown, new[]
            {
                Rules.InternalError.At(SourceSpan.StartOf(path), $"Internal error while reading the file: {ex.GetType().Name}: {ex.Message}"),
            }.ToEquatableArray()));
        }
    }

    /// <summary>
    /// A programme file that defines nothing because of an error is held as unreadable: it was meant to be a
    /// document, so what depends on it waits (CMP0009) instead of reporting it as missing. A plain page is not, nor
    /// a file whose one item is kept whole by identity (<see cref="IncompleteItem.KeepsItsFile"/>).
    /// </summary>
    private static ParsedFile HeldIfUnreadable(ParsedFile file)
    {
        if (file.Unreadable is not null || file.Kind == DocumentKinds.Page || !file.DefinesNothing || file.Incomplete.Any(i => i.KeepsItsFile))
        {
            return file;
        }

        var error = file.Findings.FirstOrDefault(f => f.Severity == Severity.Error);
        return error is null ? file : file with { Unreadable = error };
    }

    /// <summary>
    /// A symbolic link where a programme file would be: never read (it could point anywhere, outside the
    /// repository included), reported at the link's own path, and held as unreadable like a broken file.
    /// </summary>
    public static ParsedFile Link(string path) => HeldIfUnreadable(ParsedFile.Empty(path, DocumentKinds.Unknown, new[]
    {
        Rules.LinkedProgrammeFile.At(SourceSpan.StartOf(path),
            "This is a symbolic link, which the programme never follows: programme files under controls/, policies/ and evidence/ must be regular files inside the repository."),
    }.ToEquatableArray()));

    private static ParsedFile ParseYaml(string path, string text, YamlLimits? limits)
    {
        var read = YamlTreeReader.Read(path, text, limits);
        if (read.Error is not null)
        {
            return ParsedFile.Empty(path, DocumentKinds.Unknown, new[] { read.Error }.ToEquatableArray());
        }

        if (read.Root is null)
        {
            return ParsedFile.Empty(path, DocumentKinds.Unknown, new[]
            {
                Rules.EmptyFile.At(SourceSpan.StartOf(path), "The file is empty, so it defines nothing."),
            }.ToEquatableArray());
        }

        var context = new FileContext(path);
        var root = MappingReader.Open(context, read.Root, "the file");
        if (root is null)
        {
            return ParsedFile.Empty(path, DocumentKinds.Unknown, context.TakeFindings());
        }

        string? kind = null;
        foreach (var entry in root.Yaml.Entries)
        {
            if (RootKinds.Contains(entry.Key.Value))
            {
                kind = entry.Key.Value;
                break;
            }
        }

        if (kind is null)
        {
            var first = root.Yaml.Entries.FirstOrDefault();
            var firstKey = first.Key?.Value ?? string.Empty;
            var suggestion = Suggestions.Closest(firstKey, RootKinds);
            context.Report(Rules.UnknownDocumentKind.At(
                first.Key?.Span ?? read.Root.Span,
                $"The file's root keys ({string.Join(", ", root.Yaml.Entries.Select(e => e.Key.Value))}) name no known kind of programme file.{(suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?")}"));
            return ParsedFile.Empty(path, DocumentKinds.Unknown, context.TakeFindings());
        }

        var parsed = kind switch
        {
            DocumentKinds.Programme => ParsedFile.Empty(path, kind, default) with { Programme = ProgrammeBinder.Bind(root) },
            DocumentKinds.Framework => ParsedFile.Empty(path, kind, default) with { Framework = FrameworkBinder.Bind(root) },
            DocumentKinds.FrameworkPart => ParsedFile.Empty(path, kind, default) with { FrameworkPart = FrameworkPartBinder.Bind(root) },
            DocumentKinds.Crosswalk => ParsedFile.Empty(path, kind, default) with { Crosswalk = CrosswalkBinder.Bind(root) },
            DocumentKinds.Controls => ParsedFile.Empty(path, kind, default) with { Controls = ControlBinder.Bind(root) },
            DocumentKinds.Decisions => ParsedFile.Empty(path, kind, default) with { Decisions = DecisionBinder.Bind(root) },
            DocumentKinds.Vendors => ParsedFile.Empty(path, kind, default) with { Vendors = VendorBinder.Bind(root) },
            DocumentKinds.People => ParsedFile.Empty(path, kind, default) with { People = PersonBinder.Bind(root) },
            DocumentKinds.Evidence => ParsedFile.Empty(path, kind, default) with { Evidence = EvidenceBinder.Bind(root) },
            DocumentKinds.Incidents => ParsedFile.Empty(path, kind, default) with { Incidents = IncidentBinder.Bind(root) },
            _ => ParsedFile.Empty(path, kind, default) with { Waivers = WaiverBinder.Bind(root) },
        };

        root.Finish();
        return parsed with { Findings = context.TakeFindings(), Incomplete = context.Incomplete.ToEquatableArray(), RecordedDates = context.RecordedDates.ToEquatableArray() };
    }
}
