using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using Compliance.Engine.Audit;
using Compliance.Engine.Audit.Signing;
using Compliance.Site.Tests.Infrastructure;

namespace Compliance.Site.Tests.Site;

/// <summary>The audit-log page shows each event's signer and the signature state the check decided.</summary>
public sealed class SignedEventsPageTests
{
    [Fact]
    public void A_signed_event_names_its_signer_and_a_key_nobody_declares_is_shown_as_such()
    {
        using var repo = FixtureRepo.Create("mini");
        using var keys = new TempFolder();
        using var alice = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var people = Path.Combine(repo.Root, "policies", "people.yaml");
        File.WriteAllText(people, File.ReadAllText(people).Replace(
            "    email: alice@acme.example\n",
            $"    email: alice@acme.example\n    public_keys: [{Convert.ToBase64String(alice.ExportSubjectPublicKeyInfo())}]\n",
            StringComparison.Ordinal));
        var log = AuditLog.ForRoot(repo.Root);
        var at = new DateTimeOffset(2026, 9, 20, 9, 0, 0, TimeSpan.Zero);
        using (var signer = SignerFor(keys, "alice", alice))
        {
            log.Append("evidence-collected", "alice@acme.example", null, new Dictionary<string, string>(), () => at, signer: signer); // 10
        }

        using (var signer = SignerFor(keys, "stranger", stranger))
        {
            log.Append("evidence-collected", "alice@acme.example", null, new Dictionary<string, string>(), () => at, signer: signer); // 11
        }

        File.Delete(log.LockPath);
        repo.Commit("Signed events", FixtureRepo.SecondCommit.AddHours(1));
        using var output = new TempFolder();
        repo.Render(output.Path);

        var page = File.ReadAllText(output.Combine("audit-log.html"));
        Assert.Contains("signed by person alice", Row(page, "event-10"), StringComparison.Ordinal);
        Assert.Contains("signed by undeclared key sha256:", Row(page, "event-11"), StringComparison.Ordinal);
        Assert.Contains("unsigned", Row(page, "event-9"), StringComparison.Ordinal);
        Assert.Contains("CMP2209", File.ReadAllText(output.Combine("findings.html")), StringComparison.Ordinal);
    }

    private static EventSigner SignerFor(TempFolder keys, string name, ECDsa key)
    {
        var file = keys.Combine(name + ".pem");
        File.WriteAllText(file, key.ExportPkcs8PrivateKeyPem());
        return EventSigner.FromFile(file);
    }

    private static string Row(string page, string id)
    {
        var start = page.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no row {id}");
        return page.Substring(start, page.IndexOf("</tr>", start, StringComparison.Ordinal) - start);
    }
}
