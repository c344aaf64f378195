using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Compliance.Engine.Audit;

/// <summary>
/// One event of the audit log. Its line is a canonical JSON serialisation (fixed key order, fields
/// sorted), and its hash is the SHA-256 of that line without the hash itself, so any edit to the
/// line, even of white space, breaks the chain. Its ID, when it has one, is chosen by the appender
/// before the first attempt, so a retry after an uncertain push finds the event already landed instead
/// of adding it twice.
/// </summary>
public sealed record AuditEvent(
    long Seq,
    DateTimeOffset Time,
    string Type,
    string Actor,
    string? Artifact,
    IReadOnlyDictionary<string, string> Fields,
    string Prev,
    string Hash)
{
    /// <summary>The appender's ID for the event (unique in the log); null on events written before IDs existed.</summary>
    public string? Id { get; init; }

    /// <summary>The signature over <see cref="SignedBytes"/>; null on an unsigned event. The hash covers it, so it cannot be stripped.</summary>
    public Signing.EventSignature? Signature { get; init; }

    public const string Genesis = "sha256:0000000000000000000000000000000000000000000000000000000000000000";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    public string? Field(string name) => Fields.TryGetValue(name, out var value) ? value : null;

    /// <summary>Creates the next event after <paramref name="previousHash"/>, signs it when given a signer, and computes its hash.</summary>
    public static AuditEvent Create(long seq, DateTimeOffset time, string type, string actor, string? artifact, IReadOnlyDictionary<string, string> fields, string previousHash, string? id = null, Func<AuditEvent, Signing.EventSignature>? sign = null)
    {
        var unsigned = new AuditEvent(seq, time.ToUniversalTime(), type, actor, artifact, new SortedDictionary<string, string>(fields.ToDictionary(f => f.Key, f => f.Value), StringComparer.Ordinal), previousHash, string.Empty) { Id = id };
        var signed = sign is null ? unsigned : unsigned with { Signature = sign(unsigned) };
        return signed with { Hash = HashOf(signed.Serialise(includeHash: false)) };
    }

    /// <summary>
    /// The bytes a signature covers: the UTF-8 of the event's canonical line without "sig" and "hash". They
    /// include seq and prev, so a signed event cannot be replayed at another place in the chain.
    /// </summary>
    public byte[] SignedBytes() => Encoding.UTF8.GetBytes(Serialise(includeHash: false, includeSignature: false));

    /// <summary>The event's line in the log.</summary>
    public string ToLine() => Serialise(includeHash: true);

    public static string HashOf(string canonical) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));

    /// <summary>Parses a line; null when it is not an event.</summary>
    public static AuditEvent? Parse(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var fields = new SortedDictionary<string, string>(StringComparer.Ordinal);
            if (root.TryGetProperty("fields", out var fieldElement))
            {
                foreach (var field in fieldElement.EnumerateObject())
                {
                    fields[field.Name] = field.Value.GetString() ?? string.Empty;
                }
            }

            return new AuditEvent(
                root.GetProperty("seq").GetInt64(),
                DateTimeOffset.Parse(root.GetProperty("time").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                root.GetProperty("type").GetString()!,
                root.GetProperty("actor").GetString()!,
                root.TryGetProperty("artifact", out var artifact) ? artifact.GetString() : null,
                fields,
                root.GetProperty("prev").GetString()!,
                root.GetProperty("hash").GetString()!)
            {
                Id = root.TryGetProperty("id", out var id) ? id.GetString() : null,
                Signature = root.TryGetProperty("sig", out var sig)
                    ? new Signing.EventSignature(sig.GetProperty("key").GetString()!, sig.GetProperty("value").GetString()!)
                    : null,
            };
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    /// <summary>The canonical text of the event without its hash, as the hash covers it.</summary>
    public string Canonical() => Serialise(includeHash: false);

    private string Serialise(bool includeHash, bool includeSignature = true)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteNumber("seq", Seq);
            if (Id is not null)
            {
                writer.WriteString("id", Id);
            }

            writer.WriteString("time", Time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            writer.WriteString("type", Type);
            writer.WriteString("actor", Actor);
            if (Artifact is not null)
            {
                writer.WriteString("artifact", Artifact);
            }

            writer.WriteStartObject("fields");
            foreach (var field in Fields.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                writer.WriteString(field.Key, field.Value);
            }

            writer.WriteEndObject();
            writer.WriteString("prev", Prev);
            if (includeSignature && Signature is not null)
            {
                writer.WriteStartObject("sig");
                writer.WriteString("key", Signature.KeyId);
                writer.WriteString("value", Signature.Value);
                writer.WriteEndObject();
            }

            if (includeHash)
            {
                writer.WriteString("hash", Hash);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
