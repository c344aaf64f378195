using System;
using System.Collections.Generic;
using System.Text;
using Compliance.Engine.Git;
using Compliance.Engine.Git.Objects;
using Compliance.Model.Documents;
using Compliance.Model.Parsing;

namespace Compliance.Engine.Period;

/// <summary>
/// One committed version of a programme file, parsed with the model's own parser, and the days it was
/// the committed version: from its commit's day until the day before the next change (or deletion).
/// Two commits on one day: the later one holds that day.
/// </summary>
public sealed record FileVersion(string Path, DayRange Days, CommitInfo Commit, ParsedFile Parsed);

/// <summary>A committed version of an evidence artifact (the file itself) and its SHA-256 as committed.</summary>
public sealed record ArtifactVersion(DayRange Days, CommitInfo Commit, string Sha256)
{
    /// <summary>The committed blob, for a period check that reads the artifact's content (the access-review exports).</summary>
    internal GitOid? Blob { get; init; }
}

/// <summary>Reads the versions that provenance recorded in its one walk: no second walk over the commits.</summary>
internal static class FileVersions
{
    public static List<FileVersion> Parsed(Provenance provenance, ObjectReader reader, string path, DateOnly lastDay)
    {
        var result = new List<FileVersion>();
        foreach (var (version, days) in Spans(provenance, path, lastDay))
        {
            var text = Encoding.UTF8.GetString(reader.Blob(version.Blob!.Value));
            result.Add(new FileVersion(path, days, version.Commit, ProgrammeFileParser.Parse(path, text)));
        }

        return result;
    }

    public static List<ArtifactVersion> Hashed(Provenance provenance, ObjectReader reader, string path, DateOnly lastDay)
    {
        var result = new List<ArtifactVersion>();
        foreach (var (version, days) in Spans(provenance, path, lastDay))
        {
            var digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(reader.Blob(version.Blob!.Value)));
            result.Add(new ArtifactVersion(days, version.Commit, digest) { Blob = version.Blob });
        }

        return result;
    }

    /// <summary>Each non-deleted version with the days it held, up to <paramref name="lastDay"/>.</summary>
    private static IEnumerable<(PathVersion Version, DayRange Days)> Spans(Provenance provenance, string path, DateOnly lastDay)
    {
        if (provenance.Find(path) is not { } history)
        {
            yield break;
        }

        var versions = history.Versions;
        for (var i = 0; i < versions.Count; i++)
        {
            if (versions[i].Blob is null)
            {
                continue;
            }

            var start = versions[i].Commit.CommitDay;
            var end = i + 1 < versions.Count ? versions[i + 1].Commit.CommitDay.AddDays(-1) : lastDay;
            if (DayRange.Between(start, end < lastDay ? end : lastDay) is { } days)
            {
                yield return (versions[i], days);
            }
        }
    }
}
