using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Compliance.Engine.Audit;
using Compliance.Engine.Tests.AuditTrail;

namespace Compliance.Engine.Tests;

/// <summary>
/// COMPLIANCE_SIGN_KEY, the variable a CI runner sets instead of passing --sign-key, through the real CLI in its
/// own process: the variable is process-wide, so setting it inside the test host would leak into other tests.
/// </summary>
public sealed class SignKeyVariableTests : IDisposable
{
    private readonly TestProgramme _programme = new(git: false);
    private readonly string _keys = Path.Combine(Path.GetTempPath(), "compliance-env-keys-" + Guid.NewGuid().ToString("N"));
    private readonly SigningKeys _runner;
    private readonly SigningKeys _other;

    public SignKeyVariableTests()
    {
        Directory.CreateDirectory(_keys);
        _runner = new SigningKeys(_keys, "runner");
        _other = new SigningKeys(_keys, "other");
        _programme.Write("controls/programme.yaml",
            "programme:\n  id: acme\n  name: Acme Health\n  scope:\n    - framework: mini\n"
            + $"  runners:\n    - id: ci\n      signs: [deploy]\n      public_keys:\n        - {_runner.PublicBase64}\n"
            + "  audit_signing:\n    required_for: [deploy]\n");
    }

    private (int Exit, string Output, string Error) Append(string keyFile, params string[] extra) =>
        CliProcess.RunWith(new Dictionary<string, string> { [Engine.Audit.Signing.EventSigner.KeyFileVariable] = keyFile },
            new[] { "audit", "append", "--type", "deploy", "--actor", "alice@acme.example", "--root", _programme.Root }.Concat(extra).ToArray());

    [Fact]
    public void An_append_signs_with_the_key_the_variable_names_and_verifies()
    {
        var append = Append(_runner.PrivateKeyFile);
        var verify = CliProcess.Run("audit", "verify", "--root", _programme.Root);

        Assert.True(append.Exit == 0, append.Output + append.Error);
        Assert.Equal(_runner.KeyId, AuditLog.ForRoot(_programme.Root).Read().Single().Signature!.KeyId);
        Assert.Equal((0, "evidence/audit/audit-log.jsonl: 1 event(s), hash chain intact."), (verify.Exit, verify.Output.Trim()));
    }

    [Fact]
    public void The_sign_key_option_wins_over_the_variable()
    {
        var append = Append(_other.PrivateKeyFile, "--sign-key", _runner.PrivateKeyFile);

        Assert.True(append.Exit == 0, append.Output + append.Error);
        Assert.Equal(_runner.KeyId, AuditLog.ForRoot(_programme.Root).Read().Single().Signature!.KeyId);
    }

    [Theory]
    [InlineData("missing.pem", "does not exist")]
    [InlineData("public.pem", "does not hold an ECDSA P-256 private key")]
    public void A_variable_naming_an_unusable_key_is_a_usage_error_that_names_the_variable_and_appends_nothing(string file, string why)
    {
        File.WriteAllText(Path.Combine(_keys, "public.pem"), _runner.PublicPem);

        var (exit, output, error) = Append(Path.Combine(_keys, file));

        Assert.Equal(2, exit);
        Assert.StartsWith($"compliance: COMPLIANCE_SIGN_KEY: The signing key file {Path.Combine(_keys, file)} ", error);
        Assert.Contains(why, error);
        Assert.DoesNotContain("Unhandled exception", error + output);
        Assert.False(File.Exists(AuditLog.ForRoot(_programme.Root).Path));
    }

    public void Dispose()
    {
        _runner.Dispose();
        _other.Dispose();
        Directory.Delete(_keys, recursive: true);
        _programme.Dispose();
    }
}
