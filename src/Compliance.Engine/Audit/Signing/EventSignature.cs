namespace Compliance.Engine.Audit.Signing;

/// <summary>
/// An event's signature as the log stores it ("sig": {"key", "value"}): the signing key's ID (the SHA-256 of
/// its SubjectPublicKeyInfo) and the ECDSA P-256 / SHA-256 signature in IEEE P1363 form (r || s), base64.
/// </summary>
public sealed record EventSignature(string KeyId, string Value);
