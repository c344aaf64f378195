using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Compliance.Cli.Commands;
using Compliance.Engine.Audit;
using Compliance.Engine.Tests;

namespace Compliance.Cli.Tests;

/// <summary>'audit append --sign-key', 'audit query' showing the signer, 'audit verify' on signatures, and 'audit anchor' with 'verify --anchors'.</summary>
public sealed class AuditSigningCliTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 9, 30, 0, TimeSpan.Zero);
    private readonly TestProgramme _programme = new(git: false);
    private readonly string _keys = Path.Combine(Path.GetTempPath(), "compliance-cli-keys-" + Guid.NewGuid().ToString("N"));
    private readonly SigningKeys _runner;

    public AuditSigningCliTests()
    {
        Directory.CreateDirectory(_keys);
        _runner = new SigningKeys(_keys, "runner");
        WriteProgramme();
    }

    private void WriteProgramme(string? trustedTsaPem = null) => _programme.Write("controls/programme.yaml",
        "programme:\n  id: acme\n  name: Acme Health\n  scope:\n    - framework: mini\n"
        + $"  runners:\n    - id: ci\n      signs: [deploy]\n      public_keys:\n        - {_runner.PublicBase64}\n"
        + "  audit_signing:\n    required_for: [deploy]\n"
        + (trustedTsaPem is null ? string.Empty : "  audit_anchoring:\n    interval_days: 7\n    tsa_certificates:\n      - |\n" + string.Join("\n", trustedTsaPem.Trim().Split('\n').Select(l => "        " + l)) + "\n"));

    private (int Exit, string Output, string Errors) Audit(params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var exit = AuditCommand.Run(args.Concat(new[] { "--root", _programme.Root }).ToArray(), output, () => Now, errors);
        return (exit, output.ToString(), errors.ToString());
    }

    private string[] Deploy(params string[] extra) =>
        new[] { "append", "--type", "deploy", "--actor", "alice@acme.example", "--artifact", "sha256:" + new string('1', 64) }.Concat(extra).ToArray();

    [Fact]
    public void A_signed_append_verifies_and_query_shows_who_signed()
    {
        Assert.Equal(0, Audit(Deploy("--sign-key", _runner.PrivateKeyFile)).Exit);

        var verify = Audit("verify");
        var query = Audit("query", "--type", "deploy");
        var json = Audit("query", "--format", "json");

        Assert.Equal((0, "evidence/audit/audit-log.jsonl: 1 event(s), hash chain intact.\n"), (verify.Exit, verify.Output.Replace("\r\n", "\n")));
        Assert.Contains("    signature: valid by runner ci", query.Output);
        Assert.Contains("\"signer\": \"runner ci\"", json.Output);
        Assert.Equal(_runner.KeyId, AuditLog.ForRoot(_programme.Root).Read().Single().Signature!.KeyId);
    }

    [Fact]
    public void Verify_reports_a_required_signature_that_is_missing()
    {
        Assert.Equal(0, Audit(Deploy()).Exit);

        var (exit, output, _) = Audit("verify");

        Assert.Equal(1, exit);
        Assert.StartsWith("evidence/audit/audit-log.jsonl(1,1): error CMP2212: The deploy event at line 1 (seq 1) is not signed, but the programme requires deploy events to be signed (audit_signing.required_for). Fix: ", output);
    }

    [Fact]
    public void A_sign_key_that_is_not_a_private_key_is_refused_and_nothing_is_appended()
    {
        var publicOnly = Path.Combine(_keys, "public.pem");
        File.WriteAllText(publicOnly, _runner.PublicPem);

        var error = Assert.Throws<UsageException>(() => Audit(Deploy("--sign-key", publicOnly)));

        Assert.StartsWith("--sign-key: The signing key file", error.Message);
        Assert.False(File.Exists(AuditLog.ForRoot(_programme.Root).Path));
    }

    [Fact]
    public void Anchor_then_verify_anchors_catches_a_rewrite_of_the_whole_log()
    {
        using var tsa = new TestTsa("CLI Test TSA");
        WriteProgramme(tsa.CertificatePem);
        var outside = Path.Combine(_keys, "anchors");
        Assert.Equal(0, Audit(Deploy("--sign-key", _runner.PrivateKeyFile)).Exit);

        var anchored = Audit("anchor", "--tsa", tsa.Url.ToString(), "--copy-to", outside);
        Assert.Equal(0, anchored.Exit);
        Assert.StartsWith("anchored seq 1 sha256:", anchored.Output);
        Assert.Equal(0, Audit("verify", "--anchors", outside).Exit);

        // The whole log rewritten, its own anchors included: only the outside copy still knows the first head.
        Directory.Delete(Path.Combine(_programme.Root, "evidence/audit"), recursive: true);
        Assert.Equal(0, Audit(Deploy("--sign-key", _runner.PrivateKeyFile, "--field", "n=2")).Exit);
        var (exit, output, _) = Audit("verify", "--anchors", outside);

        Assert.Equal(1, exit);
        Assert.Contains("error CMP2217: The anchor 0000000001-20261101T093000000Z.tsr", output);
    }

    [Fact]
    public void Anchor_without_a_tsa_url_is_a_usage_error()
    {
        Assert.Equal("--tsa is required.", Assert.Throws<UsageException>(() => Audit("anchor")).Message);
        Assert.Equal("--tsa takes an http:// or https:// URL, not 'ftp://127.0.0.1/'.", Assert.Throws<UsageException>(() => Audit("anchor", "--tsa", "ftp://127.0.0.1/")).Message);
    }

    public void Dispose()
    {
        _runner.Dispose();
        Directory.Delete(_keys, recursive: true);
        _programme.Dispose();
    }
}
