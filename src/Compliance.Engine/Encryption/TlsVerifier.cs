using System;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;

namespace Compliance.Engine.Encryption;

/// <summary>
/// A real TLS handshake with .NET's SslStream: what the endpoint negotiates is recorded, not what a
/// document says it should. The certificate must validate, against the system roots or against the
/// roots given (a private CA); a name mismatch always fails.
/// </summary>
public static class TlsVerifier
{
    public static async Task<TlsVerificationRecord> VerifyAsync(string endpointId, Uri url, X509Certificate2Collection? trustedRoots, DateTimeOffset now, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var host = url.IdnHost;
        var port = url.IsDefaultPort ? 443 : url.Port;
        string? validationError = null;
        try
        {
            using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeoutSource.CancelAfter(timeout);
            using var client = new TcpClient();
            await client.ConnectAsync(host, port, timeoutSource.Token).ConfigureAwait(false);
            using var ssl = new SslStream(client.GetStream(), leaveInnerStreamOpen: false, (_, certificate, chain, errors) =>
            {
                validationError = Validate(certificate, errors, trustedRoots);
                return validationError is null;
            });
            await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = host,
                CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            }, timeoutSource.Token).ConfigureAwait(false);

            using var certificate = ssl.RemoteCertificate is null ? null : new X509Certificate2(ssl.RemoteCertificate);
            return new TlsVerificationRecord(
                TlsVerificationRecord.TypeName, endpointId, url.ToString(), host, port, Stamp(now), true,
                ssl.SslProtocol.ToString(), ssl.NegotiatedCipherSuite.ToString(), null,
                certificate is null ? null : new CertificateSummary(certificate.Subject, certificate.Issuer, certificate.NotAfter.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture), certificate.GetCertHashString(HashAlgorithmName.SHA256).ToLowerInvariant()),
                null);
        }
        catch (Exception ex) when (ex is AuthenticationException or SocketException or System.IO.IOException or OperationCanceledException)
        {
            var reason = validationError ?? (ex is OperationCanceledException ? $"no handshake within {timeout.TotalSeconds:0} s" : ex.Message);
            return new TlsVerificationRecord(TlsVerificationRecord.TypeName, endpointId, url.ToString(), host, port, Stamp(now), false, null, null, reason, null, null);
        }
    }

    private static string Stamp(DateTimeOffset now) => now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);

    private static string? Validate(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2Collection? trustedRoots)
    {
        if (errors == SslPolicyErrors.None)
        {
            return null;
        }

        if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            return "the certificate does not name the host";
        }

        if (certificate is null || trustedRoots is null || trustedRoots.Count == 0)
        {
            return $"the certificate is not trusted ({errors})";
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(trustedRoots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf) ? null : $"the certificate does not chain to the given roots ({string.Join(", ", Array.ConvertAll(chain.ChainStatus, s => s.Status.ToString()))})";
    }
}

