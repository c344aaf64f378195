using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using LibGit2Sharp;

namespace Compliance.Engine.Git;

/// <summary>How a commit on the branch's first-parent line reached it, as far as the history can tell.</summary>
public enum BranchChange
{
    /// <summary>A merge commit that names a pull or merge request ("Merge pull request #12", "See merge request !4").</summary>
    PullRequestMerge,

    /// <summary>A single-parent commit whose subject ends in a pull request number, as a squash merge writes it ("... (#12)").</summary>
    SquashedPullRequest,

    /// <summary>A merge commit that names no pull request: merged locally and pushed, without review the history can see.</summary>
    MergeWithoutPullRequest,

    /// <summary>A single-parent commit by a person, pushed straight onto the branch.</summary>
    DirectCommit,

    /// <summary>A commit 'compliance collect --commit' made of collected evidence: a job's, not a person's change.</summary>
    CollectorCommit,

    /// <summary>A commit that reached the branch inside a merged branch (not on its first-parent line).</summary>
    InMergedBranch,
}

public enum CommitSignatureKind
{
    None,
    Ssh,
    Gpg,
    X509,
    Unknown,
}

/// <summary>One commit of a branch in the period, with its signature block and the bytes it signs (for verification).</summary>
public sealed record BranchCommit(
    string Sha,
    string AuthorName,
    string AuthorEmail,
    string CommitterName,
    string CommitterEmail,
    DateTimeOffset CommittedAt,
    string Subject,
    int Parents,
    BranchChange Change,
    CommitSignatureKind SignatureKind,
    string? Signature,
    string? SignedData)
{
    /// <summary>Whether the change reached the branch without a review the history records.</summary>
    public bool BypassedReview => Change is BranchChange.DirectCommit or BranchChange.MergeWithoutPullRequest;
}

/// <summary>A branch's commits whose committer date lies in [From, To] (UTC days), newest first, and the branch's tip.</summary>
public sealed record BranchHistoryResult(string Branch, string Tip, DateOnly From, DateOnly To, IReadOnlyList<BranchCommit> Commits);

/// <summary>
/// Reads a branch's history over a period through LibGit2Sharp: which commits landed, how each reached the
/// branch (its first-parent line is the branch's own history; the rest came in through merges), and the
/// signature block each carries. Verifying a signature is the caller's (see SshSignatures).
/// </summary>
public static class BranchHistory
{
    private static readonly Regex PullRequestMerge = new(@"^Merge pull request #\d+|See merge request [^\s]*!\d+", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    private static readonly Regex SquashSuffix = new(@"\(#\d+\)\s*$", RegexOptions.CultureInvariant);

    /// <summary>The start of the subject 'compliance collect --commit' writes.</summary>
    public const string CollectorCommitSubject = "Collect evidence: ";

    /// <exception cref="InvalidOperationException">The root is not in a git repository, or the branch does not exist there.</exception>
    public static BranchHistoryResult Read(string root, string? branchName, DateOnly from, DateOnly to)
    {
        var gitDir = GitDiscovery.GitDirectory(root) ?? throw new InvalidOperationException($"'{root}' is not in a git repository, so there is no history to read.");
        using var repository = new Repository(gitDir);
        if (repository.Info.IsShallow)
        {
            throw new InvalidOperationException("the clone is shallow, so the period's history is incomplete: check out with fetch-depth: 0.");
        }

        var name = branchName ?? Collection.CollectionCommit.DefaultBranch(repository);
        var branch = repository.Branches[name] ?? repository.Branches["origin/" + name]
            ?? throw new InvalidOperationException($"there is no branch '{name}' (nor origin/{name}) in the repository.");
        var tip = branch.Tip ?? throw new InvalidOperationException($"the branch '{name}' has no commits.");

        var firstParents = new HashSet<ObjectId>();
        for (var commit = tip; commit is not null; commit = commit.Parents.FirstOrDefault())
        {
            firstParents.Add(commit.Id);
            if (Day(commit) < from)
            {
                break;
            }
        }

        var commits = new List<BranchCommit>();
        var walk = repository.Commits.QueryBy(new CommitFilter { IncludeReachableFrom = tip, SortBy = CommitSortStrategies.Topological | CommitSortStrategies.Time });
        foreach (var commit in walk)
        {
            var day = Day(commit);
            if (day < from || day > to)
            {
                continue;
            }

            var (kind, signature, signed) = SignatureOf(repository, commit);
            commits.Add(new BranchCommit(
                commit.Sha,
                commit.Author.Name,
                commit.Author.Email,
                commit.Committer.Name,
                commit.Committer.Email,
                commit.Committer.When.ToUniversalTime(),
                commit.MessageShort,
                commit.Parents.Count(),
                Classify(commit, firstParents.Contains(commit.Id)),
                kind,
                signature,
                signed));
        }

        return new BranchHistoryResult(name, tip.Sha, from, to, commits);
    }

    private static DateOnly Day(Commit commit) => DateOnly.FromDateTime(commit.Committer.When.UtcDateTime);

    private static BranchChange Classify(Commit commit, bool onFirstParentLine)
    {
        if (!onFirstParentLine)
        {
            return BranchChange.InMergedBranch;
        }

        if (commit.Parents.Count() > 1)
        {
            return PullRequestMerge.IsMatch(commit.Message) ? BranchChange.PullRequestMerge : BranchChange.MergeWithoutPullRequest;
        }

        return SquashSuffix.IsMatch(commit.MessageShort) ? BranchChange.SquashedPullRequest
            : commit.MessageShort.StartsWith(CollectorCommitSubject, StringComparison.Ordinal) ? BranchChange.CollectorCommit
            : BranchChange.DirectCommit;
    }

    private static (CommitSignatureKind Kind, string? Signature, string? SignedData) SignatureOf(Repository repository, Commit commit)
    {
        SignatureInfo info;
        try
        {
            info = Commit.ExtractSignature(repository, commit.Id);
        }
        catch (NotFoundException)
        {
            return (CommitSignatureKind.None, null, null);
        }

        var kind = info.Signature.TrimStart() switch
        {
            var s when s.StartsWith("-----BEGIN SSH SIGNATURE-----", StringComparison.Ordinal) => CommitSignatureKind.Ssh,
            var s when s.StartsWith("-----BEGIN PGP SIGNATURE-----", StringComparison.Ordinal) => CommitSignatureKind.Gpg,
            var s when s.StartsWith("-----BEGIN SIGNED MESSAGE-----", StringComparison.Ordinal) => CommitSignatureKind.X509,
            _ => CommitSignatureKind.Unknown,
        };
        return (kind, info.Signature, info.SignedData);
    }
}
