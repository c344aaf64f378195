using System.Collections.Generic;
using System.IO;
using System.IO.Enumeration;
using Compliance.Engine.Loading;

namespace Compliance.Engine.Evidence;

/// <summary>Everything under evidence/: regular files, and symbolic links (reported, never followed).</summary>
public sealed record EvidenceFolderScan(IReadOnlyList<string> Files, IReadOnlyList<string> Links)
{
    public static EvidenceFolderScan Scan(string root)
    {
        var folder = Path.Combine(root, EvidencePaths.Folder);
        var files = new List<string>();
        var links = new List<string>();
        if (!Directory.Exists(folder))
        {
            return new EvidenceFolderScan(files, links);
        }

        if (new DirectoryInfo(folder).LinkTarget is not null)
        {
            links.Add(EvidencePaths.Folder);
            return new EvidenceFolderScan(files, links);
        }

        // Entries are a class, not a tuple: ReadyToRun cannot precompile framework generics over value types (issue 15).
        var entries = new FileSystemEnumerable<Entry>(
            folder,
            (ref FileSystemEntry entry) => new Entry(entry.ToFullPath(), (entry.Attributes & FileAttributes.ReparsePoint) != 0, entry.IsDirectory),
            new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
        {
            ShouldRecursePredicate = (ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) == 0,
        };

        foreach (var entry in entries)
        {
            if (entry.IsLink)
            {
                links.Add(RepoPath.Relative(root, entry.Path));
            }
            else if (!entry.IsDirectory)
            {
                files.Add(RepoPath.Relative(root, entry.Path));
            }
        }

        files.Sort(System.StringComparer.Ordinal);
        links.Sort(System.StringComparer.Ordinal);
        return new EvidenceFolderScan(files, links);
    }

    private sealed record Entry(string Path, bool IsLink, bool IsDirectory);
}
