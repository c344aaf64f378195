using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LibGit2Sharp;

namespace Compliance.Engine.Git;

/// <summary>
/// Builds <see cref="Provenance"/> in one pass over history, oldest commit first. A commit whose
/// evidence/, policies/ and controls/ trees are identical to its parent's is skipped by comparing
/// tree IDs, so a long history of code changes costs almost nothing; only commits that touch the
/// documentation are compared, tree by tree, descending only where object IDs differ, on every core.
/// There is no per-file history walk.
/// libgit2 runs in the CLI's process, never inside an MSBuild node (see docs/how-it-works.md).
/// </summary>
public static class ProvenanceReader
{
    /// <param name="root">The programme root.</param>
    /// <param name="cacheFile">Where provenance is cached between runs (null: no cache).</param>
    public static Provenance Read(string root, string? cacheFile = null)
    {
        var gitDir = Repository.Discover(root);
        if (gitDir is null)
        {
            return Provenance.Unavailable("no git repository contains the programme root");
        }

        using var repo = new Repository(gitDir);
        if (repo.Info.IsBare || repo.Head.Tip is null)
        {
            return Provenance.Unavailable(repo.Info.IsBare ? "the repository is bare" : "the repository has no commits yet");
        }

        var signatures = new Dictionary<ObjectId, CommitInfo>();
        var head = Info(repo, repo.Head.Tip, signatures);
        if (repo.Info.IsShallow)
        {
            return new Provenance
            {
                UnavailableReason = "the repository is a shallow clone, so the commits that added and deleted files are missing",
                Head = head,
                Branch = repo.Head.FriendlyName,
            };
        }

        var prefix = Path.GetRelativePath(repo.Info.WorkingDirectory, root).Replace('\\', '/');
        prefix = prefix == "." ? string.Empty : prefix.TrimEnd('/') + "/";
        var folders = Provenance.TrackedFolders.Select(f => prefix + f).ToArray();

        var provenance = new Provenance { Head = head, Branch = repo.Head.FriendlyName };
        var filter = new CommitFilter
        {
            IncludeReachableFrom = repo.Head.Tip,
            SortBy = CommitSortStrategies.Topological | CommitSortStrategies.Reverse,
        };

        // Start from the cached provenance when its commit is still in this history: walk only what came since.
        if (cacheFile is not null && ProvenanceCache.Load(cacheFile, prefix) is { } cached && repo.Lookup<Commit>(cached.Head) is { } cachedHead
            && repo.ObjectDatabase.FindMergeBase(cachedHead, repo.Head.Tip)?.Id == cachedHead.Id)
        {
            foreach (var path in cached.Provenance.Paths)
            {
                provenance.Paths[path.Key] = path.Value;
            }

            provenance.Deletions.AddRange(cached.Provenance.Deletions);
            provenance.CommitsWalked = cached.Provenance.CommitsWalked;
            filter.ExcludeReachableFrom = cachedHead;
        }

        var order = repo.Commits.QueryBy(filter).Select(c => c.Id).ToList();
        provenance.CommitsWalked += order.Count;

        // Diffing is the cost, and commits are independent: diff them on every core, each worker with a
        // repository of its own (libgit2 objects are not shared across threads), then apply in history order.
        var changes = new CommitChanges?[order.Count];
        var workers = Math.Max(1, Math.Min(Environment.ProcessorCount, 8));
        var chunk = (order.Count + workers - 1) / workers;
        System.Threading.Tasks.Parallel.For(0, workers, new System.Threading.Tasks.ParallelOptions { MaxDegreeOfParallelism = workers }, worker =>
        {
            using var local = new Repository(gitDir);
            var cache = new Dictionary<ObjectId, CommitInfo>();
            var trees = new TreeCache(local);
            for (var i = worker * chunk; i < Math.Min(order.Count, (worker + 1) * chunk); i++)
            {
                changes[i] = Changes(local, local.Lookup<Commit>(order[i]), folders, prefix, cache, trees);
            }
        });

        foreach (var commitChanges in changes)
        {
            if (commitChanges is not null)
            {
                Apply(provenance, commitChanges);
            }
        }

        if (cacheFile is not null)
        {
            ProvenanceCache.Save(cacheFile, provenance, prefix);
        }

        provenance.Deletions.RemoveAll(deletion => provenance.Find(deletion.Path)?.ExistsAtHead == true);

        var status = repo.RetrieveStatus(new StatusOptions
        {
            PathSpec = folders,
            IncludeUntracked = true,
            RecurseUntrackedDirs = true,
            IncludeIgnored = false,
            DetectRenamesInIndex = false,
            DetectRenamesInWorkDir = false,
        });
        foreach (var entry in status)
        {
            if (entry.State != FileStatus.Unaltered && entry.State != FileStatus.Ignored && entry.FilePath.StartsWith(prefix, StringComparison.Ordinal))
            {
                provenance.Uncommitted.Add(entry.FilePath.Substring(prefix.Length));
            }
        }

        return provenance;
    }

