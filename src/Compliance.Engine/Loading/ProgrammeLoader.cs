using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Compliance.Model.Documents;
using Compliance.Model.Linking;
using Compliance.Model.Parsing;

namespace Compliance.Engine.Loading;

/// <summary>
/// Reads a programme from disk the way the generator reads it from AdditionalFiles, plus the
/// evidence sidecars, and links it. Paths in findings are relative to the root.
/// </summary>
public static class ProgrammeLoader
{
    public const string SidecarSuffix = ".evidence.yaml";

    public static LinkedProgramme Load(string root)
    {
        var files = ProgrammeFiles(root);
        var parsed = new ParsedFile[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            var relative = RepoPath.Relative(root, files[i]);
            parsed[i] = ProgrammeFileParser.Parse(relative, File.ReadAllText(files[i]));
        });
        return ProgrammeLinker.Link(parsed);
    }

    /// <summary>The files a programme consists of, in ordinal path order. Symbolic links are never followed.</summary>
    public static List<string> ProgrammeFiles(string root)
    {
        var files = new List<string>();
        files.AddRange(Enumerate(Path.Combine(root, "controls"), IsYaml));
        files.AddRange(Enumerate(Path.Combine(root, "policies"), path => IsYaml(path) || path.EndsWith(".md", StringComparison.OrdinalIgnoreCase)));
        files.AddRange(Enumerate(Path.Combine(root, "evidence"), path => path.EndsWith(SidecarSuffix, StringComparison.Ordinal)));
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    /// <summary>Every regular file below a folder, skipping symbolic links (the evidence checks report those).</summary>
    public static IEnumerable<string> Enumerate(string folder, Func<string, bool> include)
    {
        if (!Directory.Exists(folder) || new DirectoryInfo(folder).LinkTarget is not null)
        {
            return Array.Empty<string>();
        }

        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = FileAttributes.ReparsePoint,
            IgnoreInaccessible = false,
            MatchType = MatchType.Simple,
        };
        return Directory.EnumerateFiles(folder, "*", options).Where(include);
    }

    private static bool IsYaml(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
}
