using System;
using System.Collections.Generic;
using System.Linq;
using Compliance.Engine.Encryption;
using Compliance.Model.Diagnostics;
using Compliance.Model.Documents;

namespace Compliance.Engine.Checks;

/// <summary>
/// Encryption verified, not attested (164.312(a)(2)(iv), 164.312(e)(1)): every in-scope endpoint's
/// latest deploy-time verification exists, is fresh, negotiated TLS 1.2 or later, and its artifact
/// signature check (when recorded) passed.
/// </summary>
public static class EncryptionChecks
{
    /// <summary>Reads every TLS verification artifact once; the checks and the site use what this returns.</summary>
    public static IReadOnlyList<TlsVerification> ReadVerifications(CheckContext context) => context.Artifacts
        .Where(a => a.Record.Type == EvidenceTypes.TlsVerification)
        .Select(a =>
        {
            var endpointId = a.Record.Endpoint?.Value;
            var record = a.IsIntact ? TlsVerificationRecord.Read(a.Path.FullPath!) : null;
            var problem = !a.IsIntact ? TlsRecordProblem.NotIntact
                : record is null ? TlsRecordProblem.NotARecord
                : endpointId is not null && record.Endpoint != endpointId ? TlsRecordProblem.EndpointMismatch
                : TlsRecordProblem.None;
            return new TlsVerification(a, endpointId, record, problem, a.CollectedOn is { } day && day > context.AsOf);
        })
        .ToList();

    public static IReadOnlyList<EndpointStatus> Run(CheckContext context, IReadOnlyList<TlsVerification> verifications)
    {
        var statuses = new List<EndpointStatus>();
        var endpoints = context.Programme.Programme?.Endpoints ?? default;
        foreach (var endpoint in endpoints)
        {
            var id = endpoint.Id.Value;
            var freshness = Freshness(context, endpoint.Evidence.Value);
            // The sidecar names the endpoint a record counts for; a body that names another is shown on the site as a mismatch.
            var latest = verifications
                .Where(v => v.EndpointId == id && v.Record is not null && v.Problem is TlsRecordProblem.None or TlsRecordProblem.EndpointMismatch && !v.CollectedAfterAsOf && v.Artifact.CollectedOn is not null)
                .OrderByDescending(v => v.Artifact.CollectedOn)
                .ThenByDescending(v => v.Record!.VerifiedAt, StringComparer.Ordinal)
                .FirstOrDefault();

            if (latest is null)
            {
                context.Report(Rules.EndpointUnverified, endpoint.Id.Span, id, $"The endpoint '{id}' ({endpoint.Url}) has no TLS verification on record.");
                statuses.Add(new EndpointStatus(id, endpoint.Url, null, null, EndpointState.Unverified));
                continue;
            }

            var (artifact, record) = (latest.Artifact, latest.Record!);
            var where = record.VerifiedAt;
            var state = EndpointState.Verified;
            var age = context.AsOf.DayNumber - artifact.CollectedOn!.Value.DayNumber;
            if (freshness is { } days && age > days)
            {
                state = EndpointState.Stale;
                context.Report(Rules.VerificationStale, endpoint.Id.Span, id,
                    $"The latest TLS verification of '{id}' is from {CheckContext.Iso(artifact.CollectedOn.Value)}, {age} days old; it must be at most {days} days old.");
            }

            if (!record.Succeeded)
            {
                state = EndpointState.Failed;
                context.Report(Rules.HandshakeFailed, endpoint.Id.Span, id, $"The latest TLS verification of '{id}' ({where}) failed: {record.Error}.");
            }
            else if (!record.ProtocolAcceptable)
            {
                state = EndpointState.Weak;
                context.Report(Rules.WeakTransportEncryption, endpoint.Id.Span, id, $"The endpoint '{id}' negotiated {record.Protocol} ({record.Cipher}) on {where}; TLS 1.2 or later is required.");
            }

            if (record.Signature is { Verified: false } signature)
            {
                state = EndpointState.SignatureFailed;
                context.Report(Rules.ArtifactSignatureFailed, endpoint.Id.Span, id,
                    $"The signature of artifact {signature.Artifact} deployed to '{id}' did not verify for signer '{signature.Signer}' ({signature.Error ?? "no reason given"}).");
            }

            statuses.Add(new EndpointStatus(id, endpoint.Url, artifact.Path.Relative, latest, state));
        }

        return statuses;
    }

    private static int? Freshness(CheckContext context, string key)
    {
        var parts = key.Split('/');
        return parts.Length == 2
            ? context.Programme.Lookups.Control(parts[0])?.Evidence.FirstOrDefault(e => e.Id.Value == parts[1])?.FreshnessDays
            : null;
    }
}

/// <summary>An endpoint's verification state on the as-of date, and the verification it was decided from.</summary>
public sealed record EndpointStatus(string EndpointId, string Url, string? Artifact, TlsVerification? LatestVerification, EndpointState State)
{
    public TlsVerificationRecord? Latest => LatestVerification?.Record;
}
