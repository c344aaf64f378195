using System;
using System.IO;
using System.Security.Cryptography;

namespace Compliance.Engine.Audit.Signing;

/// <summary>
/// Signs events with an ECDSA P-256 private key read from a PEM file (PKCS#8 "PRIVATE KEY" or SEC1 "EC PRIVATE
/// KEY"). ECDSA signatures are randomised, so the same event signed twice gives two different valid signatures.
/// </summary>
public sealed class EventSigner : IDisposable
{
    /// <summary>The environment variable that names the key file when --sign-key is not given.</summary>
    public const string KeyFileVariable = "COMPLIANCE_SIGN_KEY";

    private readonly ECDsa _key;

    private EventSigner(ECDsa key)
    {
        _key = key;
        KeyId = PublicKeys.IdOf(key);
    }

    public string KeyId { get; }

    /// <exception cref="InvalidDataException">The file is missing, cannot be read, or holds no ECDSA P-256 private key.</exception>
    public static EventSigner FromFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"The signing key file {path} does not exist.");
        }

        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(File.ReadAllText(path));
            var parameters = key.ExportParameters(includePrivateParameters: true);
            if (parameters.Curve.Oid?.Value != "1.2.840.10045.3.1.7" || parameters.D is null)
            {
                throw new InvalidDataException($"The signing key file {path} does not hold an ECDSA P-256 private key.");
            }

            return new EventSigner(key);
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            key.Dispose();
            throw new InvalidDataException($"The signing key file {path} does not hold an ECDSA P-256 private key in PEM form (PRIVATE KEY or EC PRIVATE KEY).", ex);
        }
        catch (InvalidDataException)
        {
            key.Dispose();
            throw;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            key.Dispose();
            throw new InvalidDataException($"The signing key file {path} cannot be read: {ex.Message}", ex);
        }
    }

    /// <summary>Signs the event's canonical bytes (seq and prev included, so each attempt of an append signs again).</summary>
    public EventSignature Sign(AuditEvent unsigned) =>
        new(KeyId, Convert.ToBase64String(_key.SignData(unsigned.SignedBytes(), HashAlgorithmName.SHA256)));

    public void Dispose() => _key.Dispose();
}
