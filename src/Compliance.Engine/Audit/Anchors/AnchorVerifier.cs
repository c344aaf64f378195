using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace Compliance.Engine.Audit.Anchors;

/// <summary>
/// Verifies RFC 3161 anchor tokens against the log. A token's message imprint is the anchored event's hash
/// itself (the 32 bytes of its "sha256:" value), so "still an event of the log" is a lookup by hash. A token is
/// trusted when its CMS signature verifies and its signer chains, at the token's own time, to a certificate the
/// programme trusts, for the time-stamping purpose.
/// </summary>
public static class AnchorVerifier
{
    private const string Sha256Oid = "2.16.840.1.101.3.4.2.1";
    private const string TimeStampingOid = "1.3.6.1.5.5.7.3.8";

    public static AuditAnchor Verify(string name, byte[] token, IReadOnlyDictionary<string, long> seqByHash, X509Certificate2Collection trusted)
    {
        if (!Rfc3161TimestampToken.TryDecode(token, out var decoded, out _) || decoded is null)
        {
            return new AuditAnchor(name, AnchorState.Untrusted, null, null, null, $"The anchor {name} is not an RFC 3161 timestamp token.");
        }

        var info = decoded.TokenInfo;
        if (info.HashAlgorithmId.Value != Sha256Oid)
        {
            return new AuditAnchor(name, AnchorState.Untrusted, null, info.Timestamp, null, $"The anchor {name} is a token over a {info.HashAlgorithmId.FriendlyName ?? info.HashAlgorithmId.Value} imprint, not SHA-256, so it cannot cover an event hash.");
        }

        var imprint = info.GetMessageHash().ToArray();
        var headHash = "sha256:" + Convert.ToHexStringLower(imprint);
        if (!decoded.VerifySignatureForHash(imprint, HashAlgorithmName.SHA256, out var signer, decoded.AsSignedCms().Certificates) || signer is null)
        {
            return new AuditAnchor(name, AnchorState.Untrusted, headHash, info.Timestamp, null, $"The anchor {name}'s signature does not verify: the token was altered or not signed by the TSA it names.");
        }

        var tsa = signer.Subject;
        if (!ChainsToTrusted(signer, decoded.AsSignedCms().Certificates, trusted, info.Timestamp))
        {
            return new AuditAnchor(name, AnchorState.Untrusted, headHash, info.Timestamp, tsa, $"The anchor {name} was signed by '{tsa}', which is not a timestamp authority the programme trusts (audit_anchoring.tsa_certificates).");
        }

        return seqByHash.TryGetValue(headHash, out var seq)
            ? new AuditAnchor(name, AnchorState.Valid, headHash, info.Timestamp, tsa, $"The anchor {name} covers seq {seq} ({headHash}), timestamped by '{tsa}'.") { Seq = seq }
            : new AuditAnchor(name, AnchorState.HashNotInLog, headHash, info.Timestamp, tsa, $"The anchor {name}, timestamped by '{tsa}' at {info.Timestamp.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}, covers {headHash}, which is no event of the log: the log was rewritten after it was anchored.");
    }

    /// <summary>The anchoring result: each token's verdict, the latest trusted TSA time, and whether it is older than the interval on <paramref name="asOf"/>.</summary>
    public static AnchoringResult Check(IEnumerable<(string Name, byte[] Token)> tokens, IReadOnlyList<AuditEvent> events, X509Certificate2Collection trusted, int intervalDays, DateOnly asOf)
    {
        var seqByHash = events.ToDictionary(e => e.Hash, e => e.Seq, StringComparer.Ordinal);
        var anchors = tokens.OrderBy(t => t.Name, StringComparer.Ordinal).Select(t => Verify(t.Name, t.Token, seqByHash, trusted)).ToList();
        var latest = anchors.Where(a => a.State == AnchorState.Valid).Select(a => a.TsaTime).Max();
        var overdue = events.Count > 0 && (latest is null || asOf.DayNumber - DateOnly.FromDateTime(latest.Value.UtcDateTime).DayNumber > intervalDays);
        return new AnchoringResult(anchors, intervalDays, latest, overdue);
    }

    private static bool ChainsToTrusted(X509Certificate2 signer, X509Certificate2Collection included, X509Certificate2Collection trusted, DateTimeOffset at)
    {
        if (trusted.Count == 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(trusted);
        chain.ChainPolicy.ExtraStore.AddRange(included);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = at.UtcDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        chain.ChainPolicy.ApplicationPolicy.Add(new Oid(TimeStampingOid));
        return chain.Build(signer);
    }
}