    /// <summary>What one commit did to the tracked folders, relative to its first parent; null when nothing.</summary>
    private static CommitChanges? Changes(Repository repo, Commit commit, string[] folders, string prefix, Dictionary<ObjectId, CommitInfo> cache, TreeCache trees)
    {
        var parents = commit.Parents.ToList();
        var parent = parents.Count > 0 ? parents[0] : null;
        var list = new List<PathChange>();
        foreach (var folder in folders)
        {
            // Folder IDs come from cached tree listings: the parent's were read for the previous commit.
            var before = parent is null ? null : trees.IdAt(parent.Tree.Id, folder);
            var after = trees.IdAt(commit.Tree.Id, folder);
            if (before == after)
            {
                continue;
            }

            foreach (var change in trees.Diff(before, after, folder))
            {
                // A path whose content equals a merged-in parent's came from that branch, where it is already counted.
                if (parents.Count > 1 && parents.Skip(1).Any(p => p.Tree[change.Path]?.Target.Id == commit.Tree[change.Path]?.Target.Id))
                {
                    continue;
                }

                list.Add(change with { Path = change.Path.Substring(prefix.Length) });
            }
        }

        return list.Count == 0 ? null : new CommitChanges(Info(repo, commit, cache), list);
    }

    private static void Apply(Provenance provenance, CommitChanges commit)
    {
        var current = commit.Info;
        var list = commit.Changes.ToList();

        // Exact renames (git mv): a deleted blob re-added under another path moves its history, it is not a deletion.
        var deleted = list.Where(c => c.Status == ChangeKind.Deleted).ToList();
        foreach (var added in list.Where(c => c.Status == ChangeKind.Added).ToList())
        {
            var source = deleted.FirstOrDefault(d => d.Blob == added.Blob);
            if (source is null || provenance.Find(source.Path) is not { } moved)
            {
                continue;
            }

            deleted.Remove(source);
            list.Remove(source);
            list.Remove(added);
            provenance.Paths.Remove(source.Path);
            provenance.Paths[added.Path] = moved;
            Touch(moved, current);
        }

        foreach (var change in list)
        {
            var history = provenance.Find(change.Path);
            if (change.Status == ChangeKind.Deleted)
            {
                if (history is not null)
                {
                    Touch(history, current);
                    history.ExistsAtHead = false;
                    provenance.Deletions.Add(new Deletion(change.Path, current, history.Added));
                }
            }
            else if (history is null)
            {
                history = new PathHistory(current);
                history.Changes.Add(current);
                provenance.Paths[change.Path] = history;
            }
            else
            {
                Touch(history, current);
                history.ExistsAtHead = true;
            }
        }
    }

    private sealed record CommitChanges(CommitInfo Info, List<PathChange> Changes);

    internal sealed record PathChange(ChangeKind Status, string Path, ObjectId Blob);

    /// <summary>
    /// Compares two trees by object ID, descending only into subtrees whose IDs differ. Each tree's entries
    /// are read once and kept by ID, so the parent's trees, read for the previous commit, cost nothing.
    /// Much cheaper than libgit2's general diff for the one-or-two-file changes that evidence commits make.
    /// </summary>
    private sealed class TreeCache
    {
        private readonly Repository _repo;
        // Bounded by entries, not trees: a 5,000-entry folder would otherwise hold gigabytes. The walk only
        // needs the previous commit's trees, so a small cache loses nothing.
        private const int MaxCachedEntries = 200_000;

