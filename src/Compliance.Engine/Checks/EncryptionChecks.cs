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
    public static IReadOnlyList<EndpointStatus> Run(CheckContext context)
    {
        var statuses = new List<EndpointStatus>();
        var endpoints = context.Programme.Programme?.Endpoints ?? default;
        foreach (var endpoint in endpoints)
        {
            var id = endpoint.Id.Value;
            var freshness = Freshness(context, endpoint.Evidence.Value);
            var latest = context.Artifacts
                .Where(a => a.Record.Type == EvidenceTypes.TlsVerification && a.Record.Endpoint?.Value == id && a.IsIntact && a.CollectedOn is { } day && day <= context.AsOf)
                .Select(a => (Artifact: a, Record: TlsVerificationRecord.Read(a.Path.FullPath!)))
                .Where(p => p.Record is not null)
                .OrderByDescending(p => p.Artifact.CollectedOn)
                .ThenByDescending(p => p.Record!.VerifiedAt, StringComparer.Ordinal)
                .FirstOrDefault();

            if (latest.Artifact is null)
            {
                context.Report(Rules.EndpointUnverified, endpoint.Id.Span, id, $"The endpoint '{id}' ({endpoint.Url}) has no TLS verification on record.");
                statuses.Add(new EndpointStatus(id, endpoint.Url, null, null, "unverified"));
                continue;
            }

            var (artifact, record) = (latest.Artifact, latest.Record!);
            var where = record.VerifiedAt;
            var state = "verified";
            var age = context.AsOf.DayNumber - artifact.CollectedOn!.Value.DayNumber;
            if (freshness is { } days && age > days)
            {
                state = "stale";
                context.Report(Rules.VerificationStale, endpoint.Id.Span, id,
                    $"The latest TLS verification of '{id}' is from {CheckContext.Iso(artifact.CollectedOn.Value)}, {age} days old; it must be at most {days} days old.");
            }

            if (!record.Succeeded)
            {
                state = "failed";
                context.Report(Rules.HandshakeFailed, endpoint.Id.Span, id, $"The latest TLS verification of '{id}' ({where}) failed: {record.Error}.");
            }
            else if (!record.ProtocolAcceptable)
            {
                state = "weak";
                context.Report(Rules.WeakTransportEncryption, endpoint.Id.Span, id, $"The endpoint '{id}' negotiated {record.Protocol} ({record.Cipher}) on {where}; TLS 1.2 or later is required.");
            }

            if (record.Signature is { Verified: false } signature)
            {
                state = "signature-failed";
                context.Report(Rules.ArtifactSignatureFailed, endpoint.Id.Span, id,
                    $"The signature of artifact {signature.Artifact} deployed to '{id}' did not verify for signer '{signature.Signer}' ({signature.Error ?? "no reason given"}).");
            }

            statuses.Add(new EndpointStatus(id, endpoint.Url, artifact.Path.Relative, record, state));
        }

        return statuses;
    }

    private static int? Freshness(CheckContext context, string key)
    {
        var parts = key.Split('/');
        return parts.Length == 2
            ? context.Programme.Controls.FirstOrDefault(c => c.Id.Value == parts[0])?.Evidence.FirstOrDefault(e => e.Id.Value == parts[1])?.FreshnessDays
            : null;
    }
}

/// <summary>An endpoint's verification state on the as-of date.</summary>
public sealed record EndpointStatus(string EndpointId, string Url, string? Artifact, TlsVerificationRecord? Latest, string State);
