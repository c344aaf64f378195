using System;
using System.Security.Cryptography;

namespace Compliance.Engine.Audit.Signing;

/// <summary>Reads a declared public key (PEM or SPKI base64) and names it; the one place a key's ID is defined.</summary>
public static class PublicKeys
{
    private const string P256Oid = "1.2.840.10045.3.1.7";

    /// <summary>The key's ID: "sha256:" and the hex SHA-256 of its DER SubjectPublicKeyInfo.</summary>
    public static string IdOf(ECDsa key) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()));

    /// <summary>Reads the key, or says why it is not an ECDSA P-256 public key.</summary>
    public static (ECDsa? Key, string? Problem) Read(string text)
    {
        var key = ECDsa.Create();
        try
        {
            var trimmed = text.Trim();
            if (trimmed.StartsWith("-----BEGIN", StringComparison.Ordinal))
            {
                if (!trimmed.StartsWith("-----BEGIN PUBLIC KEY-----", StringComparison.Ordinal))
                {
                    key.Dispose();
                    return (null, "it is a PEM block but not a PUBLIC KEY; declare the public half only, never a private key");
                }

                key.ImportFromPem(trimmed);
            }
            else
            {
                key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(trimmed), out _);
            }

            if (key.ExportParameters(includePrivateParameters: false).Curve.Oid?.Value != P256Oid)
            {
                key.Dispose();
                return (null, "it is an ECDSA key on another curve; only P-256 (secp256r1) is accepted");
            }

            return (key, null);
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or ArgumentException)
        {
            key.Dispose();
            return (null, "it is neither a PEM PUBLIC KEY block nor the base64 of an ECDSA P-256 SubjectPublicKeyInfo");
        }
    }
}
