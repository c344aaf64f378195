using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using LibGit2Sharp;

namespace Compliance.Engine.Audit.Anchors;

/// <summary>
/// Where anchor tokens live: beside the log, in evidence/audit/anchors/ for a work-tree log and in anchors/ of
/// the ref's tree for a shared log, each token a DER file named by the anchored seq and the time it was asked
/// for. The same layout is used for an outside copy (--copy-to, --anchors).
/// </summary>
public static class AnchorStore
{
    public const string RefFolder = "anchors";
    public const string WorkTreeFolder = "evidence/audit/anchors";
    public const string Extension = ".tsr";

    /// <summary>A name that sorts by seq, then time, and is never reused by a later anchor.</summary>
    public static string NameFor(AuditEvent head, DateTimeOffset requestedAt) =>
        string.Create(CultureInfo.InvariantCulture, $"{head.Seq:D10}-{requestedAt.UtcDateTime:yyyyMMddTHHmmssfffZ}{Extension}");

    public static bool IsAnchorPath(string relative) =>
        relative.StartsWith(WorkTreeFolder + "/", StringComparison.Ordinal) && relative.EndsWith(Extension, StringComparison.Ordinal) && relative.IndexOf('/', WorkTreeFolder.Length + 1) < 0;

    /// <summary>The tokens in a folder (not its subfolders); links are not followed.</summary>
    public static IReadOnlyList<(string Name, byte[] Token)> ReadFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return Array.Empty<(string, byte[])>();
        }

        return new DirectoryInfo(folder).EnumerateFiles("*" + Extension)
            .Where(f => f.LinkTarget is null)
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => (f.Name, File.ReadAllBytes(f.FullName)))
            .ToList();
    }

    /// <summary>The tokens in anchors/ of a commit's tree.</summary>
    public static IReadOnlyList<(string Name, byte[] Token)> ReadTree(Commit commit)
    {
        if (commit.Tree[RefFolder]?.Target is not Tree tree)
        {
            return Array.Empty<(string, byte[])>();
        }

        return tree.Where(e => e.Name.EndsWith(Extension, StringComparison.Ordinal) && e.Target is Blob)
            .OrderBy(e => e.Name, StringComparer.Ordinal)
            .Select(e => (e.Name, Bytes((Blob)e.Target)))
            .ToList();
    }

    /// <summary>Writes a new token; an existing file of that name is never replaced.</summary>
    public static string WriteNew(string folder, string name, byte[] token)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        var temp = Path.Combine(folder, $".{name}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllBytes(temp, token);
            File.Move(temp, path, overwrite: false);
            return path;
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    private static byte[] Bytes(Blob blob)
    {
        using var stream = blob.GetContentStream();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
