using System;
using System.IO;
using System.Linq;
using System.Security.Authentication;
using System.Security.Cryptography;
using Compliance.Cli.Commands;
using Compliance.Engine.Checks;
using Compliance.Engine.Encryption;

namespace Compliance.Engine.Tests;

public class EncryptionTests
{
    private static readonly DateTimeOffset Now = new(2026, 10, 30, 10, 0, 0, TimeSpan.Zero);

    private static void DeclareEndpoint(TestProgramme programme, string url)
    {
        programme.Write("controls/programme.yaml", $"""
            programme:
              id: acme
              name: Acme Health
              scope:
                - framework: mini
              runners:
                - id: prod
                  require_signed: true
              endpoints:
                - id: api
                  url: {url}
                  evidence: CRY-01/tls
            """);
        var controls = Path.Combine(programme.Root, "controls/controls.yaml");
        File.WriteAllText(controls, File.ReadAllText(controls) + """
                  - id: tls
                    description: Deploy-time TLS verification.
                    collection: automated
                    freshness_days: 14

            """);
    }

    private static void Record(TestProgramme programme, TlsVerificationRecord record, string collectedOn = "2026-10-30")
    {
        var folder = "evidence/verifications/api";
        var name = $"{collectedOn}.json";
        programme.Write($"{folder}/{name}", record.ToJson());
        var sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(programme.Root, folder, name))));
        programme.Write($"{folder}/{name}.evidence.yaml", $"""
            evidence:
              artifact: {name}
              control: CRY-01
              requirement: tls
              collected_on: {collectedOn}
              collector: job:verify-tls
              sha256: {sha}
              type: tls-verification
              endpoint: api
            """);
    }

    private static TlsVerificationRecord Verified(string protocol = "Tls13", bool succeeded = true, SignatureCheck? signature = null) =>
        new(TlsVerificationRecord.TypeName, "api", "https://api.acme.example/", "api.acme.example", 443, "2026-10-30T10:00:00Z", succeeded,
            succeeded ? protocol : null, succeeded ? "TLS_AES_256_GCM_SHA384" : null, succeeded ? null : "the certificate is not trusted", null, signature);

    [Fact]
    public void An_endpoint_without_a_verification_is_an_error()
    {
        using var programme = new TestProgramme(git: false);
        DeclareEndpoint(programme, "https://api.acme.example");

        Assert.Contains("controls/programme.yaml(10,11): error CMP1801: The endpoint 'api' (https://api.acme.example) has no TLS verification on record. Fix: Run 'compliance verify-tls https://host' in the deploy pipeline and commit the verification it records.", TestProgramme.Lines(programme.Check()));
    }

    [Theory]
    [InlineData("Tls13", null)]
    [InlineData("Tls12", null)]
    [InlineData("Tls11", "CMP1802")]
    public void Only_TLS_1_2_and_later_pass(string protocol, string? rule)
    {
        using var programme = new TestProgramme(git: false);
        DeclareEndpoint(programme, "https://api.acme.example");
        Record(programme, Verified(protocol));

        var result = programme.Check();
        var lines = TestProgramme.Lines(result).Where(l => l.Contains("CMP18")).ToList();
        if (rule is null)
        {
            Assert.Empty(lines);
            Assert.Equal(Compliance.Engine.Encryption.EndpointState.Verified, Assert.Single(result.Endpoints).State);
        }
        else
        {
            Assert.Contains(lines, l => l.Contains($"error {rule}: The endpoint 'api' negotiated Tls11"));
        }
    }

    [Fact]
    public void A_failed_handshake_a_failed_signature_and_a_stale_verification_are_errors()
    {
        using var programme = new TestProgramme(git: false);
        DeclareEndpoint(programme, "https://api.acme.example");
        Record(programme, Verified(succeeded: false));
        Assert.Contains(TestProgramme.Lines(programme.Check()), l => l.Contains("error CMP1805: The latest TLS verification of 'api' (2026-10-30T10:00:00Z) failed: the certificate is not trusted."));

        Record(programme, Verified(signature: new SignatureCheck("sha256:" + new string('a', 64), "deploy-signer", false, "the ECDSA signature does not match the artifact")));
        Assert.Contains(TestProgramme.Lines(programme.Check()), l => l.Contains("error CMP1803: The signature of artifact sha256:aaaa"));

        Record(programme, Verified());
        Assert.Contains(TestProgramme.Lines(programme.Check(new DateOnly(2026, 11, 14))), l => l.Contains("error CMP1804: The latest TLS verification of 'api' is from 2026-10-30, 15 days old; it must be at most 14 days old."));
    }

    [Theory]
    [InlineData(SslProtocols.Tls12, "Tls12")]
    [InlineData(SslProtocols.Tls13, "Tls13")]
    public void Verify_tls_records_a_real_handshake_as_evidence_and_the_check_accepts_it(SslProtocols protocols, string negotiated)
    {
        using var server = new LocalTlsServer(protocols);
        using var programme = new TestProgramme(git: false);
        DeclareEndpoint(programme, server.Url);
        var ca = programme.Write("ca.pem", server.CertificatePem);
        var output = new StringWriter();

        var exit = VerifyTlsCommand.Run(new[] { server.Url, "--root", programme.Root, "--ca-file", ca }, output, () => Now);

        Assert.True(exit == 0, output.ToString());
        Assert.Contains($"api: {server.Url}/ negotiated {negotiated} with ", output.ToString());
        var result = programme.Check();
        Assert.DoesNotContain(TestProgramme.Lines(result), l => l.Contains("CMP18"));
        Assert.Equal(negotiated, Assert.Single(result.Endpoints).Latest!.Protocol);
        var audit = Audit.AuditLog.ForRoot(programme.Root).Read();
        Assert.Equal("encryption-verified", Assert.Single(audit).Type);
        Assert.True(Audit.AuditLog.ForRoot(programme.Root).Verify().Valid);
    }

    [Fact]
    public void Verify_tls_fails_against_a_server_restricted_to_old_protocols()
    {
#pragma warning disable SYSLIB0039 // TLS 1.0/1.1 are obsolete: that is the point of this test.
        using var server = new LocalTlsServer(SslProtocols.Tls11 | SslProtocols.Tls);
#pragma warning restore SYSLIB0039
        using var programme = new TestProgramme(git: false);
        DeclareEndpoint(programme, server.Url);
        var ca = programme.Write("ca.pem", server.CertificatePem);
        var output = new StringWriter();

        var exit = VerifyTlsCommand.Run(new[] { server.Url, "--root", programme.Root, "--ca-file", ca, "--timeout", "5" }, output, () => Now);

        // Whether the platform refuses the old protocol at the handshake or negotiates it, the verification fails.
        Assert.Equal(1, exit);
        Assert.Contains(TestProgramme.Lines(programme.Check()), l => l.Contains("error CMP1805") || l.Contains("error CMP1802"));
    }

    [Fact]
    public void Verify_tls_refuses_an_untrusted_certificate()
    {
        using var server = new LocalTlsServer(SslProtocols.Tls13);
        using var programme = new TestProgramme(git: false);
        DeclareEndpoint(programme, server.Url);
        var output = new StringWriter();

        Assert.Equal(1, VerifyTlsCommand.Run(new[] { server.Url, "--root", programme.Root }, output, () => Now));
        Assert.Contains("handshake failed: the certificate is not trusted", output.ToString());
    }

    [Fact]
    public void The_artifact_signature_is_verified_with_the_signers_public_key()
    {
        using var server = new LocalTlsServer(SslProtocols.Tls13);
        using var programme = new TestProgramme(git: false);
        DeclareEndpoint(programme, server.Url);
        var ca = programme.Write("ca.pem", server.CertificatePem);
        var image = programme.Write("image.tar", "layers\n");
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signature = programme.Write("image.sig", Convert.ToBase64String(key.SignHash(SHA256.HashData(File.ReadAllBytes(image)), DSASignatureFormat.Rfc3279DerSequence)));
        var publicKey = programme.Write("signer.pem", key.ExportSubjectPublicKeyInfoPem());
        string[] Args() => new[] { server.Url, "--root", programme.Root, "--ca-file", ca, "--artifact-file", image, "--signature", signature, "--public-key", publicKey, "--signer", "release@acme.example" };

        var good = new StringWriter();
        Assert.Equal(0, VerifyTlsCommand.Run(Args(), good, () => Now));
        Assert.Contains("signature by 'release@acme.example' verified", good.ToString());

        File.AppendAllText(image, "tampered\n");
        var bad = new StringWriter();
        Assert.Equal(1, VerifyTlsCommand.Run(Args(), bad, () => Now.AddMinutes(1)));
        Assert.Contains("FAILED: the ECDSA signature does not match the artifact", bad.ToString());
        Assert.Contains(TestProgramme.Lines(programme.Check()), l => l.Contains("error CMP1803"));
    }
}
