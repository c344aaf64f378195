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
/// exclusive lock file, then replace the log and its head file by atomic renames, so concurrent
/// appenders never interleave and readers never see half a line. The head file records the last
/// event appended, which is how truncation is detected.
/// </summary>
public sealed class AuditLog
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
        var existing = File.Exists(Path) ? File.ReadAllText(Path) : string.Empty;
        var next = AuditLogText.Append(existing, type, actor, artifact, fields, now(), id, signer);
        if (next.AlreadyPresent)
        {
            return next.Event;
        }

        Reports.AtomicFile.WriteAllText(Path, next.Content);
        Reports.AtomicFile.WriteAllText(HeadPath, next.Head);
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
