using System;
using System.Collections.Generic;
using System.Linq;
using Compliance.Engine.Git;
using Compliance.Engine.Evidence;
using Compliance.Engine.Git.Objects;
using Compliance.Engine.Loading;
using Compliance.Model.Documents;

namespace Compliance.Engine.Period;

/// <summary>
/// Every committed version of the programme's files that the period needs, each parsed once with the
/// model's parser, from the versions the one provenance walk recorded: controls/ (definitions and
/// decisions), policies/ (policies and the registries) and the evidence sidecars with their artifacts.
/// </summary>
internal sealed class ProgrammeHistory
{
    public List<FileVersion> Controls { get; } = new();

    public List<FileVersion> Policies { get; } = new();

    public List<FileVersion> Sidecars { get; } = new();

    /// <summary>Each artifact path's committed versions with their SHA-256, read on first use.</summary>
    private readonly Dictionary<string, List<ArtifactVersion>> _artifacts = new(StringComparer.Ordinal);

    private readonly Provenance _provenance;
    private readonly ObjectReader _reader;
    private readonly DateOnly _lastDay;

    private ProgrammeHistory(Provenance provenance, ObjectReader reader, DateOnly lastDay)
    {
        _provenance = provenance;
        _reader = reader;
        _lastDay = lastDay;
    }

    public static ProgrammeHistory Read(Provenance provenance, ObjectReader reader, DateOnly lastDay)
    {
        var history = new ProgrammeHistory(provenance, reader, lastDay);
        var paths = provenance.Paths.Keys.OrderBy(p => p, StringComparer.Ordinal).Select(p => (Path: p, Kind: KindOf(p))).Where(p => p.Kind is not null).ToList();

        // Reading and parsing the versions is the period's cost, and paths are independent: read them on
        // every core, each worker with a reader of its own (libgit2 handles are not shared), in path order.
        var parsed = InParallel(provenance, paths.Select(p => p.Path).ToList(), (local, path) => FileVersions.Parsed(provenance, local, path, lastDay));
        for (var i = 0; i < paths.Count; i++)
        {
            (paths[i].Kind == Kind.Controls ? history.Controls : paths[i].Kind == Kind.Policies ? history.Policies : history.Sidecars).AddRange(parsed[i]);
        }

        // Every artifact a sidecar version names is hashed up front, on every core too.
        var artifacts = history.Sidecars.Where(s => s.Parsed.Evidence is not null).Select(s => ArtifactPath(s, s.Parsed.Evidence!))
            .Where(p => p is not null).Select(p => p!).Distinct(StringComparer.Ordinal).OrderBy(p => p, StringComparer.Ordinal).ToList();
        var hashed = InParallel(provenance, artifacts, (local, path) => FileVersions.Hashed(provenance, local, path, lastDay));
        for (var i = 0; i < artifacts.Count; i++)
        {
            history._artifacts[artifacts[i]] = hashed[i];
        }

        return history;
    }

    private enum Kind
    {
        Controls,
        Policies,
        Sidecars,
    }

    private static Kind? KindOf(string path) =>
        path.StartsWith("controls/", StringComparison.Ordinal) && IsYaml(path) ? Kind.Controls
        : path.StartsWith("policies/", StringComparison.Ordinal) && (IsYaml(path) || path.EndsWith(".md", StringComparison.OrdinalIgnoreCase)) ? Kind.Policies
        : path.StartsWith("evidence/", StringComparison.Ordinal) && path.EndsWith(ProgrammeLoader.SidecarSuffix, StringComparison.Ordinal) ? Kind.Sidecars
        : null;

    private static T[] InParallel<T>(Provenance provenance, List<string> paths, Func<ObjectReader, string, T> read)
    {
        var results = new T[paths.Count];
        var workers = Math.Max(1, Math.Min(Environment.ProcessorCount, 8));
        var chunk = (paths.Count + workers - 1) / workers;
        System.Threading.Tasks.Parallel.For(0, workers, new System.Threading.Tasks.ParallelOptions { MaxDegreeOfParallelism = workers }, worker =>
        {
            using var local = new ObjectReader(provenance.GitDirectory!);
            for (var i = worker * chunk; i < Math.Min(paths.Count, (worker + 1) * chunk); i++)
            {
                results[i] = read(local, paths[i]);
            }
        });

        return results;
    }

    /// <summary>The committed versions of the artifact a sidecar version names, resolved as the as-of check resolves it.</summary>
    public IReadOnlyList<ArtifactVersion> ArtifactOf(FileVersion sidecar, EvidenceRecord record)
    {
        var relative = ArtifactPath(sidecar, record);
        if (relative is null)
        {
            return Array.Empty<ArtifactVersion>();
        }

        if (!_artifacts.TryGetValue(relative, out var versions))
        {
            _artifacts[relative] = versions = FileVersions.Hashed(_provenance, _reader, relative, _lastDay);
        }

        return versions;
    }

    /// <summary>An artifact version's committed bytes.</summary>
    public byte[] Content(ArtifactVersion version) => _reader.Blob(version.Blob!.Value);

    /// <summary>The repo-relative path of the artifact a sidecar version names (null: it points outside evidence/).</summary>
    public static string? ArtifactPath(FileVersion sidecar, EvidenceRecord record)
    {
        var folder = sidecar.Path.Contains('/') ? sidecar.Path.Substring(0, sidecar.Path.LastIndexOf('/')) : string.Empty;
        return EvidencePaths.Combine(folder, record.Artifact.Value);
    }

    private static bool IsYaml(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
}
