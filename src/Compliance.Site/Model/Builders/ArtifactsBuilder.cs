using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Compliance.Engine.Evidence;
using Compliance.Model.Documents;

namespace Compliance.Site.Model;

/// <summary>
/// The evidence files of the site: every recorded artifact, and the signed agreements the BAA registry
/// names. Decides each one's viewer page and whether it is copied, and where.
/// </summary>
internal sealed class ArtifactsBuilder
{
    public const long MaxCopyBytes = 64L * 1024 * 1024;

    private static readonly Dictionary<string, ArtifactKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        [".txt"] = ArtifactKind.Text,
        [".csv"] = ArtifactKind.Text,
        [".tsv"] = ArtifactKind.Text,
        [".log"] = ArtifactKind.Text,
        [".yaml"] = ArtifactKind.Text,
        [".yml"] = ArtifactKind.Text,
        [".md"] = ArtifactKind.Markdown,
        [".markdown"] = ArtifactKind.Markdown,
        [".json"] = ArtifactKind.Json,
        [".pdf"] = ArtifactKind.Pdf,
        [".png"] = ArtifactKind.Image,
        [".jpg"] = ArtifactKind.Image,
        [".jpeg"] = ArtifactKind.Image,
        [".gif"] = ArtifactKind.Image,
        [".webp"] = ArtifactKind.Image,
    };

    private readonly SiteBuildContext _context;

    public ArtifactsBuilder(SiteBuildContext context) => _context = context;

    private delegate ArtifactModel ArtifactFactory(string path, PageRef viewer, string? copyPath, string? notCopied, ArtifactKind kind, long? size);

    /// <summary>The signed agreements by the path their BAA names, for the vendor registry.</summary>
    public Dictionary<string, ArtifactModel> Agreements { get; } = new(StringComparer.Ordinal);

    public List<ArtifactModel> Build()
    {
        var list = new List<ArtifactModel>();
        foreach (var artifact in _context.Result.Artifacts)
        {
            list.Add(BuildArtifact(artifact));
        }

        // The signed agreements of the BAA registry: files under evidence/ named by a vendor, not by a sidecar.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var vendor in _context.Programme.Vendors)
        {
            if (vendor.Baa?.Evidence is not { } written || !seen.Add(written.Value))
            {
                continue;
            }

            var agreement = BuildAgreement(vendor, written.Value);
            Agreements[written.Value] = agreement;
            list.Add(agreement);
        }

        return list;
    }

    private ArtifactModel BuildArtifact(Artifact artifact)
    {
        var record = artifact.Record;
        var integrity = !artifact.Path.IsSafe ? ArtifactIntegrity.Refused
            : !artifact.Path.Exists ? ArtifactIntegrity.Missing
            : artifact.HashMatches ? ArtifactIntegrity.Intact
            : ArtifactIntegrity.Tampered;
        var problem = integrity switch
        {
            ArtifactIntegrity.Refused => $"The path is refused because {artifact.Path.RefusedBecause}; the file was not read.",
            ArtifactIntegrity.Missing => "The file named by the sidecar does not exist.",
            ArtifactIntegrity.Tampered => $"The file's SHA-256 is {artifact.ActualSha256}, not the recorded {record.Sha256.Value}: it was modified after it was recorded.",
            _ => null,
        };
        var collector = record.Collector.Value;
        var person = collector.StartsWith(Compliance.Model.Linking.ProgrammeLinker.JobCollectorPrefix, StringComparison.Ordinal) ? null : _context.Person(collector);
        var owner = _context.Lookups.Control(record.Control.Value) is not null ? _context.EvidenceAnchorOrControl(record.Control.Value, record.Requirement.Value) : null;
        var verifies = record.Type == EvidenceTypes.TlsVerification && record.Endpoint is { } endpoint ? _context.EndpointLink(endpoint.Value) : null;
        var placed = Place(
            artifact.Path.Relative ?? record.Artifact.Value,
            artifact.Path.Relative,
            artifact.SidecarPath,
            integrity,
            artifact.Path.FullPath,
            copyable: integrity == ArtifactIntegrity.Intact,
            (path, viewer, copy, reason, kind, size) => new ArtifactModel(
                path,
                FileName(path),
                record.Description,
                record.Control.Value,
                record.Requirement.Value,
                owner,
                artifact.CollectedOn,
                collector,
                person,
                record.Sha256.Value,
                artifact.ActualSha256,
                integrity,
                problem,
                artifact.SidecarPath,
                SiteBuildContext.Commit(artifact.History?.Added),
                SiteBuildContext.Commit(artifact.History?.LastChanged),
                artifact.Uncommitted,
                kind,
                size,
                viewer,
                copy,
                reason,
                artifact.Path.FullPath));
        return verifies is null ? placed : placed with { Verifies = verifies };
    }

    private ArtifactModel BuildAgreement(VendorDefinition vendor, string written)
    {
        var result = _context.Result;
        var path = EvidencePaths.Resolve(result.Options.Root, string.Empty, written);
        var integrity = !path.IsSafe ? ArtifactIntegrity.Refused : !path.Exists ? ArtifactIntegrity.Missing : ArtifactIntegrity.Unrecorded;
        var digest = integrity == ArtifactIntegrity.Unrecorded ? EvidenceInventory.Sha256(path.FullPath!) : null;
        var history = path.Relative is null ? null : result.Provenance.Find(path.Relative);
        var problem = integrity switch
        {
            ArtifactIntegrity.Refused => $"The path is refused because {path.RefusedBecause}; the file was not read.",
            ArtifactIntegrity.Missing => "The file named by the BAA does not exist.",
            _ => null,
        };
        var uncommitted = result.Provenance.Available && path.Relative is not null && (history is null || result.Provenance.Uncommitted.Contains(path.Relative));
        return Place(
            path.Relative ?? written,
            path.Relative,
            null,
            integrity,
            path.FullPath,
            copyable: integrity == ArtifactIntegrity.Unrecorded,
            (relative, viewer, copy, reason, kind, size) => new ArtifactModel(
                relative,
                FileName(relative),
                $"Signed business associate agreement with {vendor.Name}",
                null,
                null,
                _context.Links.VendorAnchor(vendor.Id.Value),
                vendor.Baa?.SignedOn is { } signed ? DateOnly.FromDateTime(signed) : null,
                null,
                null,
                null,
                digest,
                integrity,
                problem,
                null,
                SiteBuildContext.Commit(history?.Added),
                SiteBuildContext.Commit(history?.LastChanged),
                uncommitted,
                kind,
                size,
                viewer,
                copy,
                reason,
                path.FullPath));
    }

    /// <summary>Chooses the artifact's viewer page and, when it may be copied, the path of its copy: under evidence/, never elsewhere.</summary>
    private ArtifactModel Place(string shownPath, string? relative, string? sidecar, ArtifactIntegrity integrity, string? fullPath, bool copyable, ArtifactFactory create)
    {
        var kind = Kinds.TryGetValue(Path.GetExtension(shownPath), out var known) ? known : ArtifactKind.Other;
        long? size = fullPath is not null && integrity is ArtifactIntegrity.Intact or ArtifactIntegrity.Tampered or ArtifactIntegrity.Unrecorded ? new FileInfo(fullPath).Length : null;

        var basePath = relative is not null
            ? SitePaths.SafeRelative(relative)
            : $"evidence/unresolved/{Slugs.Slug(sidecar ?? shownPath)}";
        string? copy = null;
        string? reason;
        if (!copyable)
        {
            reason = integrity switch
            {
                ArtifactIntegrity.Tampered => "Not copied: its content does not match the recorded SHA-256.",
                ArtifactIntegrity.Refused => "Not copied: the path is refused.",
                _ => "Not copied: the file does not exist.",
            };
        }
        else if (kind == ArtifactKind.Other)
        {
            reason = $"Not copied: files of type '{Path.GetExtension(shownPath)}' are listed but not copied into the site (only text, Markdown, JSON, PDF and raster images are). The file is in the repository at {relative}.";
        }
        else if (size > MaxCopyBytes)
        {
            reason = $"Not copied: the file is larger than {MaxCopyBytes / (1024 * 1024)} MiB. It is in the repository at {relative}.";
        }
        else
        {
            reason = null;
            copy = _context.Links.Unique(basePath, sidecar ?? shownPath);
        }

        var viewer = new PageRef(_context.Links.Unique((copy ?? basePath) + ".html", (sidecar ?? shownPath) + "#viewer"));
        return create(shownPath, viewer, copy, reason, kind, size);
    }

    private static string FileName(string path) => path.Contains('/') ? path.Substring(path.LastIndexOf('/') + 1) : path;
}
