using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Compliance.Model.Binding;

namespace Compliance.Engine.Audit.Anchors;

/// <summary>The TSA certificates the programme trusts (audit_anchoring.tsa_certificates), read once; an unreadable one is a problem.</summary>
public sealed class TrustedTsas : IDisposable
{
    private TrustedTsas(X509Certificate2Collection certificates, IReadOnlyList<(Located At, string Message)> problems)
    {
        Certificates = certificates;
        Problems = problems;
    }

    public X509Certificate2Collection Certificates { get; }

    public IReadOnlyList<(Located At, string Message)> Problems { get; }

    public static TrustedTsas Of(IEnumerable<Located> pems)
    {
        var certificates = new X509Certificate2Collection();
        var problems = new List<(Located, string)>();
        foreach (var pem in pems)
        {
            try
            {
                certificates.Add(X509Certificate2.CreateFromPem(pem.Value.Trim()));
            }
            catch (CryptographicException)
            {
                problems.Add((pem, "A trusted TSA certificate in audit_anchoring.tsa_certificates is not a PEM CERTIFICATE block, so no token can be verified against it."));
            }
        }

        return new TrustedTsas(certificates, problems);
    }

    public void Dispose()
    {
        foreach (var certificate in Certificates)
        {
            certificate.Dispose();
        }
    }
}