        private readonly Dictionary<ObjectId, Dictionary<string, (ObjectId Id, bool IsTree)>> _entries = new();
        private int _cachedEntries;

        public TreeCache(Repository repo) => _repo = repo;

        /// <summary>The ID of the tree at a folder path below a root tree, or null when there is none.</summary>
        public ObjectId? IdAt(ObjectId root, string path)
        {
            var current = root;
            foreach (var segment in path.Split('/'))
            {
                if (!Entries(current).TryGetValue(segment, out var entry) || !entry.IsTree)
                {
                    return null;
                }

                current = entry.Id;
            }

            return current;
        }

        public List<PathChange> Diff(ObjectId? before, ObjectId? after, string path)
        {
            var changes = new List<PathChange>();
            Walk(before, after, path, changes);
            return changes;
        }

        private void Walk(ObjectId? before, ObjectId? after, string path, List<PathChange> changes)
        {
            if (before == after)
            {
                return;
            }

            var left = before is null ? Empty : Entries(before);
            var right = after is null ? Empty : Entries(after);
            foreach (var (name, now) in right)
            {
                var had = left.TryGetValue(name, out var was);
                if (had && was.Id == now.Id)
                {
                    continue;
                }

                var child = $"{path}/{name}";
                if (now.IsTree || (had && was.IsTree))
                {
                    Walk(had && was.IsTree ? was.Id : null, now.IsTree ? now.Id : null, child, changes);
                    if (had && !was.IsTree)
                    {
                        changes.Add(new PathChange(ChangeKind.Deleted, child, was.Id));
                    }

                    if (!now.IsTree)
                    {
                        changes.Add(new PathChange(had ? ChangeKind.Modified : ChangeKind.Added, child, now.Id));
                    }

                    continue;
                }

                changes.Add(new PathChange(had ? ChangeKind.Modified : ChangeKind.Added, child, now.Id));
            }

            foreach (var (name, was) in left)
            {
                if (right.ContainsKey(name))
                {
                    continue;
                }

                var child = $"{path}/{name}";
                if (was.IsTree)
                {
                    Walk(was.Id, null, child, changes);
                }
                else
                {
                    changes.Add(new PathChange(ChangeKind.Deleted, child, was.Id));
                }
            }
        }

        private static readonly Dictionary<string, (ObjectId Id, bool IsTree)> Empty = new(StringComparer.Ordinal);

        private Dictionary<string, (ObjectId Id, bool IsTree)> Entries(ObjectId id)
        {
            if (_entries.TryGetValue(id, out var known))
            {
                return known;
            }

            var entries = new Dictionary<string, (ObjectId Id, bool IsTree)>(StringComparer.Ordinal);
            foreach (var entry in _repo.Lookup<Tree>(id))
            {
                entries[entry.Name] = (entry.Target.Id, entry.TargetType == TreeEntryTargetType.Tree);
            }

            // Consecutive commits share most trees; a bounded cache keeps memory flat over long histories.
            if (_cachedEntries + entries.Count > MaxCachedEntries)
            {
                _entries.Clear();
                _cachedEntries = 0;
            }

            _entries[id] = entries;
            _cachedEntries += entries.Count;
            return entries;
        }
    }

    private static void Touch(PathHistory history, CommitInfo commit)
    {
        history.LastChanged = commit;
        history.ChangeCount++;
        history.Changes.Add(commit);
    }

    private static CommitInfo Info(Repository repo, Commit commit, Dictionary<ObjectId, CommitInfo> cache)
    {
        if (cache.TryGetValue(commit.Id, out var known))
        {
            return known;
        }

        bool signed;
        try
        {
            signed = !string.IsNullOrEmpty(Commit.ExtractSignature(repo, commit.Id).Signature);
        }
        catch (NotFoundException)
        {
            signed = false;
        }

        var info = new CommitInfo(
            commit.Sha,
            commit.Author.Name,
            commit.Author.Email,
            commit.Author.When,
            commit.Committer.When,
            signed,
            commit.MessageShort);
        cache[commit.Id] = info;
        return info;
    }
}
