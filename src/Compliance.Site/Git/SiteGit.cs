using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Compliance.Engine.Git;
using Compliance.Model.Parsing;
using LibGit2Sharp;

namespace Compliance.Site.Git;

/// <summary>A changed programme file between the comparison point and HEAD.</summary>
public sealed record FileChange(string Change, string Path, string? OldPath);

/// <summary>What changed in controls/, policies/ and evidence/ between a base commit and HEAD.</summary>
public sealed record ChangeSet(string Description, CommitInfo? Base, IReadOnlyList<FileChange> Files, IReadOnlyList<CommitInfo> Commits, int MoreCommits, string? Unavailable);

/// <summary>One change of a file, with the version its front matter gave after the change and the lines it touched.</summary>
public sealed record FileRevision(string Sha, string? Version, int LinesAdded, int LinesRemoved);

/// <summary>A policy's commits (as provenance lists them), and the version the check read from its file when the work tree holds it as HEAD does (null otherwise).</summary>
public sealed record PolicyHistory(string Path, IEnumerable<CommitInfo> Commits, string? CurrentVersion)
{
    /// <summary>Every policy of a check's programme, with its commits and, where the work tree holds it as HEAD does, its version.</summary>
    public static List<PolicyHistory> Of(Compliance.Engine.CheckResult result) => result.Programme.Policies
        .Select(p => new PolicyHistory(
            p.Path,
            result.Provenance.Find(p.Path)?.Changes ?? (IEnumerable<CommitInfo>)Array.Empty<CommitInfo>(),
            result.Provenance.Uncommitted.Contains(p.Path) ? null : p.Version))
        .ToList();
}

/// <summary>
/// The git questions only the site asks: what changed since a tag, commit or date, and what each
/// commit did to a policy. Read-only, in the CLI's process (as the engine's provenance reader).
/// The answers depend only on the commits, never on the clock or the working tree.
/// </summary>
public sealed class SiteGit : IDisposable
{
    public const int MaxCommits = 200;

    /// <summary>A past revision of a policy larger than this is not read for its version.</summary>
    private const int MaxPolicyBlobBytes = 1 << 20;

    private readonly Repository? _repo;
    private readonly string _prefix = string.Empty;

    private SiteGit(Repository? repo, string prefix)
    {
        _repo = repo;
        _prefix = prefix;
    }

    public bool Available => _repo is not null && _repo.Head.Tip is not null && !_repo.Info.IsShallow;

    public static SiteGit Open(string root)
    {
        try
        {
            var gitDir = GitDiscovery.GitDirectory(root);
            if (gitDir is null)
            {
                return new SiteGit(null, string.Empty);
            }

            var repo = new Repository(gitDir);
            if (repo.Info.IsBare)
            {
                repo.Dispose();
                return new SiteGit(null, string.Empty);
            }

            var prefix = Path.GetRelativePath(repo.Info.WorkingDirectory, root).Replace('\\', '/');
            prefix = prefix == "." ? string.Empty : prefix.TrimEnd('/') + "/";
            return new SiteGit(repo, prefix);
        }
        catch (LibGit2SharpException)
        {
            return new SiteGit(null, string.Empty);
        }
    }

    /// <summary>
    /// Another handle on the same repository, for use on another thread (a handle on none when this one has none); null
    /// when the repository could not be opened again, and the caller then waits and uses this one.
    /// </summary>
    public SiteGit? Reopen()
    {
        if (_repo is null)
        {
            return new SiteGit(null, _prefix);
        }

        try
        {
            return new SiteGit(new Repository(_repo.Info.Path), _prefix);
        }
        catch (LibGit2SharpException)
        {
            return null;
        }
    }

