using System;
using System.IO;
using LibGit2Sharp;

namespace Compliance.Engine.Audit.Remote;

// Anchors of a shared log are committed into anchors/ of the ref's tree and pushed the way events are.
public sealed partial class RefAppender
{
    /// <summary>The log on the ref as fetched now: its last event and the tip commit; throws when it does not verify or is empty.</summary>
    public (AuditEvent Head, string Tip) FetchHead()
    {
        var tip = Fetch() ?? throw new AuditRemoteException($"{_ref.Name} does not exist on {_ref.Remote} yet, so there is no log to anchor.");
        var (content, head) = Current(tip);
        var verification = AuditLogText.Verify(content, head, null);
        if (!verification.Valid)
        {
            throw new AuditRemoteException($"The log on {_ref.Name} does not verify, so it is not anchored: {verification.Message} Run 'compliance audit verify'.");
        }

        var events = AuditLogText.Events(content!);
        return events.Count == 0 ? throw new AuditRemoteException($"The log on {_ref.Name} has no events to anchor.") : (events[^1], tip);
    }

    /// <summary>Commits the token as anchors/NAME on top of the ref's latest commit and pushes, retrying a lost race like an append.</summary>
    public string AppendAnchor(string name, byte[] token, int maxAttempts = DefaultAttempts)
    {
        for (var attempt = 1; ; attempt++)
        {
            var round = System.Diagnostics.Stopwatch.StartNew();
            var (_, tip) = FetchHead();
            var commit = WriteAnchorCommit(name, token, tip);
            var push = _git.Run(null, "push", "--porcelain", _ref.Remote, $"{commit}:{_ref.Name}");
            switch (PushOutcomes.Classify(push))
            {
                case PushOutcome.Landed:
                    RecordLanded(commit);
                    return commit;
                case PushOutcome.Refused:
                    throw new AuditRemoteException($"{_ref.Remote} refused the push of anchor {name} to {_ref.Name}: {PushOutcomes.Reason(push)}.");
            }

            if (attempt >= maxAttempts)
            {
                throw new AuditRemoteException($"The push of anchor {name} to {_ref.Name} lost the race {attempt} times; the anchor is not on the ref.");
            }

            _sleep(Backoff(attempt, round.Elapsed));
        }
    }

    private string WriteAnchorCommit(string name, byte[] token, string parent)
    {
        using var repository = new Repository(_gitDir);
        var database = repository.ObjectDatabase;
        var parentCommit = repository.Lookup<Commit>(parent);
        if (parentCommit.Tree[$"{Anchors.AnchorStore.RefFolder}/{name}"] is not null)
        {
            throw new AuditRemoteException($"{_ref.Name} already holds anchors/{name}; an anchor is never replaced.");
        }

        using var stream = new MemoryStream(token);
        var tree = TreeDefinition.From(parentCommit).Add($"{Anchors.AnchorStore.RefFolder}/{name}", database.CreateBlob(stream), Mode.NonExecutableFile);
        var when = _now();
        var signature = repository.Config.BuildSignature(when) ?? new Signature("compliance audit", "compliance-audit@localhost", when);
        return database.CreateCommit(signature, signature, $"audit: anchor {name}\n", database.CreateTree(tree), new[] { parentCommit }, prettifyMessage: false).Sha;
    }
}
