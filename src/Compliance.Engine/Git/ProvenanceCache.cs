using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

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
        var index = new Dictionary<CommitInfo, int>(ReferenceEqualityComparer.Instance);
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
            provenance.Paths.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new CachedPath(p.Key, p.Value.ExistsAtHead, p.Value.ChangeCount, p.Value.Changes.Select(Id).ToArray(), Id(p.Value.Added), Id(p.Value.LastChanged))).ToList(),
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
                history.Changes.AddRange(path.Changes.Select(c => document.Commits[c]));
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

    private sealed record CacheDocument(int Version, string Head, string Prefix, int CommitsWalked, List<CachedPath> Paths, List<CachedDeletion> Deletions, List<CommitInfo> Commits);

    private sealed record CachedPath(string Path, bool Exists, int ChangeCount, int[] Changes, int Added, int LastChanged);

    private sealed record CachedDeletion(string Path, int DeletedBy, int FirstAdded);
}
