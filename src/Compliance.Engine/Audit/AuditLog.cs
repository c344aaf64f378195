using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;

namespace Compliance.Engine.Audit;

/// <summary>
/// The append-only, hash-chained audit log (45 CFR 164.312(b)) under evidence/. Appends take an
/// exclusive lock file, so concurrent appenders never interleave. An append reads only the log's last
/// line, writes the new line at the end and flushes it to disk, then replaces the head file (which
/// records the last event appended, which is how truncation is detected) by an atomic rename: the cost
/// of an event does not grow with the log. See <see cref="AuditLogTail"/> for what a crash can leave.
/// </summary>
public sealed partial class AuditLog
{
    public const string DefaultPath = "evidence/audit/audit-log.jsonl";

    public AuditLog(string path) => Path = System.IO.Path.GetFullPath(path);

    public string Path { get; }

    public string HeadPath => Path + ".head";

    public string LockPath => Path + ".lock";

    /// <summary>The repo-relative files the log consists of, which the evidence checks account for.</summary>
    public static IEnumerable<string> OwnFiles(string relativeLogPath) => new[] { relativeLogPath, relativeLogPath + ".head" };

    public static AuditLog ForRoot(string root) => new(System.IO.Path.Combine(root, DefaultPath));

    public AuditEvent Append(string type, string actor, string? artifact, IReadOnlyDictionary<string, string> fields, Func<DateTimeOffset> now, TimeSpan? wait = null, string? id = null, Signing.EventSigner? signer = null)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        using var exclusive = AcquireLock(wait ?? TimeSpan.FromSeconds(30));
        using var log = new FileStream(Path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 1, FileOptions.None);
        var tail = AuditLogTail.Read(log, File.Exists(HeadPath) ? File.ReadAllText(HeadPath) : null);

        // Only the last event is needed to chain the next; an event ID (exactly once) needs the whole log to look in.
        var basis = id is null ? tail.LastLineText : tail.CompleteText(log);
        var next = AuditLogText.Append(basis, type, actor, artifact, fields, now(), id, signer);
        if (next.AlreadyPresent)
        {
            return next.Event;
        }

        if (!next.Content.StartsWith(basis, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The audit log's text format did not append after the existing events.");
        }

        tail.Write(log, Encoding.UTF8.GetBytes(next.Content, basis.Length, next.Content.Length - basis.Length));
        ReplaceHead(next.Head);
        return next.Event;
    }

    public IReadOnlyList<AuditEvent> Read()
    {
        if (!File.Exists(Path))
        {
            return Array.Empty<AuditEvent>();
        }

        return AuditLogText.Events(File.ReadAllText(Path));
    }

    /// <summary>Verifies the log's files, and that <paramref name="committedContent"/> (the log as committed) is a prefix of it.</summary>
    public AuditVerification Verify(string? committedContent = null) => AuditLogText.Verify(
        File.Exists(Path) ? File.ReadAllText(Path) : null,
        File.Exists(HeadPath) ? File.ReadAllText(HeadPath) : null,
        committedContent);

    /// <summary>
    /// The head is replaced by a rename, so it is never seen half-written. It is written after the log's line is
    /// on disk, so it never gets ahead of the log; it is not flushed itself (a second flush per event would double
    /// the cost): a head lost in a crash is the old head, which the next append replaces.
    /// </summary>
    private void ReplaceHead(string head)
    {
        var temp = $"{HeadPath}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.None))
            {
                file.Write(Encoding.UTF8.GetBytes(head));
            }

            File.Move(temp, HeadPath, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>An exclusive lock shared by processes and threads: FileShare.None takes an OS-level lock on the lock file.</summary>
    private FileStream AcquireLock(TimeSpan wait)
    {
        var deadline = DateTime.UtcNow + wait;
        var delay = 5;
        while (true)
        {
            try
            {
                return new FileStream(LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(Random.Shared.Next(delay, delay * 2));
                delay = Math.Min(delay * 2, 200);
            }
        }
    }
}
