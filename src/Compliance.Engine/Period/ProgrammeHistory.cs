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
        foreach (var path in provenance.Paths.Keys.OrderBy(p => p, StringComparer.Ordinal))
        {
            var target = path.StartsWith("controls/", StringComparison.Ordinal) && IsYaml(path) ? history.Controls
                : path.StartsWith("policies/", StringComparison.Ordinal) && (IsYaml(path) || path.EndsWith(".md", StringComparison.OrdinalIgnoreCase)) ? history.Policies
                : path.StartsWith("evidence/", StringComparison.Ordinal) && path.EndsWith(ProgrammeLoader.SidecarSuffix, StringComparison.Ordinal) ? history.Sidecars
                : null;
            target?.AddRange(FileVersions.Parsed(provenance, reader, path, lastDay));
        }

        return history;
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

    /// <summary>The repo-relative path of the artifact a sidecar version names (null: it points outside evidence/).</summary>
    public static string? ArtifactPath(FileVersion sidecar, EvidenceRecord record)
    {
        var folder = sidecar.Path.Contains('/') ? sidecar.Path.Substring(0, sidecar.Path.LastIndexOf('/')) : string.Empty;
        return EvidencePaths.Combine(folder, record.Artifact.Value);
    }

    private static bool IsYaml(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
}
