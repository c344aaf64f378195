using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Compliance.Engine.Audit;
using Compliance.Engine.Audit.Signing;

namespace Compliance.Engine.Tests;

/// <summary>
/// Signed events through the real check: the runner's key is declared as SPKI base64 in programme.yaml, Alice's
/// as a PEM block in people.yaml; Bob is revoked on 2026-06-30. Each state is asserted as the engine's typed
/// verdict and as the exact finding.
/// </summary>
public sealed class AuditSignatureTests : IDisposable
{
    private readonly TestProgramme _programme = new(git: false);
    private readonly SigningKeys _runner;
    private readonly SigningKeys _alice;
    private readonly SigningKeys _bob;
    private readonly SigningKeys _stranger;

    public AuditSignatureTests()
    {
        var keys = Path.Combine(_programme.Root, "..", Path.GetFileName(_programme.Root) + "-keys");
        Directory.CreateDirectory(keys);
        _runner = new SigningKeys(keys, "runner");
        _alice = new SigningKeys(keys, "alice");
        _bob = new SigningKeys(keys, "bob");
        _stranger = new SigningKeys(keys, "stranger");
        WriteProgramme(required: "[deploy, gate-decision]");
        WritePeople(_alice.PemYamlItem(6));
    }

    private static DateTimeOffset On(int month, int day) => new(2026, month, day, 12, 0, 0, TimeSpan.Zero);

    private AuditLog Log => AuditLog.ForRoot(_programme.Root);

    private void WriteProgramme(string required, string runnerKey = "") => _programme.Write("controls/programme.yaml",
        "programme:\n  id: acme\n  name: Acme Health\n  scope:\n    - framework: mini\n"
        + "  runners:\n    - id: ci\n      signs: [deploy, gate-decision]\n      public_keys:\n"
        + $"        - {(runnerKey.Length > 0 ? runnerKey : _runner.PublicBase64)}\n"
        + $"  audit_signing:\n    required_for: {required}\n");

    private void WritePeople(string aliceKeys) => _programme.Write("policies/people.yaml",
        "people:\n  - id: alice\n    name: Alice\n    email: alice@acme.example\n    role: Security Officer\n    phi_access: true\n    status: active\n    public_keys:\n" + aliceKeys + "\n"
        + "  - id: bob\n    name: Bob\n    email: bob@acme.example\n    role: Engineer\n    phi_access: true\n    status: revoked\n    revoked_on: 2026-06-30\n    public_keys:\n"
        + $"      - {_bob.PublicBase64}\n");

    private void Append(string type, SigningKeys? keys, DateTimeOffset at)
    {
        using var signer = keys?.Signer();
        Log.Append(type, "alice@acme.example", null, new Dictionary<string, string>(), () => at, signer: signer);
    }

    private (CheckResult Result, IReadOnlyList<EventSignatureVerdict> Verdicts) Check()
    {
        var result = _programme.Check();
        Assert.True(result.AuditLog!.Valid, result.AuditLog.Message);
        return (result, result.AuditLog.Signatures!);
    }

    // The findings without their fix text, which the rule catalog owns.
    private static IReadOnlyList<string> SigningFindings(CheckResult result) => TestProgramme.Lines(result, rulePrefix: "CMP22")
        .Where(l => !l.Contains("CMP2204", StringComparison.Ordinal))
        .Select(l => l.Split(" Fix: ")[0])
        .ToList();

