using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading.Tasks;
using Compliance.Engine.Git;
using Compliance.Model.Linking;

namespace Compliance.Engine.Evidence;

/// <summary>Every artifact a sidecar describes, resolved safely and hashed (in parallel), with its provenance.</summary>
public static class EvidenceInventory
{
    public static IReadOnlyList<Artifact> Build(string root, LinkedProgramme programme, Provenance provenance)
    {
        var records = programme.Evidence.ToList();
        var artifacts = new Artifact[records.Count];
        Parallel.For(0, records.Count, i =>
        {
            var record = records[i];
            var sidecar = record.Span.Path;
            var folder = sidecar.Contains('/') ? sidecar.Substring(0, sidecar.LastIndexOf('/')) : string.Empty;
            var path = EvidencePaths.Resolve(root, folder, record.Artifact.Value);
            var digest = path.IsSafe && path.Exists ? Sha256(path.FullPath!) : null;
            var history = path.Relative is null ? null : provenance.Find(path.Relative);
            var uncommitted = provenance.Available && (
                history is null
                || provenance.Uncommitted.Contains(sidecar)
                || (path.Relative is not null && provenance.Uncommitted.Contains(path.Relative)));
            artifacts[i] = new Artifact(record, sidecar, path, digest, history, provenance.Find(sidecar), uncommitted);
        });

        return artifacts.OrderBy(a => a.SidecarPath, StringComparer.Ordinal).ToList();
    }

    public static string Sha256(string fullPath)
    {
        using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
