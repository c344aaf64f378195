using System;
using System.IO;
using System.Security.Cryptography;

namespace Compliance.Engine.Encryption;

/// <summary>
/// Verifies a deployed artifact's detached signature over its SHA-256 digest with the signer's public
/// key (ECDSA with a DER signature, as 'openssl dgst -sha256 -sign' writes, or RSA PKCS#1 v1.5).
/// </summary>
public static class ArtifactSignature
{
    public static SignatureCheck Verify(string artifactPath, byte[] signature, string publicKeyPem, string signer)
    {
        byte[] digest;
        using (var stream = File.OpenRead(artifactPath))
        {
            digest = SHA256.HashData(stream);
        }

        var artifact = "sha256:" + Convert.ToHexStringLower(digest);
        try
        {
            using var ecdsa = ECDsa.Create();
            if (TryImport(ecdsa, publicKeyPem))
            {
                var verified = ecdsa.VerifyHash(digest, signature, DSASignatureFormat.Rfc3279DerSequence)
                    || ecdsa.VerifyHash(digest, signature, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
                return new SignatureCheck(artifact, signer, verified, verified ? null : "the ECDSA signature does not match the artifact");
            }

            using var rsa = RSA.Create();
            rsa.ImportFromPem(publicKeyPem);
            var ok = rsa.VerifyHash(digest, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            return new SignatureCheck(artifact, signer, ok, ok ? null : "the RSA signature does not match the artifact");
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            return new SignatureCheck(artifact, signer, false, $"the signature could not be checked: {ex.Message}");
        }
    }

    private static bool TryImport(AsymmetricAlgorithm key, string pem)
    {
        try
        {
            key.ImportFromPem(pem);
            return true;
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            return false;
        }
    }
}
