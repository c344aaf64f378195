using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using Compliance.Engine.Audit.Signing;

namespace Compliance.Engine.Tests;

/// <summary>A fresh ECDSA P-256 key pair for a test: the private key as a PEM file, the public key as PEM and as SPKI base64.</summary>
public sealed class SigningKeys : IDisposable
{
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public SigningKeys(string folder, string name)
    {
        PrivateKeyFile = Path.Combine(folder, name + ".pem");
        File.WriteAllText(PrivateKeyFile, _key.ExportPkcs8PrivateKeyPem());
    }

    public string PrivateKeyFile { get; }

    public string PublicPem => _key.ExportSubjectPublicKeyInfoPem();

    public string PublicBase64 => Convert.ToBase64String(_key.ExportSubjectPublicKeyInfo());

    public string KeyId => PublicKeys.IdOf(_key);

    /// <summary>The public PEM as a YAML block scalar item, indented for a list under a mapping at <paramref name="indent"/> spaces.</summary>
    public string PemYamlItem(int indent)
    {
        var pad = new string(' ', indent);
        return $"{pad}- |\n" + string.Join("\n", PublicPem.Trim().Split('\n').Select(line => pad + "  " + line));
    }

    public EventSigner Signer() => EventSigner.FromFile(PrivateKeyFile);

    public void Dispose() => _key.Dispose();
}
