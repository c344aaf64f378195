using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace Compliance.Engine.Audit;

/// <summary>
/// The log's text, wherever it is stored (the work tree or a git ref): how an event is appended to it
/// and how it is verified. One reader of the format for every store.
/// </summary>
public static class AuditLogText
{
    /// <summary>The log after an append: its new text and head file, and the event; or the event already there.</summary>
    public sealed record Appended(AuditEvent Event, string Content, string Head, bool AlreadyPresent);

    /// <summary>
    /// Appends an event to <paramref name="existing"/>. When an event with <paramref name="id"/> is already in
    /// the log, nothing is appended: an earlier attempt landed.
    /// </summary>
    public static Appended Append(string existing, string type, string actor, string? artifact, IReadOnlyDictionary<string, string> fields, DateTimeOffset time, string? id, Signing.EventSigner? signer = null)
    {
        AuditEvent? last = null;
        foreach (var line in Lines(existing))
        {
            last = AuditEvent.Parse(line) ?? throw new InvalidDataException("A line of the audit log is not an event: run 'compliance audit verify' before appending.");
            if (id is not null && last.Id == id)
            {
                return new Appended(last, existing, string.Empty, AlreadyPresent: true);
            }
        }

        var appended = AuditEvent.Create((last?.Seq ?? 0) + 1, time, type, actor, artifact, fields, last?.Hash ?? AuditEvent.Genesis, id, signer is null ? null : signer.Sign);
        var separator = existing.Length == 0 || existing.EndsWith('\n') ? string.Empty : "\n";
        return new Appended(appended, existing + separator + appended.ToLine() + "\n", Head(appended), AlreadyPresent: false);
    }

    /// <summary>The events that parse, in order.</summary>
    public static IReadOnlyList<AuditEvent> Events(string content) =>
        Lines(content).Select(AuditEvent.Parse).Where(e => e is not null).Cast<AuditEvent>().ToList();

    public static IEnumerable<string> Lines(string content) => content.Split('\n').Where(l => l.Length > 0);

    public static string Head(AuditEvent last) => Head(last.Seq, last.Hash);

    /// <summary>The head file recording (seq, hash) as the last event, byte for byte as an append writes it.</summary>
    public static string Head(long seq, string hash)
    {
        // Written member by member rather than reflected on (Native AOT), with the serializer's default encoder and compact layout.
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("seq", seq);
            writer.WriteString("hash", hash);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    /// <summary>The head file's record of the last event appended; null when it is not a head file.</summary>
    public static (long Seq, string Hash)? ParseHead(string head)
    {
        try
        {
            using var document = JsonDocument.Parse(head);
            var seq = document.RootElement.GetProperty("seq").GetInt64();
            var hash = document.RootElement.GetProperty("hash").GetString();
            return seq < 0 || hash is null ? null : (seq, hash);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// Verifies the chain of <paramref name="content"/> (null: no log), its head file (null: none), and that
    /// <paramref name="committed"/>, when given, is a prefix of it.
    /// </summary>
    public static AuditVerification Verify(string? content, string? head, string? committed)
    {
        if (content is null)
        {
            return head is not null
                ? AuditVerification.Fail(AuditProblem.Truncated, 1, "The audit log is missing but its head file records appended events.")
                : AuditVerification.Ok(0);
        }

        var lines = Lines(content).ToList();
        var chain = VerifyChain(lines);
        if (chain is not null)
        {
            return chain;
        }

        var count = lines.Count;
        if (head is not null)
        {
            var recorded = ParseHead(head);
            if (recorded is null)
            {
                return AuditVerification.Fail(AuditProblem.Tampered, count + 1, "The audit log's head file is not valid.");
            }

            if (recorded.Value.Seq > count)
            {
                return AuditVerification.Fail(AuditProblem.Truncated, count + 1,
                    $"The log ends after seq {count}, but its head file records seq {recorded.Value.Seq}: {recorded.Value.Seq - count} event(s) were cut off the end.");
            }

            if (recorded.Value.Seq > 0 && AuditEvent.Parse(lines[(int)recorded.Value.Seq - 1])?.Hash != recorded.Value.Hash)
            {
                return AuditVerification.Fail(AuditProblem.Tampered, (int)recorded.Value.Seq, $"Line {recorded.Value.Seq} does not match the hash its head file records.");
            }
        }
        else if (count > 0)
        {
            return AuditVerification.Fail(AuditProblem.Truncated, count + 1, "The audit log has no head file, so truncation could not be ruled out.");
        }

        if (committed is not null && !content.StartsWith(committed, StringComparison.Ordinal))
        {
            var committedLines = Lines(committed).ToList();
            var firstDifferent = Enumerable.Range(0, committedLines.Count).FirstOrDefault(i => i >= lines.Count || lines[i] != committedLines[i], committedLines.Count) + 1;
            return AuditVerification.Fail(AuditProblem.Rewritten, firstDifferent,
                $"The committed log has {committedLines.Count} event(s) and the current one differs from it at line {firstDifferent}: committed events were changed or removed.");
        }

        return AuditVerification.Ok(count);
    }

    private static AuditVerification? VerifyChain(List<string> lines)
    {
        var previous = AuditEvent.Genesis;
        var ids = new HashSet<string>(StringComparer.Ordinal);
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

            if (parsed.Seq != number)
            {
                return AuditVerification.Fail(AuditProblem.Tampered, number, $"Line {number} has seq {parsed.Seq} where {number} was expected.");
            }

            if (parsed.Id is not null && !ids.Add(parsed.Id))
            {
                return AuditVerification.Fail(AuditProblem.Tampered, number, $"Line {number} (seq {parsed.Seq}) repeats event ID '{parsed.Id}': an event was added twice.");
            }

            previous = parsed.Hash;
        }

        return null;
    }
}
