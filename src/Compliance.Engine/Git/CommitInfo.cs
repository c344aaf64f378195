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
}

/// <summary>A documentation file deleted from history: who deleted it, and when it was first committed.</summary>
public sealed record Deletion(string Path, CommitInfo DeletedBy, CommitInfo FirstAdded);
