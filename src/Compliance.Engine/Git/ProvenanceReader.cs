using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Compliance.Engine.Git.Objects;
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
    /// <param name="progress">Told of each commit compared (a cold walk of a large history takes a while).</param>
    /// <param name="everyCommit">Also keep every commit walked (the audit period's population of changes).</param>
    public static Provenance Read(string root, string? cacheFile = null, Progress.IWorkProgress? progress = null, bool everyCommit = false)
    {
        var gitDir = GitDiscovery.GitDirectory(root);
        if (gitDir is null)
        {
            return Provenance.Unavailable("no git repository contains the programme root");
        }

        using var repo = new Repository(gitDir);
        if (repo.Info.IsBare || repo.Head.Tip is null)
        {
            return Provenance.Unavailable(repo.Info.IsBare ? "the repository is bare" : "the repository has no commits yet");
        }

        var tip = GitOid.From(repo.Head.Tip.Id);
        using var reader = new ObjectReader(gitDir);
        var head = RawCommit.Parse(tip, reader.Commit(tip)).Info();
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

        var provenance = new Provenance { Head = head, Branch = repo.Head.FriendlyName, GitDirectory = gitDir, Prefix = prefix };
        GitOid? since = null;

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
            since = GitOid.From(cachedHead.Id);
        }

        var order = HistoryWalk.OldestFirst(reader, tip, since);
        provenance.HasFullHistory = since is null;
        provenance.CommitsWalked += order.Length;

        // Comparing trees is the cost, and commits are independent: compare them on every core, each worker
        // with a reader of its own (libgit2 handles are not shared across threads), then apply in history order.
        var changes = new CommitChanges?[order.Length];
        using var walked = (progress ?? Progress.NoProgress.Instance).Start("git history", order.Length);
        var workers = Math.Max(1, Math.Min(Environment.ProcessorCount, 8));
        var chunk = (order.Length + workers - 1) / workers;
        System.Threading.Tasks.Parallel.For(0, workers, new System.Threading.Tasks.ParallelOptions { MaxDegreeOfParallelism = workers }, worker =>
        {
            using var local = new ObjectReader(gitDir);
            var walker = new CommitWalker(local, folders, prefix, everyCommit);
            for (var i = worker * chunk; i < Math.Min(order.Length, (worker + 1) * chunk); i++)
            {
                changes[i] = walker.Changes(order[i]);
                walked.Advance();
            }
        });

        foreach (var commitChanges in changes)
        {
            if (commitChanges is not null)
            {
                Apply(provenance, commitChanges);
                if (everyCommit)
                {
                    provenance.Commits.Add(commitChanges.Info);
                }
            }
        }

        // A cache that already describes HEAD is left alone: saving it again would write the same bytes.
        if (cacheFile is not null && since != tip)
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
            moved.Versions.Add(new PathVersion(current, added.Blob));
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
                    history.Versions.Add(new PathVersion(current, null));
                    provenance.Deletions.Add(new Deletion(change.Path, current, history.Added));
                }
            }
            else if (history is null)
            {
                history = new PathHistory(current);
                history.Changes.Add(current);
                history.Versions.Add(new PathVersion(current, change.Blob));
                provenance.Paths[change.Path] = history;
            }
            else
            {
                Touch(history, current);
                history.ExistsAtHead = true;
                history.Versions.Add(new PathVersion(current, change.Blob));
            }
        }
    }

    /// <summary>What one commit did to the tracked folders, relative to its first parent.</summary>
    private sealed record CommitChanges(CommitInfo Info, List<PathChange> Changes);

    /// <summary>One worker's view of the history: reads commits and their trees, and remembers each commit's tree.</summary>
    private sealed class CommitWalker
    {
        private readonly ObjectReader _reader;
        private readonly TreeDiff _trees;
        private readonly string[] _folders;
        private readonly string _prefix;
        private readonly bool _everyCommit;

        // A worker's commits are consecutive in history, so a parent's tree is usually known already.
        private readonly OidMap<GitOid> _treeOf = new();

        public CommitWalker(ObjectReader reader, string[] folders, string prefix, bool everyCommit)
        {
            _everyCommit = everyCommit;
            _reader = reader;
            _trees = new TreeDiff(reader);
            _folders = folders;
            _prefix = prefix;
        }

        /// <summary>What the commit did to the tracked folders, relative to its first parent; null when nothing.</summary>
        public CommitChanges? Changes(GitOid id)
        {
            var commit = RawCommit.Parse(id, _reader.Commit(id));
            _treeOf[id] = commit.Tree;
            GitOid? parentTree = commit.Parents.Length > 0 ? TreeOf(commit.Parents[0]) : null;
            List<PathChange>? list = null;
            foreach (var folder in _folders)
            {
                // Folder IDs come from cached tree listings: the parent's were read for the previous commit.
                var before = parentTree is { } p ? _trees.TreeAt(p, folder) : null;
                var after = _trees.TreeAt(commit.Tree, folder);
                if (before == after)
                {
                    continue;
                }

                var found = new List<PathChange>();
                _trees.Diff(before, after, folder, found);
                foreach (var change in found)
                {
                    // A path whose content equals a merged-in parent's came from that branch, where it is already counted.
                    if (FromMergedParent(commit, change.Path))
                    {
                        continue;
                    }

                    (list ??= new()).Add(change with { Path = change.Path.Substring(_prefix.Length) });
                }
            }

            return list is null && !_everyCommit ? null : new CommitChanges(commit.Info(), list ?? new());
        }

        private bool FromMergedParent(RawCommit commit, string path)
        {
            for (var i = 1; i < commit.Parents.Length; i++)
            {
                if (_trees.EntryAt(TreeOf(commit.Parents[i]), path, out _) == _trees.EntryAt(commit.Tree, path, out _))
                {
                    return true;
                }
            }

            return false;
        }

        private GitOid TreeOf(GitOid commit)
        {
            if (!_treeOf.TryGetValue(commit, out var tree))
            {
                _treeOf[commit] = tree = RawCommit.Parse(commit, _reader.Commit(commit)).Tree;
            }

            return tree;
        }
    }

    private static void Touch(PathHistory history, CommitInfo commit)
    {
        history.LastChanged = commit;
        history.ChangeCount++;
        history.Changes.Add(commit);
    }
}
