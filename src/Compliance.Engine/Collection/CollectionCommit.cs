using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Compliance.Engine.Git;
using LibGit2Sharp;

namespace Compliance.Engine.Collection;

/// <summary>
/// The git side of 'compliance collect': collectors run with the job's credentials, so they run only
/// on the default branch (never from a branch a pull request could change), and --commit records
/// what was collected in one commit whose message lists it.
/// </summary>
public static class CollectionCommit
{
    /// <summary>Null when the root is on its default branch (or is not a git repository); otherwise why collect must not run.</summary>
    public static string? BranchRefusal(string root, string? defaultBranch)
    {
        if (GitDiscovery.GitDirectory(root) is null)
        {
            return null;
        }

        using var repository = new Repository(root);
        var expected = defaultBranch ?? DefaultBranch(repository);
        var current = repository.Info.IsHeadDetached ? null : repository.Head.FriendlyName;
        return current == expected
            ? null
            : $"collect runs only on the default branch '{expected}', not on '{current ?? "a detached HEAD"}': a collector's command runs with the job's credentials, so it must be the reviewed version.";
    }

    /// <summary>Commits the collected artifacts, their sidecars and the audit log; returns the commit's SHA.</summary>
    public static string Commit(string root, IReadOnlyList<CollectionOutcome> collected, DateTimeOffset when)
    {
        using var repository = new Repository(root);
        var paths = collected.SelectMany(c => new[] { c.Stored!.Artifact, c.Stored.Sidecar })
            .Concat(Audit.AuditLog.OwnFiles(Audit.AuditLog.DefaultPath))
            .ToList();
        Commands.Stage(repository, paths);
        var signature = repository.Config.BuildSignature(when)
            ?? throw new InvalidOperationException("git has no user.name and user.email for the collect commit: set them in the collecting job.");
        var message = new StringBuilder($"Collect evidence: {collected.Count} artifact(s)\n\n");
        foreach (var item in collected)
        {
            message.Append($"- {item.Stored!.Artifact} ({item.Planned.Collector.CollectorId}, {item.Planned.State}, audit event {item.Event?.Seq})\n");
        }

        // Not prettified by libgit2: git_message_prettify answers through a class-typed buffer whose contents the
        // Native AOT CLI's marshalling does not copy back, which left the message empty. It is already in git's clean form.
        return repository.Commit(message.ToString(), signature, signature, new CommitOptions { PrettifyMessage = false }).Sha;
    }

    /// <summary>The default branch: origin's HEAD when known, else init.defaultBranch, else main.</summary>
    public static string DefaultBranch(Repository repository)
    {
        if (repository.Refs["refs/remotes/origin/HEAD"] is SymbolicReference { Target: { } target })
        {
            return target.CanonicalName.Replace("refs/remotes/origin/", string.Empty);
        }

        return repository.Config.Get<string>("init.defaultBranch")?.Value ?? "main";
    }
}
