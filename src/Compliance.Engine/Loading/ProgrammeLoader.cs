using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Compliance.Model.Documents;
using Compliance.Model.Files;
using Compliance.Model.Linking;
using Compliance.Model.Parsing;

namespace Compliance.Engine.Loading;

/// <summary>
/// Reads a programme from disk with the same file set (<see cref="ProgrammeFileSet"/>) the compiler is
/// given, and links it. Symbolic links are reported, never followed. Paths in findings are relative to the root.
/// </summary>
public static class ProgrammeLoader
{
    public const string SidecarSuffix = ProgrammeFileSet.SidecarSuffix;

    public static LinkedProgramme Load(string root) => Read(root).Link();

    /// <summary>The programme's files parsed, not yet linked: for a caller that needs a file's parse as well as the programme.</summary>
    public static ParsedProgramme Read(string root)
    {
        var listing = ProgrammeFileSet.Enumerate(root);
        var parsed = new ParsedFile[listing.Files.Count];
        Parallel.For(0, listing.Files.Count, i =>
        {
            var relative = listing.Files[i];
            parsed[i] = ProgrammeFileParser.Parse(relative, File.ReadAllText(RepoPath.Combine(root, relative)));
        });
        return new ParsedProgramme(parsed, listing.Links);
    }

    /// <summary>The full paths of the files a programme consists of, in ordinal path order, links left out.</summary>
    public static List<string> ProgrammeFiles(string root) =>
        ProgrammeFileSet.Enumerate(root).Files.Select(f => RepoPath.Combine(root, f)).ToList();
}
