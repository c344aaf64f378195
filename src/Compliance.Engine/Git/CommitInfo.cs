using System;

namespace Compliance.Engine.Git;

/// <summary>A commit as provenance reports it. Signed means the commit carries a signature; it is not verified here.</summary>
public sealed record CommitInfo(string Sha, string AuthorName, string AuthorEmail, DateTimeOffset AuthorDate, DateTimeOffset CommitDate, bool Signed, string Summary)
{
    public string ShortSha => Sha.Substring(0, Math.Min(12, Sha.Length));

    /// <summary>The UTC calendar day of the commit: what evidence dates are compared with.</summary>
    public DateOnly CommitDay => DateOnly.FromDateTime(CommitDate.UtcDateTime);

    /// <summary>
    /// A commit as LibGit2Sharp reads it, for the few commits looked up one at a time (the site's policy
    /// revisions). Provenance reads whole histories from raw objects instead (Objects/RawCommit.cs).
    /// </summary>
    public static CommitInfo Of(LibGit2Sharp.Repository repository, LibGit2Sharp.Commit commit)
    {
        bool signed;
        try
        {
            signed = !string.IsNullOrEmpty(LibGit2Sharp.Commit.ExtractSignature(repository, commit.Id).Signature);
        }
        catch (LibGit2Sharp.NotFoundException)
        {
            signed = false;
        }

        return new CommitInfo(commit.Sha, commit.Author.Name, commit.Author.Email, commit.Author.When, commit.Committer.When, signed, commit.MessageShort);
    }
}

/// <summary>The history of one path: the commit that added it, the last that changed it, and (for policies) every change.</summary>
public sealed class PathHistory
{
    public PathHistory(CommitInfo added) => Added = LastChanged = added;

    public CommitInfo Added { get; internal set; }

    public CommitInfo LastChanged { get; internal set; }

    public int ChangeCount { get; internal set; } = 1;

    public bool ExistsAtHead { get; internal set; } = true;

    public System.Collections.Generic.List<CommitInfo> Changes { get; } = new();

    /// <summary>
    /// Every version of the path in history order: the commit and the blob it committed (null: deleted).
    /// Filled by a full walk only; a cached walk leaves it empty, so the period view never uses the cache.
    /// </summary>
    internal System.Collections.Generic.List<PathVersion> Versions { get; } = new();
}

/// <summary>One committed version of a path: the commit, and its blob (null when the commit deleted the path).</summary>
internal sealed record PathVersion(CommitInfo Commit, Objects.GitOid? Blob);

/// <summary>A documentation file deleted from history: who deleted it, and when it was first committed.</summary>
public sealed record Deletion(string Path, CommitInfo DeletedBy, CommitInfo FirstAdded);
