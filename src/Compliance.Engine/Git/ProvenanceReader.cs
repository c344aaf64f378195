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
/// documentation are diffed, and only inside those folders. There is no per-file history walk.
/// libgit2 runs in the CLI's process, never inside an MSBuild node (see docs/how-it-works.md).
/// </summary>
public static class ProvenanceReader
{
    public static Provenance Read(string root)
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

        foreach (var commit in repo.Commits.QueryBy(filter))
        {
            provenance.CommitsWalked++;
            var parents = commit.Parents.ToList();
            var parent = parents.Count > 0 ? parents[0] : null;
            var changed = folders.Where(f => TreeId(commit.Tree, f) != TreeId(parent?.Tree, f)).ToArray();
            if (changed.Length == 0)
            {
                continue;
            }

            var changes = repo.Diff.Compare<TreeChanges>(parent?.Tree, commit.Tree, changed);
            Apply(provenance, changes, commit, parents, prefix, () => Info(repo, commit, signatures));
        }

        foreach (var deletion in provenance.Deletions.ToList())
        {
            if (provenance.Find(deletion.Path)?.ExistsAtHead == true)
            {
                provenance.Deletions.Remove(deletion);
            }
        }

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

    private static void Apply(Provenance provenance, TreeChanges changes, Commit commit, List<Commit> parents, string prefix, Func<CommitInfo> info)
    {
        CommitInfo? commitInfo = null;
        CommitInfo Current() => commitInfo ??= info();

        // A path whose content equals a merged-in parent's came from that branch, where it is already counted.
        bool FromOtherParent(string path) =>
            parents.Count > 1 && parents.Skip(1).Any(p => BlobId(p.Tree, path) == BlobId(commit.Tree, path));

        var list = changes.Where(c => c.Path.StartsWith(prefix, StringComparison.Ordinal) && !FromOtherParent(c.Path)).ToList();

        // Exact renames (git mv): a deleted blob re-added under another path moves its history, it is not a deletion.
        var deleted = list.Where(c => c.Status == ChangeKind.Deleted).ToList();
        foreach (var added in list.Where(c => c.Status == ChangeKind.Added).ToList())
        {
            var source = deleted.FirstOrDefault(d => d.OldOid == added.Oid);
            if (source is null || provenance.Find(Relative(source.OldPath, prefix)) is not { } moved)
            {
                continue;
            }

            deleted.Remove(source);
            list.Remove(source);
            list.Remove(added);
            provenance.Paths.Remove(Relative(source.OldPath, prefix));
            provenance.Paths[Relative(added.Path, prefix)] = moved;
            Touch(moved, Current());
        }

        foreach (var change in list)
        {
            var path = Relative(change.Status == ChangeKind.Deleted ? change.OldPath : change.Path, prefix);
            var history = provenance.Find(path);
            switch (change.Status)
            {
                case ChangeKind.Deleted:
                    if (history is not null)
                    {
                        Touch(history, Current());
                        history.ExistsAtHead = false;
                        provenance.Deletions.Add(new Deletion(path, Current(), history.Added));
                    }

                    break;

                default:
                    if (history is null)
                    {
                        history = new PathHistory(Current());
                        history.Changes.Add(Current());
                        provenance.Paths[path] = history;
                    }
                    else
                    {
                        Touch(history, Current());
                        history.ExistsAtHead = true;
                    }

                    break;
            }
        }
    }

    private static void Touch(PathHistory history, CommitInfo commit)
    {
        history.LastChanged = commit;
        history.ChangeCount++;
        history.Changes.Add(commit);
    }

    private static string Relative(string path, string prefix) => path.Substring(prefix.Length);

    private static ObjectId? TreeId(Tree? tree, string path) => tree?[path]?.Target.Id;

    private static ObjectId? BlobId(Tree tree, string path) => tree[path]?.Target.Id;

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
