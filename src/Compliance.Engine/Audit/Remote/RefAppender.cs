using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using Compliance.Engine.Git;
using LibGit2Sharp;

namespace Compliance.Engine.Audit.Remote;

/// <summary>An event to append, with the ID that makes the append idempotent across retries.</summary>
public sealed record AppendRequest(string Type, string Actor, string? Artifact, IReadOnlyDictionary<string, string> Fields, string Id)
{
    /// <summary>Signs the event; each attempt signs again, because the event's seq and prev change when another runner pushed first.</summary>
    public Signing.EventSigner? Signer { get; init; }
}

/// <summary>What an append to the ref did: the event in the log, whether an earlier attempt had already landed it, and how many rounds it took.</summary>
public sealed record RefAppendResult(AuditEvent Event, bool AlreadyLanded, int Attempts, string Commit);

/// <summary>
/// Appends to the log on its ref without a work tree: fetch the ref, append on top of the latest log, write
/// blob, tree and commit into the object database, push. A push that lost the race (non-fast-forward) is
/// retried from a fresh fetch after a jittered back-off, a bounded number of times; an event whose ID is
/// already in the fetched log has landed, so a retry after an uncertain push never adds it twice.
/// </summary>
public sealed partial class RefAppender
{
    public const int DefaultAttempts = 60;

    private readonly string _gitDir;
    private readonly AuditRef _ref;
    private readonly GitProcess _git;
    private readonly Func<DateTimeOffset> _now;
    private readonly Random _random;
    private readonly Action<TimeSpan> _sleep;

    public RefAppender(string root, AuditRef gitRef, Func<DateTimeOffset> now, Random? random = null, Action<TimeSpan>? sleep = null)
    {
        _gitDir = GitDiscovery.GitDirectory(root) ?? throw new AuditRemoteException($"--push appends to {gitRef.Name} of a git remote, but {root} is not in a git repository.");
        _ref = gitRef;
        _git = new GitProcess(root);
        _now = now;
        _random = random ?? Random.Shared;
        _sleep = sleep ?? System.Threading.Thread.Sleep;
    }

    public RefAppendResult Append(AppendRequest request, int maxAttempts = DefaultAttempts)
    {
        for (var attempt = 1; ; attempt++)
        {
            var round = System.Diagnostics.Stopwatch.StartNew();
            var tip = Fetch();
            var (content, head) = Current(tip);
            var verification = AuditLogText.Verify(content, head, null);
            if (!verification.Valid)
            {
                throw new AuditRemoteException($"The log on {_ref.Name} does not verify, so nothing is appended to it: {verification.Message} Run 'compliance audit verify'.");
            }

            var next = AuditLogText.Append(content ?? string.Empty, request.Type, request.Actor, request.Artifact, request.Fields, _now(), request.Id, request.Signer);
            if (next.AlreadyPresent)
            {
                return new RefAppendResult(next.Event, AlreadyLanded: true, attempt, tip ?? string.Empty);
            }

            var commit = WriteCommit(next, tip);
            var push = _git.Run(null, "push", "--porcelain", _ref.Remote, $"{commit}:{_ref.Name}");
            switch (PushOutcomes.Classify(push))
            {
                case PushOutcome.Landed:
                    RecordLanded(commit);
                    return new RefAppendResult(next.Event, AlreadyLanded: false, attempt, commit);
                case PushOutcome.Refused:
                    throw new AuditRemoteException($"{_ref.Remote} refused the push to {_ref.Name}, and retrying cannot fix that: {PushOutcomes.Reason(push)}. Give this runner permission to push to the ref (for GitHub Actions, 'permissions: contents: write'), and check the host's rules and hooks for it. Event {request.Id} is not in the log.");
            }

            if (attempt >= maxAttempts)
            {
                throw new AuditRemoteException($"The push of event {request.Id} to {_ref.Name} lost the race {attempt} times, because other runners kept pushing first; the event is not in the log. Run the same command again with --id {request.Id}: if an earlier attempt did land, the event is not added twice.");
            }

            _sleep(Backoff(attempt, round.Elapsed));
        }
    }

