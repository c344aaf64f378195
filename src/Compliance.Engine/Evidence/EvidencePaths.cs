using System;
using System.IO;
using System.Linq;

namespace Compliance.Engine.Evidence;

/// <summary>
/// Resolves a path written in the programme to a file inside evidence/, or says why it may not be
/// read. A path that leaves evidence/ (through '..', an absolute path or a symbolic link) is refused
/// before any file is opened.
/// </summary>
public static class EvidencePaths
{
    public const string Folder = "evidence";

    /// <summary>The repo-relative path a written path names under evidence/, without touching the disk (null: refused).</summary>
    public static string? Combine(string baseRelative, string path) => Combine(baseRelative, path, out _);

    private static string? Combine(string baseRelative, string path, out string? refusal)
    {
        refusal = null;
        if (path.Length == 0 || Path.IsPathRooted(path) || path.StartsWith("/", StringComparison.Ordinal) || path.StartsWith("\\", StringComparison.Ordinal) || (path.Length > 1 && path[1] == ':'))
        {
            refusal = "it is an absolute path";
            return null;
        }

        var segments = path.Replace('\\', '/').Split('/');
        if (Array.IndexOf(segments, "..") >= 0)
        {
            refusal = "it climbs out of its folder with '..'";
            return null;
        }

        var relative = string.IsNullOrEmpty(baseRelative) ? path.Replace('\\', '/') : $"{baseRelative.TrimEnd('/')}/{path.Replace('\\', '/')}";
        relative = string.Join("/", relative.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(s => s != "."));
        if (!relative.StartsWith(Folder + "/", StringComparison.Ordinal))
        {
            refusal = $"it does not lie under {Folder}/";
            return null;
        }

        return relative;
    }

    /// <param name="root">The programme root.</param>
    /// <param name="baseRelative">The folder the path is relative to ("" for the root), itself under the root.</param>
    /// <param name="path">The path as written.</param>
    public static EvidencePath Resolve(string root, string baseRelative, string path)
    {
        var relative = Combine(baseRelative, path, out var refusal);
        if (relative is null)
        {
            return EvidencePath.Refused(path, refusal!);
        }

        // Every component from the root down must be a real file or folder, not a link that could point anywhere.
        var current = root;
        foreach (var segment in relative.Split('/'))
        {
            current = Path.Combine(current, segment);
            var info = new FileInfo(current);
            if (info.Exists || Directory.Exists(current))
            {
                if ((info.Exists ? info.LinkTarget : new DirectoryInfo(current).LinkTarget) is not null)
                {
                    return EvidencePath.Refused(path, $"'{Loading.RepoPath.Relative(root, current)}' is a symbolic link");
                }
            }
        }

        return new EvidencePath(path, relative, current, File.Exists(current), null);
    }
}

/// <summary>A resolved evidence path: its repo-relative form and full path, or the reason it was refused.</summary>
public sealed record EvidencePath(string Written, string? Relative, string? FullPath, bool Exists, string? RefusedBecause)
{
    public bool IsSafe => RefusedBecause is null;

    public static EvidencePath Refused(string written, string reason) => new(written, null, null, false, reason);
}