    private void WriteLog(AuditEvent only)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Log.Path)!);
        File.WriteAllText(Log.Path, only.ToLine() + "\n");
        File.WriteAllText(Log.HeadPath, AuditLogText.Head(only));
    }

    [Fact]
    public void A_runner_signed_deploy_is_valid_and_names_its_signer()
    {
        Append("deploy", _runner, On(10, 1));
        Append("gate-decision", _alice, On(10, 2));

        var (result, verdicts) = Check();

        Assert.Empty(SigningFindings(result));
        Assert.Equal(new[] { SignatureState.Valid, SignatureState.Valid }, verdicts.Select(v => v.State));
        Assert.Equal(new[] { "runner ci", "person alice" }, verdicts.Select(v => v.Signer));
        Assert.Equal(_runner.KeyId, verdicts[0].KeyId);
    }

    [Fact]
    public void The_signature_is_in_the_line_and_covered_by_the_hash()
    {
        Append("deploy", _runner, On(10, 1));
        var line = File.ReadAllLines(Log.Path)[0];
        Assert.Contains($"\"sig\":{{\"key\":\"{_runner.KeyId}\",\"value\":\"", line);

        // Stripping the signature without recomputing the chain is an edit.
        var stripped = System.Text.RegularExpressions.Regex.Replace(line, ",\"sig\":\\{[^}]*\\}", string.Empty);
        File.WriteAllText(Log.Path, stripped + "\n");
        Assert.Equal(AuditProblem.Tampered, Log.Verify().Problem);
    }

    [Fact]
    public void A_key_nobody_declares_is_reported_at_the_event()
    {
        Append("deploy", _stranger, On(10, 1));

        var (result, verdicts) = Check();

        Assert.Equal(SignatureState.UnknownKey, verdicts.Single().State);
        Assert.Equal(
            new[] { $"evidence/audit/audit-log.jsonl(1,1): error CMP2209: The deploy event at line 1 (seq 1) is signed by key {_stranger.KeyId}, which no runner or person declares." },
            SigningFindings(result));
    }

    [Fact]
    public void A_bit_flipped_signature_does_not_verify_even_with_the_chain_rehashed()
    {
        using var signer = _runner.Signer();
        var forged = AuditEvent.Create(1, On(10, 1), "deploy", "alice@acme.example", null, new Dictionary<string, string>(), AuditEvent.Genesis, sign: unsigned =>
        {
            var signature = signer.Sign(unsigned);
            var bytes = Convert.FromBase64String(signature.Value);
            bytes[10] ^= 0x01;
            return signature with { Value = Convert.ToBase64String(bytes) };
        });
        WriteLog(forged);

        var (result, verdicts) = Check();

        Assert.Equal(SignatureState.Invalid, verdicts.Single().State);
        Assert.Equal(
            new[] { "evidence/audit/audit-log.jsonl(1,1): error CMP2208: The deploy event at line 1 (seq 1) names the key of runner ci, but its signature does not verify over the event's canonical bytes." },
            SigningFindings(result));
    }

    [Fact]
    public void An_event_whose_signed_content_was_changed_and_rehashed_does_not_verify()
    {
        using var signer = _runner.Signer();
        var genuine = AuditEvent.Create(1, On(10, 1), "deploy", "alice@acme.example", null, new Dictionary<string, string>(), AuditEvent.Genesis, sign: signer.Sign);
        var edited = AuditEvent.Create(1, On(10, 1), "deploy", "mallory@acme.example", null, new Dictionary<string, string>(), AuditEvent.Genesis, sign: _ => genuine.Signature!);
        WriteLog(edited);

        Assert.Equal(SignatureState.Invalid, Check().Verdicts.Single().State);
    }

    [Fact]
    public void A_revoked_signer_counts_as_revoked_on_the_day_of_revocation_but_not_the_day_before()
    {
        Append("gate-decision", _bob, On(6, 29));
        Append("gate-decision", _bob, On(6, 30));

        var (result, verdicts) = Check();

        Assert.Equal(new[] { SignatureState.Valid, SignatureState.SignerRevoked }, verdicts.Select(v => v.State));
        Assert.Equal(
            new[] { "evidence/audit/audit-log.jsonl(2,1): error CMP2210: The gate-decision event at line 2 (seq 2) is signed by person bob on 2026-06-30, on or after the day its owner was revoked." },
            SigningFindings(result));
    }

    [Fact]
    public void A_runner_key_on_a_type_the_runner_may_not_sign_is_reported()
    {
        Append("deploy-reviewed", _runner, On(10, 1));

        var (result, verdicts) = Check();

        Assert.Equal(SignatureState.TypeNotAllowed, verdicts.Single().State);
        Assert.Equal(
            new[] { "evidence/audit/audit-log.jsonl(1,1): error CMP2211: The deploy-reviewed event at line 1 (seq 1) is signed by runner ci, which may not sign deploy-reviewed events." },
            SigningFindings(result));
    }

    [Fact]
    public void A_required_signature_that_is_missing_is_reported_and_other_types_may_be_unsigned()
    {
        Append("evidence-collected", null, On(10, 1));
        Append("deploy", null, On(10, 2));

        var (result, verdicts) = Check();

        Assert.Equal(new[] { SignatureState.Unsigned, SignatureState.Missing }, verdicts.Select(v => v.State));
        Assert.Equal(
            new[] { "evidence/audit/audit-log.jsonl(2,1): error CMP2212: The deploy event at line 2 (seq 2) is not signed, but the programme requires deploy events to be signed (audit_signing.required_for)." },
            SigningFindings(result));
    }

    [Fact]
    public void A_declared_key_that_is_not_a_P256_public_key_is_reported_where_it_is_written()
    {
        using var p384 = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP384);
        WriteProgramme("[deploy]", runnerKey: Convert.ToBase64String(p384.ExportSubjectPublicKeyInfo()));
        WritePeople("      - not a key");
        Append("evidence-collected", null, On(10, 1));

        var findings = SigningFindings(Check().Result);

        Assert.Equal(
            new[]
            {
                "controls/programme.yaml(10,11): error CMP2213: A public key of runner 'ci' cannot be used: it is an ECDSA key on another curve; only P-256 (secp256r1) is accepted.",
                "policies/people.yaml(9,9): error CMP2213: A public key of person 'alice' cannot be used: it is neither a PEM PUBLIC KEY block nor the base64 of an ECDSA P-256 SubjectPublicKeyInfo.",
            },
            findings);
    }

    [Fact]
    public void A_malformed_key_is_reported_where_it_is_written_even_when_the_log_does_not_verify()
    {
        WritePeople("      - not a key");
        Append("evidence-collected", null, On(10, 1));
        File.AppendAllText(Log.Path, "not an event\n");

        var result = _programme.Check();
        var output = new StringWriter();
        var exit = Cli.Commands.AuditCommand.Run(new[] { "verify", "--root", _programme.Root }, output, () => On(11, 1));

        Assert.False(result.AuditLog!.Valid);
        Assert.Contains("policies/people.yaml(9,9): error CMP2213: A public key of person 'alice' cannot be used: it is neither a PEM PUBLIC KEY block nor the base64 of an ECDSA P-256 SubjectPublicKeyInfo.", SigningFindings(result));
        Assert.Equal(1, exit);
        Assert.Contains("policies/people.yaml(9,9): error CMP2213: A public key of person 'alice' cannot be used", output.ToString());
    }

    [Fact]
    public void A_key_declared_twice_is_reported_when_there_is_no_log_at_all()
    {
        WritePeople(_runner.PemYamlItem(6));

        var result = _programme.Check();

        Assert.False(File.Exists(Log.Path));
        Assert.Contains(SigningFindings(result), l => l.StartsWith("policies/people.yaml(", StringComparison.Ordinal) && l.Contains("): error CMP2213: ", StringComparison.Ordinal) && l.Contains("also declared by runner 'ci'", StringComparison.Ordinal));
    }

    [Fact]
    public void One_key_declared_by_two_owners_counts_for_neither()
    {
        WritePeople(_runner.PemYamlItem(6));
        Append("deploy", _runner, On(10, 1));

        var (result, verdicts) = Check();

        Assert.Equal(SignatureState.UnknownKey, verdicts.Single().State);
        Assert.Contains(SigningFindings(result), l => l.Contains("CMP2213", StringComparison.Ordinal) && l.Contains("also declared by runner 'ci'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_signing_key_file_that_is_not_a_private_key_is_a_clear_error()
    {
        var file = Path.Combine(_programme.Root, "public.pem");
        File.WriteAllText(file, _runner.PublicPem);

        var error = Assert.Throws<InvalidDataException>(() => EventSigner.FromFile(file));
        Assert.Contains("does not hold an ECDSA P-256 private key", error.Message);
    }

    public void Dispose()
    {
        _runner.Dispose();
        _alice.Dispose();
        _bob.Dispose();
        _stranger.Dispose();
        Directory.Delete(Path.GetDirectoryName(_runner.PrivateKeyFile)!, recursive: true);
        _programme.Dispose();
    }
}