    /// <summary>
    /// Full jitter over a window that doubles with each lost race, measured in rounds (fetch, append, push)
    /// as long as the last one took: on a slow runner or remote a fixed window would be too short to spread
    /// the runners that collided, and on a fast one needlessly long.
    /// </summary>
    private TimeSpan Backoff(int attempt, TimeSpan round)
    {
        var rounds = Math.Pow(2, Math.Min(attempt, 5));
        var window = Math.Clamp(round.TotalMilliseconds * rounds, 20, 30_000);
        return TimeSpan.FromMilliseconds(_random.NextDouble() * window);
    }

    /// <summary>Fetches the ref into its tracking ref; returns the remote's commit, or null when the ref does not exist yet.</summary>
    private string? Fetch()
    {
        // No '+': a remote ref that no longer contains what this clone fetched before was rewritten, and must not be followed.
        var fetch = _git.Run(null, "fetch", "--no-tags", "--no-write-fetch-head", "--quiet", _ref.Remote, $"{_ref.Name}:{_ref.Tracking}");
        if (fetch.Succeeded)
        {
            return TrackingTip();
        }

        if (fetch.Error.Contains("couldn't find remote ref", StringComparison.Ordinal))
        {
            return TrackingTip() is { } known
                ? throw new AuditRemoteException($"{_ref.Name} was deleted on {_ref.Remote}, though this clone has its commit {known[..12]}: the shared log is gone. Restore the ref from that commit and protect it against deletion.")
                : null;
        }

        if (fetch.Error.Contains("(non-fast-forward)", StringComparison.Ordinal) || fetch.Error.Contains("[rejected]", StringComparison.Ordinal))
        {
            throw new AuditRemoteException($"{_ref.Name} on {_ref.Remote} was rewritten: it no longer contains the log this clone fetched before ({TrackingTip()?[..12]}). Investigate it as a security incident; protect the ref against force-pushes.");
        }

        throw new AuditRemoteException($"git could not fetch {_ref.Name} from {_ref.Remote}: {fetch.Error.Trim()}");
    }

    private string? TrackingTip()
    {
        using var repository = new Repository(_gitDir);
        return (repository.Refs[_ref.Tracking]?.ResolveToDirectReference()?.Target as Commit)?.Sha;
    }

    private (string? Content, string? Head) Current(string? tip)
    {
        if (tip is null)
        {
            return (null, null);
        }

        using var repository = new Repository(_gitDir);
        var commit = repository.Lookup<Commit>(tip);
        var log = commit.Tree[AuditRef.LogFile]?.Target as Blob
            ?? throw new AuditRemoteException($"{_ref.Name} (commit {tip[..12]}) holds no {AuditRef.LogFile}, so it is not an audit log; nothing is appended to it.");
        return (log.GetContentText(), (commit.Tree[AuditRef.HeadFile]?.Target as Blob)?.GetContentText());
    }

    private string WriteCommit(AuditLogText.Appended next, string? parent)
    {
        using var repository = new Repository(_gitDir);
        var database = repository.ObjectDatabase;
        // Start from the parent's tree, so that what else the ref holds (its anchors/) is carried forward.
        var tree = (parent is null ? new TreeDefinition() : TreeDefinition.From(repository.Lookup<Commit>(parent)))
            .Add(AuditRef.LogFile, Blob(database, next.Content), Mode.NonExecutableFile)
            .Add(AuditRef.HeadFile, Blob(database, next.Head), Mode.NonExecutableFile);
        var when = _now();
        var signature = repository.Config.BuildSignature(when) ?? new Signature("compliance audit", "compliance-audit@localhost", when);
        var parents = parent is null ? Array.Empty<Commit>() : new[] { repository.Lookup<Commit>(parent) };
        var message = string.Create(CultureInfo.InvariantCulture, $"audit: {next.Event.Type} seq {next.Event.Seq} by {next.Event.Actor}\n\nevent {next.Event.Id}\n{next.Event.Hash}\n");
        return database.CreateCommit(signature, signature, message, database.CreateTree(tree), parents, prettifyMessage: false).Sha;
    }

    private static Blob Blob(ObjectDatabase database, string text)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return database.CreateBlob(stream);
    }

    private void RecordLanded(string commit)
    {
        using var repository = new Repository(_gitDir);
        repository.Refs.Add(_ref.Tracking, new ObjectId(commit), allowOverwrite: true);
    }
}
