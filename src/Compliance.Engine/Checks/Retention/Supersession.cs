using System;
using System.Collections.Generic;
using System.Linq;
using Compliance.Engine.Git;
using Compliance.Model.Documents;
using Compliance.Model.Parsing;

namespace Compliance.Engine.Checks;

/// <summary>
/// Which artifact superseded which: for each evidence requirement, an artifact stops being in effect
/// on the day the next newer artifact for the same requirement was collected. Built from the sidecars
/// at HEAD and the last versions of deleted sidecars, so a deleted artifact still knows its requirement.
/// </summary>
internal sealed class Supersession
{
    private readonly Dictionary<string, Served> _byArtifact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Served>> _byKey = new(StringComparer.Ordinal);

    private sealed record Served(string Artifact, string Sidecar, string Key, DateOnly? CollectedOn);

    public static Supersession Build(CheckContext context, DeletedContent content)
    {
        var supersession = new Supersession();
        foreach (var artifact in context.Artifacts)
        {
            if (artifact.Path.Relative is { } path)
            {
                supersession.Add(new Served(path, artifact.SidecarPath, artifact.Record.Key, artifact.CollectedOn));
            }
        }

        foreach (var deletion in context.Provenance.Deletions.Where(d => d.Path.EndsWith(".evidence.yaml", StringComparison.Ordinal)))
        {
            // One reader per format: the model's parser reads the sidecar's last version.
            if (content.Before(deletion.DeletedBy.Sha, deletion.Path) is { } text && ProgrammeFileParser.Parse(deletion.Path, text).Evidence is { } record)
            {
                var folder = deletion.Path.Substring(0, Math.Max(0, deletion.Path.LastIndexOf('/')));
                var collected = record.CollectedOn is { } on ? DateOnly.FromDateTime(on) : (DateOnly?)null;
                supersession.Add(new Served(Normalize(folder + "/" + record.Artifact.Value), deletion.Path, record.Key, collected));
            }
        }

        return supersession;
    }

    /// <summary>The day and the artifact that superseded the artifact (or sidecar) at this path, if a newer one exists.</summary>
    public (DateOnly On, string By)? SupersededOf(string path)
    {
        if (!_byArtifact.TryGetValue(path, out var served) || served.CollectedOn is not { } collected)
        {
            return null;
        }

        // The earliest newer one, then by artifact; the first of a tie, as a stable sort's first element.
        Served? newer = null;
        foreach (var s in _byKey[served.Key])
        {
            if (s.CollectedOn is { } other && other > collected && (newer is null
                || (DayOrder.Compare(s.CollectedOn, newer.CollectedOn) is var order && (order < 0 || (order == 0 && string.CompareOrdinal(s.Artifact, newer.Artifact) < 0)))))
            {
                newer = s;
            }
        }

        return newer is null ? null : (newer.CollectedOn!.Value, newer.Artifact);
    }

    /// <summary>Artifacts at HEAD that a newer one superseded.</summary>
    public IEnumerable<string> SupersededArtifacts => _byArtifact.Values.Where(s => SupersededOf(s.Artifact) is not null).Select(s => s.Artifact).Distinct(StringComparer.Ordinal);

    private void Add(Served served)
    {
        _byArtifact.TryAdd(served.Artifact, served);
        _byArtifact.TryAdd(served.Sidecar, served);
        if (!_byKey.TryGetValue(served.Key, out var list))
        {
            _byKey[served.Key] = list = new List<Served>();
        }

        list.Add(served);
    }

    private static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (part.Length > 0 && part != ".")
            {
                parts.Add(part);
            }
        }

        return string.Join("/", parts);
    }
}
