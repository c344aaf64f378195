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

    public AuditEvent Append(string type, string actor, string? artifact, IReadOnlyDictionary<string, string> fields, Func<DateTimeOffset> now, TimeSpan? wait = null)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        using var exclusive = AcquireLock(wait ?? TimeSpan.FromSeconds(30));
        var existing = File.Exists(Path) ? File.ReadAllText(Path) : string.Empty;
        var last = LastEvent(existing);
        var appended = AuditEvent.Create((last?.Seq ?? 0) + 1, now(), type, actor, artifact, fields, last?.Hash ?? AuditEvent.Genesis);
        var separator = existing.Length == 0 || existing.EndsWith('\n') ? string.Empty : "\n";
        Reports.AtomicFile.WriteAllText(Path, existing + separator + appended.ToLine() + "\n");
        Reports.AtomicFile.WriteAllText(HeadPath, Head(appended));
        return appended;
    }

    public IReadOnlyList<AuditEvent> Read()
    {
        if (!File.Exists(Path))
        {
            return Array.Empty<AuditEvent>();
        }

        return Lines(File.ReadAllText(Path)).Select(AuditEvent.Parse).Where(e => e is not null).Cast<AuditEvent>().ToList();
    }

    public AuditVerification Verify(string? committedContent = null)
    {
        if (!File.Exists(Path))
        {
            return File.Exists(HeadPath)
                ? AuditVerification.Fail(AuditProblem.Truncated, 1, "The audit log is missing but its head file records appended events.")
                : AuditVerification.Ok(0);
        }

        var content = File.ReadAllText(Path);
        var lines = Lines(content).ToList();
        var previous = AuditEvent.Genesis;
        long expectedSeq = 1;
        for (var i = 0; i < lines.Count; i++)
        {
            var number = i + 1;
            var parsed = AuditEvent.Parse(lines[i]);
            if (parsed is null)
            {
                return AuditVerification.Fail(AuditProblem.Tampered, number, $"Line {number} is not an audit event.");
            }

            if (parsed.ToLine() != lines[i] || AuditEvent.HashOf(parsed.Canonical()) != parsed.Hash)
            {
                return AuditVerification.Fail(AuditProblem.Tampered, number, $"Line {number} (seq {parsed.Seq}) was edited: its content no longer matches its hash.");
            }

            if (parsed.Prev != previous)
            {
                return AuditVerification.Fail(AuditProblem.Tampered, number,
                    $"Line {number} (seq {parsed.Seq}) does not follow line {number - 1}: an event before it was deleted, inserted or reordered.");
            }

            if (parsed.Seq != expectedSeq)
            {
                return AuditVerification.Fail(AuditProblem.Tampered, number, $"Line {number} has seq {parsed.Seq} where {expectedSeq} was expected.");
            }

            previous = parsed.Hash;
            expectedSeq++;
        }

        var count = lines.Count;
        if (File.Exists(HeadPath))
        {
            var head = ReadHead();
            if (head is null)
            {
                return AuditVerification.Fail(AuditProblem.Tampered, count + 1, "The audit log's head file is not valid.");
            }

            if (head.Value.Seq > count)
            {
                return AuditVerification.Fail(AuditProblem.Truncated, count + 1,
                    $"The log ends after seq {count}, but its head file records seq {head.Value.Seq}: {head.Value.Seq - count} event(s) were cut off the end.");
            }

            var atHead = AuditEvent.Parse(lines[(int)head.Value.Seq - 1]);
            if (head.Value.Seq > 0 && atHead?.Hash != head.Value.Hash)
            {
                return AuditVerification.Fail(AuditProblem.Tampered, (int)head.Value.Seq, $"Line {head.Value.Seq} does not match the hash its head file records.");
            }
        }
        else if (count > 0)
        {
            return AuditVerification.Fail(AuditProblem.Truncated, count + 1, "The audit log has no head file, so truncation could not be ruled out.");
        }

        if (committedContent is not null && !content.StartsWith(committedContent, StringComparison.Ordinal))
        {
            var committedLines = Lines(committedContent).ToList();
            var firstDifferent = Enumerable.Range(0, committedLines.Count).FirstOrDefault(i => i >= lines.Count || lines[i] != committedLines[i], committedLines.Count) + 1;
            return AuditVerification.Fail(AuditProblem.Rewritten, firstDifferent,
                $"The committed log has {committedLines.Count} event(s) and the current one differs from it at line {firstDifferent}: committed events were changed or removed.");
        }

        return AuditVerification.Ok(count);
    }

    private static AuditEvent? LastEvent(string content)
    {
        var last = Lines(content).LastOrDefault();
        if (last is null)
        {
            return null;
        }

        return AuditEvent.Parse(last) ?? throw new InvalidDataException("The last line of the audit log is not an event: run 'compliance audit verify' before appending.");
    }

    private static IEnumerable<string> Lines(string content) => content.Split('\n').Where(l => l.Length > 0);

    private static string Head(AuditEvent last) => JsonSerializer.Serialize(new { seq = last.Seq, hash = last.Hash }) + "\n";

    private (long Seq, string Hash)? ReadHead()
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(HeadPath));
            return (document.RootElement.GetProperty("seq").GetInt64(), document.RootElement.GetProperty("hash").GetString()!);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
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

public enum AuditProblem
{
    None,
    Tampered,
    Truncated,
    Rewritten,
}

/// <summary>The result of verifying the log: the number of events, or the first bad line and what is wrong with it.</summary>
public sealed record AuditVerification(bool Valid, int Events, AuditProblem Problem, int Line, string Message)
{
    public static AuditVerification Ok(int events) => new(true, events, AuditProblem.None, 0, $"{events} event(s), hash chain intact.");

    public static AuditVerification Fail(AuditProblem problem, int line, string message) => new(false, 0, problem, line, message);
}
