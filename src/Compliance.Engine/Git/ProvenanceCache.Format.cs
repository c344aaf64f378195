using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace Compliance.Engine.Git;

/// <summary>
/// The cache file's JSON, written and read field by field: the serializer JIT-compiled hundreds of generic
/// methods per run (ReadyToRun cannot precompile them across the framework's version bubble), more than a
/// one-commit walk costs. The fields are the ones the serializer wrote, less the two it derived (shortSha, commitDay), which nothing
/// reads: existing cache files stay valid.
/// </summary>
public static partial class ProvenanceCache
{
    private static string Serialize(CacheDocument document)
    {
        var buffer = new ArrayBufferWriter<byte>(1 << 14);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("version", document.Version);
            w.WriteString("head", document.Head);
            w.WriteString("prefix", document.Prefix);
            w.WriteNumber("commitsWalked", document.CommitsWalked);
            w.WriteStartArray("paths");
            foreach (var path in document.Paths)
            {
                w.WriteStartObject();
                w.WriteString("path", path.Path);
                w.WriteBoolean("exists", path.Exists);
                w.WriteNumber("changeCount", path.ChangeCount);
                w.WriteStartArray("changes");
                foreach (var change in path.Changes)
                {
                    w.WriteNumberValue(change);
                }

                w.WriteEndArray();
                w.WriteNumber("added", path.Added);
                w.WriteNumber("lastChanged", path.LastChanged);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("deletions");
            foreach (var deletion in document.Deletions)
            {
                w.WriteStartObject();
                w.WriteString("path", deletion.Path);
                w.WriteNumber("deletedBy", deletion.DeletedBy);
                w.WriteNumber("firstAdded", deletion.FirstAdded);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("commits");
            foreach (var commit in document.Commits)
            {
                w.WriteStartObject();
                w.WriteString("sha", commit.Sha);
                w.WriteString("authorName", commit.AuthorName);
                w.WriteString("authorEmail", commit.AuthorEmail);
                w.WriteString("authorDate", commit.AuthorDate);
                w.WriteString("commitDate", commit.CommitDate);
                w.WriteBoolean("signed", commit.Signed);
                w.WriteString("summary", commit.Summary);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The document, or null when the file is not one (a missing or mistyped field throws, and the caller walks afresh).</summary>
    private static CacheDocument? Deserialize(string json)
    {
        using var parsed = JsonDocument.Parse(json);
        var root = parsed.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return new CacheDocument(
            root.GetProperty("version").GetInt32(),
            root.GetProperty("head").GetString()!,
            root.GetProperty("prefix").GetString()!,
            root.GetProperty("commitsWalked").GetInt32(),
            Read(root.GetProperty("paths"), p => new CachedPath(
                p.GetProperty("path").GetString()!,
                p.GetProperty("exists").GetBoolean(),
                p.GetProperty("changeCount").GetInt32(),
                Numbers(p.GetProperty("changes")),
                p.GetProperty("added").GetInt32(),
                p.GetProperty("lastChanged").GetInt32())),
            Read(root.GetProperty("deletions"), d => new CachedDeletion(
                d.GetProperty("path").GetString()!,
                d.GetProperty("deletedBy").GetInt32(),
                d.GetProperty("firstAdded").GetInt32())),
            Read(root.GetProperty("commits"), c => new CommitInfo(
                c.GetProperty("sha").GetString()!,
                c.GetProperty("authorName").GetString()!,
                c.GetProperty("authorEmail").GetString()!,
                c.GetProperty("authorDate").GetDateTimeOffset(),
                c.GetProperty("commitDate").GetDateTimeOffset(),
                c.GetProperty("signed").GetBoolean(),
                c.GetProperty("summary").GetString()!)));
    }

    // Loops, not LINQ over JsonElement (a struct): ReadyToRun cannot precompile framework generics over value types (issue 15).
    private static List<T> Read<T>(JsonElement array, Func<JsonElement, T> item)
        where T : class
    {
        var items = new List<T>(array.GetArrayLength());
        foreach (var element in array.EnumerateArray())
        {
            items.Add(item(element));
        }

        return items;
    }

    private static int[] Numbers(JsonElement array)
    {
        var numbers = new int[array.GetArrayLength()];
        var i = 0;
        foreach (var element in array.EnumerateArray())
        {
            numbers[i++] = element.GetInt32();
        }

        return numbers;
    }
}
