using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Compliance.Model.Text;

namespace Compliance.Engine.Git;

/// <summary>
/// Provenance as of one commit, saved so that the next run walks only the commits since then. It is
/// keyed on the commit (and the programme's folder within the repository); a history that no longer
/// contains that commit is walked again in full. Working-tree state is never cached.
/// </summary>
public static partial class ProvenanceCache
{
    private const int Version = 1;

    public static void Save(string file, Provenance provenance, string prefix)
    {
        if (provenance.Head is null)
        {
            return;
        }

        var commits = new List<CommitInfo>();
        var index = new IntMap<CommitInfo>(ReferenceEqualityComparer.Instance);
        int Id(CommitInfo commit)
        {
            if (!index.TryGetValue(commit, out var id))
            {
                index[commit] = id = commits.Count;
                commits.Add(commit);
            }

            return id;
        }

        var document = new CacheDocument(
            Version,
            provenance.Head.Sha,
            prefix,
            provenance.CommitsWalked,
            Paths(provenance, Id),
            provenance.Deletions.Select(d => new CachedDeletion(d.Path, Id(d.DeletedBy), Id(d.FirstAdded))).ToList(),
            new List<CommitInfo>());
        document = document with { Commits = commits };
        Reports.AtomicFile.WriteAllText(file, Serialize(document));
    }

    /// <summary>The cached provenance and the commit it describes, or null when there is none usable.</summary>
    public static (Provenance Provenance, string Head)? Load(string file, string prefix)
    {
        try
        {
            if (!File.Exists(file))
            {
                return null;
            }

            var document = Deserialize(File.ReadAllText(file));
            if (document is null || document.Version != Version || document.Prefix != prefix)
            {
                return null;
            }

            var provenance = new Provenance { CommitsWalked = document.CommitsWalked };
            foreach (var path in document.Paths)
            {
                var history = new PathHistory(document.Commits[path.Added])
                {
                    LastChanged = document.Commits[path.LastChanged],
                    ChangeCount = path.ChangeCount,
                    ExistsAtHead = path.Exists,
                };
                foreach (var change in path.Changes)
                {
                    history.Changes.Add(document.Commits[change]);
                }

                provenance.Paths[path.Path] = history;
            }

            provenance.Deletions.AddRange(document.Deletions.Select(d => new Deletion(d.Path, document.Commits[d.DeletedBy], document.Commits[d.FirstAdded])));
            return (provenance, document.Head);
        }
        catch (Exception ex) when (ex is JsonException or IOException or ArgumentOutOfRangeException or NullReferenceException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    /// <summary>The paths in ordinal order (keys are unique, so an unstable sort orders them as OrderBy did).</summary>
    private static List<CachedPath> Paths(Provenance provenance, Func<CommitInfo, int> id)
    {
        // An array of keys, not LINQ over the dictionary's KeyValuePairs (a struct): ReadyToRun cannot precompile that (issue 15).
        var keys = new string[provenance.Paths.Count];
        provenance.Paths.Keys.CopyTo(keys, 0);
        Array.Sort(keys, StringComparer.Ordinal);
        var paths = new List<CachedPath>(keys.Length);
        foreach (var key in keys)
        {
            var history = provenance.Paths[key];
            var changes = new int[history.Changes.Count];
            for (var i = 0; i < changes.Length; i++)
            {
                changes[i] = id(history.Changes[i]);
            }

            paths.Add(new CachedPath(key, history.ExistsAtHead, history.ChangeCount, changes, id(history.Added), id(history.LastChanged)));
        }

        return paths;
    }

    private sealed record CacheDocument(int Version, string Head, string Prefix, int CommitsWalked, List<CachedPath> Paths, List<CachedDeletion> Deletions, List<CommitInfo> Commits);

    private sealed record CachedPath(string Path, bool Exists, int ChangeCount, int[] Changes, int Added, int LastChanged);

    private sealed record CachedDeletion(string Path, int DeletedBy, int FirstAdded);
}
