using System;
using Compliance.Model.Documents;
using LibGit2Sharp;

namespace Compliance.Engine.Audit.Remote;

/// <summary>
/// The git ref that holds the shared log, and how this clone sees it. Its commits hold only the log and its
/// head file at the root of their tree. A clone knows the ref under its own name (after an append from
/// this clone) or as a remote-tracking ref (after 'git fetch', as CI's checkout with fetch-depth: 0 does).
/// </summary>
public sealed record AuditRef(string Name, string Remote)
{
    public const string LogFile = "audit-log.jsonl";
    public const string HeadFile = LogFile + ".head";
    private const string BranchPrefix = "refs/heads/";

    public static AuditRef Of(AuditLogDefinition definition) => new(definition.Ref, definition.Remote);

    /// <summary>Where fetches from the remote land: the remote-tracking ref for a branch, else the same name.</summary>
    public string Tracking => Name.StartsWith(BranchPrefix, StringComparison.Ordinal)
        ? $"refs/remotes/{Remote}/{Name.Substring(BranchPrefix.Length)}"
        : Name;

    /// <summary>The log's path as diagnostics show it, in git's REF:PATH notation.</summary>
    public string DisplayPath => $"{Name}:{LogFile}";

    /// <summary>
    /// The newest commit of the log this clone has: of the ref and its remote-tracking ref, the one that
    /// contains the other; the remote's when they have diverged, since the remote is the shared log.
    /// Null when the clone has neither.
    /// </summary>
    public Commit? Tip(Repository repository)
    {
        var local = CommitAt(repository, Name);
        var tracking = Tracking == Name ? null : CommitAt(repository, Tracking);
        if (local is null || tracking is null)
        {
            return tracking ?? local;
        }

        var mergeBase = repository.ObjectDatabase.FindMergeBase(local, tracking);
        return mergeBase?.Sha == tracking.Sha ? local : tracking;
    }

    private static Commit? CommitAt(Repository repository, string name)
    {
        var reference = repository.Refs[name]?.ResolveToDirectReference();
        if (reference is null)
        {
            return null;
        }

        return reference.Target as Commit
            ?? throw new AuditRemoteException($"{name} holds a {reference.Target?.GetType().Name.ToLowerInvariant() ?? "missing object"}, not a commit of the audit log: point it back at the log's last commit.");
    }
}
