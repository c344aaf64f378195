using System;
using System.Collections.Generic;
using System.Linq;
using Compliance.Engine.Checks;
using Compliance.Engine.Encryption;
using Compliance.Engine.Evidence;
using Compliance.Model.Documents;

namespace Compliance.Site.Model;

/// <summary>The endpoints' TLS verifications: each declared endpoint with its state and every tls-verification artifact on record.</summary>
internal sealed class EncryptionBuilder
{
    private readonly SiteBuildContext _context;

    public EncryptionBuilder(SiteBuildContext context) => _context = context;

    public EncryptionModel Build(List<ArtifactModel> artifacts)
    {
        var bySidecar = new Dictionary<string, ArtifactModel>(StringComparer.Ordinal);
        foreach (var artifact in artifacts)
        {
            if (artifact.SidecarPath is { } sidecar)
            {
                bySidecar.TryAdd(sidecar, artifact);
            }
        }

        var statuses = new Dictionary<string, EndpointStatus>(StringComparer.Ordinal);
        foreach (var status in _context.Result.Endpoints)
        {
            statuses.TryAdd(status.EndpointId, status);
        }

        // The engine read every record once; the site shows what it read and why a record cannot count.
        var verifications = new List<VerificationModel>();
        foreach (var verification in _context.Result.TlsVerifications)
        {
            if (!bySidecar.TryGetValue(verification.Artifact.SidecarPath, out var model))
            {
                continue;
            }

            var endpointId = verification.EndpointId;
            var problem = verification.Problem switch
            {
                TlsRecordProblem.NotIntact => $"The record was not read: {model.Problem ?? "the artifact is not intact."}",
                TlsRecordProblem.NotARecord => "The file is not a TLS verification record, so the check cannot use it.",
                TlsRecordProblem.EndpointMismatch => $"The record names the endpoint '{verification.Record!.Endpoint}', but its sidecar names '{endpointId}'.",
                _ => null,
            };
            var latest = endpointId is not null && statuses.TryGetValue(endpointId, out var s) && ReferenceEquals(s.LatestVerification, verification);
            verifications.Add(new VerificationModel(model, endpointId, verification.Record is { } read ? Record(read) : null, problem, latest, verification.CollectedAfterAsOf));
        }

        // Newest first: by the day collected, then by the moment the handshake was made.
        var ordered = verifications
            .OrderByDescending(v => v.Artifact.CollectedOn ?? DateOnly.MinValue)
            .ThenByDescending(v => v.Record?.VerifiedAt ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(v => v.Artifact.Path, StringComparer.Ordinal)
            .ToList();
        var byEndpoint = ordered.Where(v => v.EndpointId is not null).ToLookup(v => v.EndpointId!, StringComparer.Ordinal);
        var declared = new HashSet<string>(StringComparer.Ordinal);
        var endpoints = new List<EndpointModel>();
        foreach (var endpoint in _context.Endpoints)
        {
            var id = endpoint.Id.Value;
            if (!declared.Add(id))
            {
                continue;
            }

            statuses.TryGetValue(id, out var status);
            var history = byEndpoint[id].ToList();
            var key = endpoint.Evidence.Value;
            var parts = key.Split('/');
            PageRef? evidencePage = parts.Length == 2 && _context.Programme.Lookups.Control(parts[0]) is { } control && control.Evidence.Any(e => e.Id.Value == parts[1])
                ? _context.EvidenceAnchorOrControl(parts[0], parts[1])
                : null;
            endpoints.Add(new EndpointModel(
                id,
                endpoint.Url,
                key,
                evidencePage,
                StateText(status?.State ?? EndpointState.Unverified),
                history.FirstOrDefault(v => v.Latest),
                history,
                _context.Links.EndpointAnchor(id)));
        }

        var undeclared = ordered.Where(v => v.EndpointId is null || !declared.Contains(v.EndpointId)).ToList();
        return new EncryptionModel(endpoints, undeclared, new PageRef(SitePaths.Encryption));
    }

    private static string StateText(EndpointState state) => state switch
    {
        EndpointState.Verified => "verified",
        EndpointState.Stale => "stale",
        EndpointState.Failed => "failed",
        EndpointState.Weak => "weak",
        EndpointState.SignatureFailed => "signature-failed",
        _ => "unverified",
    };

    private static TlsRecordModel Record(TlsVerificationRecord record) => new(
        record.Endpoint ?? string.Empty,
        record.Url ?? string.Empty,
        record.Host ?? string.Empty,
        record.Port,
        record.VerifiedAt ?? string.Empty,
        record.Succeeded,
        record.Protocol,
        record.ProtocolAcceptable,
        record.Cipher,
        record.Error,
        record.Certificate is { } c ? new CertificateModel(c.Subject ?? string.Empty, c.Issuer ?? string.Empty, c.NotAfter ?? string.Empty, c.Sha256 ?? string.Empty) : null,
        record.Signature is { } s ? new SignatureModel(s.Artifact ?? string.Empty, s.Signer ?? string.Empty, s.Verified, s.Error) : null);
}
