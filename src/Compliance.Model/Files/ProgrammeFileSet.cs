using System;
using System.Collections.Generic;
using System.IO;

namespace Compliance.Model.Files;

/// <summary>
/// The one definition of which files a programme consists of: the YAML under controls/, the YAML and
/// Markdown under policies/, and the evidence sidecars under evidence/. The CLI's loader enumerates with
/// it, and so does the MSBuild task that hands the compiler its AdditionalFiles (this source file is
/// compiled into Compliance.Build too, which must not depend on the model assembly).
/// Symbolic links are listed, never followed: a link could make the programme read a file outside the
/// repository, so both paths report every link as a finding instead of reading it.
/// </summary>
public static class ProgrammeFileSet
{
    public const string SidecarSuffix = ".evidence.yaml";

    /// <summary>The folders below the programme root that hold programme files.</summary>
    public static readonly IReadOnlyList<string> Folders = new[] { "controls", "policies", "evidence" };

    /// <summary>Whether a root-relative path ('/'-separated) names a programme file. Pure: no file is touched.</summary>
    public static bool Includes(string relativePath)
    {
        var path = relativePath.Replace('\\', '/');
        if (path.StartsWith("controls/", StringComparison.Ordinal))
        {
            return IsYaml(path);
        }

        if (path.StartsWith("policies/", StringComparison.Ordinal))
        {
            return IsYaml(path) || path.EndsWith(".md", StringComparison.OrdinalIgnoreCase);
        }

        return path.StartsWith("evidence/", StringComparison.Ordinal) && path.EndsWith(SidecarSuffix, StringComparison.Ordinal);
    }

    /// <summary>
    /// The programme files below <paramref name="root"/> and every symbolic link met on the way (to a file or
    /// a folder, whatever its name), both root-relative and in ordinal order. Links are not entered.
    /// </summary>
    public static ProgrammeFileListing Enumerate(string root)
    {
        var files = new List<string>();
        var links = new List<string>();
        foreach (var folder in Folders)
        {
            Walk(Path.Combine(root, folder), folder, files, links);
        }

        files.Sort(StringComparer.Ordinal);
        links.Sort(StringComparer.Ordinal);
        return new ProgrammeFileListing(files, links);
    }

    private static void Walk(string directory, string relative, List<string> files, List<string> links)
    {
        var info = new DirectoryInfo(directory);
        if (!info.Exists)
        {
            return;
        }

        if (IsLink(info))
        {
            links.Add(relative);
            return;
        }

        foreach (var entry in info.EnumerateFileSystemInfos())
        {
            var path = relative + "/" + entry.Name;
            if (IsLink(entry))
            {
                links.Add(path);
            }
            else if (entry is DirectoryInfo)
            {
                Walk(entry.FullName, path, files, links);
            }
            else if (Includes(path))
            {
                files.Add(path);
            }
        }
    }

    private static bool IsLink(FileSystemInfo entry) => (entry.Attributes & FileAttributes.ReparsePoint) != 0;

    private static bool IsYaml(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
}

/// <summary>What <see cref="ProgrammeFileSet.Enumerate"/> found: the files to read and the links to report, root-relative.</summary>
public sealed class ProgrammeFileListing
{
    public ProgrammeFileListing(IReadOnlyList<string> files, IReadOnlyList<string> links)
    {
        Files = files;
        Links = links;
    }

    public IReadOnlyList<string> Files { get; }

    public IReadOnlyList<string> Links { get; }
}
