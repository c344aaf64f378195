using System;
using System.Collections.Generic;
using System.Linq;
using Compliance.Model.Documents;
using Compliance.Model.Linking;
using Compliance.Model.Parsing;

namespace Compliance.Engine.Loading;

/// <summary>
/// A programme's files as read from the working tree, each parsed once, before linking. Kept so that a
/// second consumer (the base version's collectors) can take a file's parse instead of parsing it again.
/// </summary>
public sealed class ParsedProgramme
{
    private readonly Dictionary<string, ParsedFile> _byPath;

    public ParsedProgramme(IReadOnlyList<ParsedFile> parsed, IReadOnlyList<string> links)
    {
        Parsed = parsed;
        Links = links;
        _byPath = parsed.ToDictionary(f => f.Path, StringComparer.Ordinal);
    }

    /// <summary>The programme files, in ordinal path order.</summary>
    public IReadOnlyList<ParsedFile> Parsed { get; }

    /// <summary>The symbolic links met, root-relative: reported by the linker, never read.</summary>
    public IReadOnlyList<string> Links { get; }

    /// <summary>The parse of a root-relative path, or null when it is not a programme file read here.</summary>
    public ParsedFile? Find(string relativePath) => _byPath.TryGetValue(relativePath, out var file) ? file : null;

    public LinkedProgramme Link() => ProgrammeLinker.Link(Parsed.Concat(Links.Select(ProgrammeFileParser.Link)));
}
