using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;

namespace Compliance.Tests.Shared;

/// <summary>
/// NIST's OSCAL and OASIS's SARIF schemas as published, read at run time from <c>../shared/schemas</c> beside the
/// checkout (they are other organisations' data, never copied into the repository). Each file is checked against
/// the folder's SHA256SUMS, so a damaged copy fails instead of validating against the wrong thing.
/// </summary>
public static class PublishedSchemas
{
    public const string Oscal112 = "oscal_complete_schema-1-1-2.json";
    public const string Oscal121 = "oscal_complete_schema-1-2-1.json";
    public const string Sarif210 = "sarif-schema-2.1.0.json";

    public static string AbsentReason =>
        "NOT RUN: the published schemas (NIST OSCAL, OASIS SARIF) are not in ../shared/schemas beside this checkout"
        + $" (looked in {ExpectedFolder}). Outside CI this test is skipped; with CI=true it fails.";

    // Lazy: GetOrAdd may run its factory twice at once, and JsonSchema.Net registers a schema's anchors in one global
    // registry, so a second, concurrent build of the same schema failed with a duplicate key.
    private static readonly ConcurrentDictionary<string, Lazy<SchemaValidator>> Validators = new();

    /// <summary>Where the folder should be: <c>&lt;repo root&gt;/../shared/schemas</c>.</summary>
    public static string ExpectedFolder { get; } = Path.GetFullPath(Path.Combine(FindRepoRoot(), "..", "shared", "schemas"));

    public static bool Available => File.Exists(Path.Combine(ExpectedFolder, "SHA256SUMS"));

    /// <summary>CI has the copy: there an absent folder is a failure, never a skip.</summary>
    public static bool MustRun => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The validator for one published schema; fails plainly when the folder or the file is missing or altered.</summary>
    public static SchemaValidator Validator(string file) =>
        Validators.GetOrAdd(file, static f => new Lazy<SchemaValidator>(() => SchemaValidator.Load(VerifiedPath(f)), System.Threading.LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    private static string VerifiedPath(string file)
    {
        if (!Available)
        {
            throw new InvalidOperationException(AbsentReason);
        }

        var path = Path.Combine(ExpectedFolder, file);
        var expected = File.ReadAllLines(Path.Combine(ExpectedFolder, "SHA256SUMS"))
            .Select(line => line.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries))
            .SingleOrDefault(parts => parts.Length == 2 && parts[1].Trim() == file)?[0];
        using var stream = File.OpenRead(path);
        var actual = Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant();
        if (expected != actual)
        {
            throw new InvalidOperationException($"{path} does not match its SHA256SUMS entry ({expected ?? "none"}): it is not the published schema.");
        }

        return path;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Compliance.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Compliance.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The dialect a schema declares, from its <c>$schema</c>.</summary>
    internal static string Dialect(string schemaText)
    {
        using var document = JsonDocument.Parse(schemaText);
        return document.RootElement.TryGetProperty("$schema", out var value) ? value.GetString() ?? "" : "";
    }

    internal static IReadOnlyList<string> Top(IEnumerable<string> errors) => errors.Take(25).ToList();
}

/// <summary>A fact over the published schemas: skipped, with the reason in the output, when they are absent outside CI.</summary>
public sealed class PublishedSchemaFactAttribute : FactAttribute
{
    public PublishedSchemaFactAttribute()
    {
        if (!PublishedSchemas.Available && !PublishedSchemas.MustRun)
        {
            Skip = PublishedSchemas.AbsentReason;
        }
    }
}

/// <summary>The theory form of <see cref="PublishedSchemaFactAttribute"/>.</summary>
public sealed class PublishedSchemaTheoryAttribute : TheoryAttribute
{
    public PublishedSchemaTheoryAttribute()
    {
        if (!PublishedSchemas.Available && !PublishedSchemas.MustRun)
        {
            Skip = PublishedSchemas.AbsentReason;
        }
    }
}
