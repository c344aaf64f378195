using System;
using System.Collections.Generic;

namespace Compliance.Engine.Git;

/// <summary>
/// What git says about the programme's documentation: per-path history, deletions, and what is not
/// committed yet. When history is unavailable (no repository, a shallow clone) it says why, and
/// the checks that need history are skipped with one warning instead of guessing.
/// </summary>
public sealed class Provenance
{
    public static readonly string[] TrackedFolders = { "evidence", "policies", "controls" };

    public bool Available => UnavailableReason is null;

    public string? UnavailableReason { get; init; }

    public CommitInfo? Head { get; init; }

    public string? Branch { get; init; }

    public Dictionary<string, PathHistory> Paths { get; } = new(StringComparer.Ordinal);

    public List<Deletion> Deletions { get; } = new();

    /// <summary>Paths under the tracked folders that are untracked, modified or staged but not committed.</summary>
    public HashSet<string> Uncommitted { get; } = new(StringComparer.Ordinal);

    public int CommitsWalked { get; set; }

    /// <summary>Every commit walked, oldest first, when the walk was asked to keep them (the period's changes); else empty.</summary>
    public List<CommitInfo> Commits { get; } = new();

    /// <summary>The repository's git directory, to read historical file versions (null when unavailable).</summary>
    internal string? GitDirectory { get; init; }

    /// <summary>The programme root's folder inside the repository ("" or "sub/"): versions' blobs are read below it.</summary>
    internal string Prefix { get; init; } = string.Empty;

    /// <summary>Whether every path's <see cref="PathHistory.Versions"/> is complete: a walk from the cache is not.</summary>
    public bool HasFullHistory { get; internal set; }

    public PathHistory? Find(string path) => Paths.TryGetValue(path, out var history) ? history : null;

    public static Provenance Unavailable(string reason) => new() { UnavailableReason = reason };
}