    /// <summary>
    /// Changes since <paramref name="compareTo"/>: a tag, branch or commit, or a date (YYYY-MM-DD: the
    /// last first-parent commit of HEAD made on or before that day, UTC). Null means 90 days before the as-of date.
    /// </summary>
    public ChangeSet Changes(string? compareTo, DateOnly asOf)
    {
        if (_repo?.Head.Tip is not { } head)
        {
            return new ChangeSet("No git history", null, Array.Empty<FileChange>(), Array.Empty<CommitInfo>(), 0, "the programme is not in a git repository with commits");
        }

        if (_repo.Info.IsShallow)
        {
            return new ChangeSet("No git history", null, Array.Empty<FileChange>(), Array.Empty<CommitInfo>(), 0, "the repository is a shallow clone");
        }

        Commit? baseCommit;
        string description;
        var reference = string.IsNullOrWhiteSpace(compareTo) ? null : compareTo.Trim();
        if (reference is null || DateOnly.TryParseExact(reference, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            var day = reference is null ? asOf.AddDays(-90) : DateOnly.ParseExact(reference, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            baseCommit = LastCommitOn(head, day);
            description = $"since {Iso(day)}";
        }
        else
        {
            try
            {
                baseCommit = _repo.Lookup<Commit>(reference + "^{commit}");
            }
            catch (LibGit2SharpException)
            {
                baseCommit = null;
            }

            if (baseCommit is null)
            {
                return new ChangeSet($"since {reference}", null, Array.Empty<FileChange>(), Array.Empty<CommitInfo>(), 0, $"'{reference}' names no commit, tag or branch in this repository");
            }

            description = $"since {reference}";
        }

        var folders = Provenance.TrackedFolders.Select(f => _prefix + f).ToArray();
        var changes = _repo.Diff.Compare<TreeChanges>(baseCommit?.Tree, head.Tree, folders, new LibGit2Sharp.CompareOptions { Similarity = SimilarityOptions.Renames });
        var files = changes
            .Where(c => c.Path.StartsWith(_prefix, StringComparison.Ordinal) && c.Status != ChangeKind.Unmodified)
            .Select(c => new FileChange(
                c.Status switch
                {
                    ChangeKind.Added or ChangeKind.Copied => "added",
                    ChangeKind.Deleted => "deleted",
                    ChangeKind.Renamed => "renamed",
                    _ => "modified",
                },
                Relative(c.Status == ChangeKind.Deleted ? c.OldPath : c.Path),
                c.Status == ChangeKind.Renamed ? Relative(c.OldPath) : null))
            .OrderBy(c => c.Path, StringComparer.Ordinal)
            .ToList();

        var filter = new CommitFilter
        {
            IncludeReachableFrom = head,
            ExcludeReachableFrom = baseCommit,
            SortBy = CommitSortStrategies.Topological | CommitSortStrategies.Time,
        };
        var commits = new List<CommitInfo>();
        var more = 0;
        foreach (var commit in _repo.Commits.QueryBy(filter))
        {
            var parent = commit.Parents.FirstOrDefault();
            if (!folders.Any(f => TreeId(commit.Tree, f) != TreeId(parent?.Tree, f)))
            {
                continue;
            }

            if (commits.Count < MaxCommits)
            {
                commits.Add(Info(commit));
            }
            else
            {
                more++;
            }
        }

        return new ChangeSet(description, baseCommit is null ? null : Info(baseCommit), files, commits, more, null);
    }

    /// <summary>
    /// For each file, and each commit that changed it (as provenance lists them), the version in its
    /// front matter after the change and the lines added and removed. Each commit is diffed against its
    /// first parent once, over all the files asked about, rather than once per file: with one commit
    /// and 300 policies that was 300 diffs of the whole tree. A revision whose blob is the one HEAD has,
    /// for a file the work tree has not changed, is the file the check read: its version is taken from
    /// the check rather than parsed a second time.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, FileRevision>> Revisions(IEnumerable<PolicyHistory> files)
    {
        var result = new Dictionary<string, IReadOnlyDictionary<string, FileRevision>>(StringComparer.Ordinal);
        var pathsBySha = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var currentVersion = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (!result.TryAdd(file.Path, new Dictionary<string, FileRevision>(StringComparer.Ordinal)))
            {
                continue;
            }

            if (file.CurrentVersion is { } version)
            {
                currentVersion[file.Path] = version;
            }

            foreach (var info in file.Commits)
            {
                if (!pathsBySha.TryGetValue(info.Sha, out var paths))
                {
                    pathsBySha[info.Sha] = paths = new List<string>();
                }

                if (paths.Count == 0 || paths[^1] != file.Path)
                {
                    paths.Add(file.Path);
                }
            }
        }

        if (_repo is null)
        {
            return result;
        }

        var headBlobs = _repo.Head.Tip is { } head ? BlobIds(head, currentVersion.Keys) : new Dictionary<string, ObjectId>(StringComparer.Ordinal);
        foreach (var (sha, paths) in pathsBySha)
        {
            if (_repo.Lookup<Commit>(sha) is not { } commit)
            {
                continue;
            }

            var parent = commit.Parents.FirstOrDefault();
            // Literal paths: as patterns, libgit2 matched every file of the tree against every path, and a
            // '*' or '[' in a file name would have matched other files.
            using var stats = _repo.Diff.Compare<PatchStats>(parent?.Tree, commit.Tree, paths.Select(p => _prefix + p), new ExplicitPathsOptions());
            var blobs = BlobIds(commit, paths);
            foreach (var path in paths)
            {
                string? version = null;
                if (blobs.TryGetValue(path, out var id) && _repo.Lookup<Blob>(id) is { } blob && !blob.IsBinary && blob.Size <= MaxPolicyBlobBytes)
                {
                    version = currentVersion.TryGetValue(path, out var current) && headBlobs.TryGetValue(path, out var headId) && headId == id
                        ? current
                        : PolicyMarkdown.Read(path, blob.GetContentText())?.Version;
                }

                var lines = stats[_prefix + path];
                var revisions = (Dictionary<string, FileRevision>)result[path];
                revisions.TryAdd(sha, new FileRevision(sha, version, lines?.LinesAdded ?? 0, lines?.LinesDeleted ?? 0));
            }
        }

        return result;
    }

    public void Dispose() => _repo?.Dispose();

    /// <summary>
    /// The blob of each path in a commit, reading each folder's tree once. Asking the commit for each path
    /// read the folder's tree again per path: libgit2 caches no tree over 4 KB, and a folder of 3,200
    /// policies is 130 KB, so 3,200 policies cost 3,200 reads of it.
    /// </summary>
    private Dictionary<string, ObjectId> BlobIds(Commit commit, IEnumerable<string> paths)
    {
        var ids = new Dictionary<string, ObjectId>(StringComparer.Ordinal);
        foreach (var folder in paths.GroupBy(p => p.Contains('/') ? p.Substring(0, p.LastIndexOf('/')) : string.Empty, StringComparer.Ordinal))
        {
            var path = _prefix + folder.Key;
            var tree = path.Length == 0 ? commit.Tree : commit[path.TrimEnd('/')]?.Target as Tree;
            if (tree is null)
            {
                continue;
            }

            var wanted = folder.ToHashSet(StringComparer.Ordinal);
            foreach (var entry in tree)
            {
                var file = folder.Key.Length == 0 ? entry.Name : folder.Key + "/" + entry.Name;
                if (entry.TargetType == TreeEntryTargetType.Blob && wanted.Contains(file))
                {
                    ids[file] = entry.Target.Id;
                }
            }
        }

        return ids;
    }

    private Commit? LastCommitOn(Commit head, DateOnly day)
    {
        var end = new DateTimeOffset(day.Year, day.Month, day.Day, 0, 0, 0, TimeSpan.Zero).AddDays(1);
        for (var commit = head; commit is not null; commit = commit.Parents.FirstOrDefault())
        {
            if (commit.Committer.When < end)
            {
                return commit;
            }
        }

        return null;
    }

    private string Relative(string path) => path.StartsWith(_prefix, StringComparison.Ordinal) ? path.Substring(_prefix.Length) : path;

    private static ObjectId? TreeId(Tree? tree, string path) => tree?[path]?.Target.Id;

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private CommitInfo Info(Commit commit) => CommitInfo.Of(_repo!, commit);
}
