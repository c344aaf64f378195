using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;

namespace Compliance.Engine.Audit.Signing;

/// <summary>
/// Decides each event's signature state against the programme's keys and the event types it requires signed.
/// Revocation counts from the revocation day itself: an event on that day is already signed by a revoked owner.
/// </summary>
public static class SignatureVerifier
{
    /// <summary>Each event's verdict against the programme's keys and required types: what the check and 'audit query' both use.</summary>
    public static IReadOnlyList<EventSignatureVerdict> Verify(IReadOnlyList<AuditEvent> events, Model.Linking.LinkedProgramme programme)
    {
        using var keys = SigningKeyRing.Of(programme);
        return Verify(events, keys, RequiredTypes(programme));
    }

    public static IReadOnlySet<string> RequiredTypes(Model.Linking.LinkedProgramme programme) =>
        (programme.Programme?.AuditSigning?.RequiredFor.Select(t => t.Value) ?? Enumerable.Empty<string>()).ToHashSet(StringComparer.Ordinal);

    public static IReadOnlyList<EventSignatureVerdict> Verify(IReadOnlyList<AuditEvent> events, SigningKeyRing keys, IReadOnlySet<string> requiredTypes) =>
        events.Select((e, i) => Verify(e, i + 1, keys, requiredTypes)).ToList();

    public static EventSignatureVerdict Verify(AuditEvent audit, int line, SigningKeyRing keys, IReadOnlySet<string> requiredTypes)
    {
        EventSignatureVerdict Verdict(SignatureState state, SigningKey? key = null) =>
            new(audit.Seq, line, audit.Hash, audit.Type, state, audit.Signature?.KeyId, key?.OwnerKind, key?.OwnerId);

        if (audit.Signature is not { } signature)
        {
            return Verdict(requiredTypes.Contains(audit.Type) ? SignatureState.Missing : SignatureState.Unsigned);
        }

        if (keys.Find(signature.KeyId) is not { } key)
        {
            return Verdict(SignatureState.UnknownKey);
        }

        if (!Verifies(key.Key, audit.SignedBytes(), signature.Value))
        {
            return Verdict(SignatureState.Invalid, key);
        }

        if (key.RevokedOn is { } revoked && DateOnly.FromDateTime(audit.Time.UtcDateTime) >= revoked)
        {
            return Verdict(SignatureState.SignerRevoked, key);
        }

        return key.Signs is { } allowed && !allowed.Contains(audit.Type)
            ? Verdict(SignatureState.TypeNotAllowed, key)
            : Verdict(SignatureState.Valid, key);
    }

    private static bool Verifies(ECDsa key, byte[] data, string value)
    {
        var signature = new byte[64];
        return Convert.TryFromBase64String(value, signature, out var written) && written == 64
            && key.VerifyData(data, signature, HashAlgorithmName.SHA256);
    }
}
