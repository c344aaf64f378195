using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;
using Compliance.Engine.Json;

namespace Compliance.Engine.Encryption;

/// <summary>
/// The evidence a deploy-time TLS verification leaves: what was negotiated with the endpoint, its
/// certificate, and (when the deploy gives one) the artifact signature check with its signer.
/// </summary>
public sealed record TlsVerificationRecord(
    string Type,
    string Endpoint,
    string Url,
    string Host,
    int Port,
    string VerifiedAt,
    bool Succeeded,
    string? Protocol,
    string? Cipher,
    string? Error,
    CertificateSummary? Certificate,
    SignatureCheck? Signature)
{
    public const string TypeName = "tls-verification";

    private static readonly JsonSerializerOptions Options = JsonMetadata.From(EngineJson.Default, new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    });

    /// <summary>TLS 1.2 and 1.3 are acceptable (164.312(e)(1); NIST SP 800-52r2).</summary>
    public bool ProtocolAcceptable => Protocol is "Tls12" or "Tls13";

    public string ToJson() => JsonSerializer.Serialize(this, JsonMetadata.Of<TlsVerificationRecord>(Options)) + "\n";

    public static TlsVerificationRecord? Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), JsonMetadata.Of<TlsVerificationRecord>(Options));
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

public sealed record CertificateSummary(string Subject, string Issuer, string NotAfter, string Sha256);

/// <summary>The deployed artifact's signature check: the artifact digest, who signed it, and whether the signature verified.</summary>
public sealed record SignatureCheck(string Artifact, string Signer, bool Verified, string? Error);
