using System;
using System.IO;
using System.Linq;
using Compliance.Site.Html;

namespace Compliance.Site.Output;

/// <summary>Path safety: where the site may go, and that every write stays inside it with no link on the way.</summary>
public sealed partial class SiteOutput
{
    /// <summary>The full output path, after refusing a file system's root, the programme's own folders, a file and a link.</summary>
    private static string CheckedRoot(string outputDirectory, string programmeRoot)
    {
        var root = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var programme = Path.GetFullPath(programmeRoot).TrimEnd(Path.DirectorySeparatorChar);
        if (root.Length == 0 || Path.GetPathRoot(root) == root + Path.DirectorySeparatorChar || Path.GetPathRoot(root) == root)
        {
            throw new SiteException($"The site cannot be written to the root of a file system ('{outputDirectory}').");
        }

        if (IsSameOrInside(programme, root))
        {
            throw new SiteException($"The site folder '{root}' contains the programme root '{programme}'; choose a folder of its own, such as artifacts/site.");
        }

        foreach (var folder in new[] { "controls", "policies", "evidence", "site", ".git" })
        {
            if (IsSameOrInside(root, Path.Combine(programme, folder)))
            {
                throw new SiteException($"The site folder '{root}' is inside the programme's {folder}/ folder; the site must never be written among the programme's own files.");
            }
        }

        if (new FileInfo(root).LinkTarget is not null)
        {
            throw new SiteException($"The site folder '{root}' is a symbolic link; give the real folder.");
        }

        if (File.Exists(root))
        {
            throw new SiteException($"'{root}' is a file, not a folder.");
        }

        return root;
    }

    /// <summary>The full path a site path is written to now, after checking that it is a plain relative path that stays inside the folder.</summary>
    public string FullPath(string path)
    {
        if (!SafeUrl.IsInternal(path) || path.Contains('#') || path.Contains('%') || path.Split('/').Any(s => s is "" or "." or ".."))
        {
            throw new SiteException($"'{path}' is not a valid path inside the site.");
        }

        var writeRoot = WriteRoot;
        var full = Path.GetFullPath(Path.Combine(writeRoot, path.Replace('/', Path.DirectorySeparatorChar)));
        if (!full.StartsWith(writeRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new SiteException($"'{path}' would be written outside the site folder.");
        }

        return full;
    }

    private void EnsureFolder(string folder)
    {
        if (_checkedFolders.ContainsKey(folder))
        {
            return;
        }

        // Every folder from the site root down must be a real folder: a link there could lead the write anywhere.
        var writeRoot = WriteRoot;
        var relative = Path.GetRelativePath(writeRoot, folder);
        var current = writeRoot;
        if (relative != ".")
        {
            foreach (var segment in relative.Split(Path.DirectorySeparatorChar))
            {
                current = Path.Combine(current, segment);
                if (Directory.Exists(current) || File.Exists(current))
                {
                    var info = new DirectoryInfo(current);
                    if (info.LinkTarget is not null || File.Exists(current))
                    {
                        throw new SiteException($"'{current}' is a symbolic link or a file, where the site needs a folder.");
                    }
                }
            }
        }

        Directory.CreateDirectory(folder);
        _checkedFolders.TryAdd(folder, folder);
    }

    private void RefuseLinks()
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 };
        foreach (var entry in Directory.EnumerateFileSystemEntries(_root, "*", options))
        {
            var info = new FileInfo(entry);
            if ((info.Attributes & FileAttributes.ReparsePoint) != 0)
            {
                throw new SiteException($"The site folder holds a symbolic link, '{entry}'; the site never writes through links. Delete the folder and render again.");
            }
        }
    }

    private static bool IsSameOrInside(string inner, string outer)
    {
        var a = inner.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var b = outer.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return a.StartsWith(b, StringComparison.Ordinal);
    }
}
