using System;
using System.Collections.Generic;
using System.Text;
using Compliance.Engine.Git.Objects;

namespace Compliance.Engine.Audit.History;

/// <summary>
/// Checks that every committed version of the log extends the version before it, over the whole history
/// that reaches the tip, with the raw-object reader. Each version is compared with the final log from its
/// head file and the log blob's size, so a history of many commits costs little more than reading the final
/// log once; a head file an append wrote is recognised by its blob ID without being read. Only the offending
/// commit and its parent are read in full, to name the first changed event.
/// A version that keeps its size and head file but edits an event in the middle, which a later commit
/// reverts, is the one rewrite this does not see (docs/how-it-works.md, threat model).
/// </summary>
public static class AuditHistory
{
    /// <param name="gitDir">The repository.</param>
    /// <param name="tip">The commit whose history is checked (HEAD, or the log ref's tip).</param>
    /// <param name="folder">The log's folder in the tree ("" for the root), without a trailing slash.</param>
    /// <param name="logName">The log's file name; its head file is the same name plus ".head".</param>
    public static AuditHistoryResult Check(string gitDir, string tip, string folder, string logName)
    {
        using var reader = new ObjectReader(gitDir);
        var locator = new LogLocator(reader, folder, logName);
        var tipId = GitOid.Parse(Encoding.ASCII.GetBytes(tip));

        var order = HistoryWalk.OldestFirst(reader, tipId, null);
        var commits = new OidMap<RawCommit>(order.Length);
        var versions = new OidMap<LogVersion>(order.Length);
        foreach (var id in order)
        {
            var commit = RawCommit.Parse(id, reader.Commit(id));
            commits[id] = commit;
            versions[id] = locator.VersionAt(commit.Tree);
        }

        var final = versions[tipId];
        var finalLog = new FinalLog(final.Log is { } finalId ? reader.Blob(finalId) : Array.Empty<byte>());
        var fits = new Dictionary<LogVersion, VersionFit>();
        VersionFit Fit(LogVersion version)
        {
            if (!fits.TryGetValue(version, out var fit))
            {
                fits[version] = fit = version == final ? new VersionFit(true, finalLog.Events) : FitOf(reader, finalLog, version);
            }

            return fit;
        }

        var compared = 0;
        foreach (var id in order)
        {
            var version = versions[id];
            var parents = commits[id].Parents;
            for (var i = 0; i < Math.Max(1, parents.Length); i++)
            {
                // A root commit is compared with no log at all.
                var before = LogVersion.None;
                if (parents.Length > 0 && !versions.TryGetValue(parents[i], out before))
                {
                    continue; // beyond a graft: nothing to compare with.
                }

                if (before == version)
                {
                    continue;
                }

                compared++;
                var (was, now) = (Fit(before), Fit(version));
                var settled = was.PrefixOfFinal && now.PrefixOfFinal;
                if (settled ? now.Events < was.Events : !ExactlyExtends(reader, before, version))
                {
                    return Rewritten(reader, commits[id], before, version, compared);
                }
            }
        }

        return new AuditHistoryResult(AuditHistoryState.Extends, compared, $"{compared} committed version(s) of the log, each extending the one before it.");
    }

    private static VersionFit FitOf(ObjectReader reader, FinalLog final, LogVersion version)
    {
        if (version.Log is not { } log)
        {
            return new VersionFit(version.Head is null, 0);
        }

        // The head file an append writes for the final log's event that ends where this version ends: when
        // the committed head file is that blob, the head needs no reading (it may be stored as a delta on a
        // large log version, which the pack would inflate whole to read a few bytes).
        var size = reader.Size(log);
        if (version.Head is { } expected && final.EventsEndingAt(size) is { } seq and > 0 && final.HashOf(seq) is { } lastHash
            && expected == GitOid.OfBlob(Encoding.UTF8.GetBytes(AuditLogText.Head(seq, lastHash))))
        {
            return new VersionFit(true, seq);
        }

        if (version.Head is { } headId && AuditLogText.ParseHead(Encoding.UTF8.GetString(reader.Blob(headId))) is { } recorded)
        {
            return new VersionFit(final.Fits(recorded.Seq, recorded.Hash, size), recorded.Seq);
        }

        // No usable head file: compare the whole version.
        return final.StartsWith(reader.Blob(log), out var events) && version.Head is null
            ? new VersionFit(true, events)
            : new VersionFit(false, events);
    }

    /// <summary>
    /// The slow path, for a pair the final log cannot settle (a history that was rewritten later): reads both
    /// versions and checks that the newer one starts with the older one and that its head file matches it.
    /// </summary>
    private static bool ExactlyExtends(ObjectReader reader, LogVersion before, LogVersion after)
    {
        var old = before.Log is { } b ? reader.Blob(b) : Array.Empty<byte>();
        var current = after.Log is { } a ? reader.Blob(a) : Array.Empty<byte>();
        if (current.Length < old.Length || !current.AsSpan(0, old.Length).SequenceEqual(old))
        {
            return false;
        }

        if (after.Head is not { } headId)
        {
            return before.Head is null && (after.Log is null || before.Log is not null || current.Length == 0);
        }

        var recorded = AuditLogText.ParseHead(Encoding.UTF8.GetString(reader.Blob(headId)));
        var previous = before.Head is { } previousId ? AuditLogText.ParseHead(Encoding.UTF8.GetString(reader.Blob(previousId))) : null;
        if (recorded is null || recorded.Value.Seq < (previous?.Seq ?? 0))
        {
            return false;
        }

        var finalOfAfter = new FinalLog(current);
        return recorded.Value.Seq <= finalOfAfter.Events && (recorded.Value.Seq == 0 || finalOfAfter.HashOf(recorded.Value.Seq) == recorded.Value.Hash);
    }

    private static AuditHistoryResult Rewritten(ObjectReader reader, RawCommit commit, LogVersion before, LogVersion after, int compared)
    {
        string? Text(GitOid? id) => id is { } blob ? Encoding.UTF8.GetString(reader.Blob(blob)) : null;
        var (change, changedEvent, description) = FirstChange.Between(Text(before.Log), Text(before.Head), Text(after.Log), Text(after.Head));
        var info = commit.Info();
        var author = $"{info.AuthorName} <{info.AuthorEmail}>";
        return new AuditHistoryResult(AuditHistoryState.Rewritten, compared,
            $"Commit {info.ShortSha} by {author} on {info.AuthorDate.UtcDateTime:yyyy-MM-dd} ('{info.Summary}') {description}: every committed version of the log must extend the one before it.")
        {
            Commit = info.Sha,
            Author = author,
            Change = change,
            FirstChangedSeq = changedEvent?.Seq,
            FirstChangedHash = changedEvent?.Hash,
        };
    }
}
