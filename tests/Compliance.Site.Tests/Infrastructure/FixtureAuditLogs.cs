using System;
using System.Collections.Generic;
using System.IO;
using Compliance.Engine.Audit;

namespace Compliance.Site.Tests.Infrastructure;

/// <summary>
/// The audit logs of the fixture programmes, written with the engine's own <see cref="AuditLog.Append"/>
/// and fixed timestamps, so that every hash in the chain (and so the snapshot) is the same on every run.
/// The events are those 'compliance gate', 'compliance audit append' and 'compliance verify-tls' write.
/// </summary>
internal static class FixtureAuditLogs
{
    /// <summary>The deployed images' digests (sha256 of the image names; fictional).</summary>
    public const string FirstImage = "sha256:86adbadd76a70a6f5a99151f750ac7fc432041703dd81b20eab261b547cbd664";
    public const string DeniedImage = "sha256:5d1f7a0d2c6b8e4f9a3b7c1d0e2f4a6b8c0d2e4f6a8b0c2d4e6f8a0b2c4d6e8f";
    public const string SecondImage = "sha256:a11625b48e77fd3f5c98a91335b79349f514a9bdd4a4284ed91104abc6211c68";

    public static void Write(string fixture, string root)
    {
        switch (fixture)
        {
            case "mini":
                Mini(root);
                break;
            case "hostile":
                Hostile(root);
                break;
            default:
                return;
        }

        // The lock file is the appenders' and is git-ignored in a real programme (evidence/audit/*.lock).
        File.Delete(AuditLog.ForRoot(root).LockPath);
    }

    /// <summary>
    /// The mini programme's log: a deploy in August through an allowing decision, with its TLS
    /// verification; a decision denied for a revoked actor, an expired BAA and an unsigned runner; an
    /// evidence collection; a decision denied for the expired BAA, then allowed without that service,
    /// and the deploy through it, with its TLS verification.
    /// </summary>
    private static void Mini(string root)
    {
        var log = AuditLog.ForRoot(root);
        var first = Append(log, "2026-08-20T09:12:00Z", "gate-decision", "alice@acme.example", FirstImage, Decision("allow", "2026-08-20", "storage.cloudco.example,kms.cloudco.example"));
        Append(log, "2026-08-20T09:15:00Z", "deploy", "alice@acme.example", FirstImage, Deploy(first, "portal:2026.08.20.1"));
        Append(log, "2026-08-20T09:16:00Z", "encryption-verified", "job:verify-tls", FirstImage, Verified("api", "evidence/enc-01/tls-api-2026-08-20.json", "Tls12", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"));
        Append(log, "2026-09-02T08:30:00Z", "gate-decision", "carol@acme.example", DeniedImage, Decision(
            "deny", "2026-09-02", "storage.cloudco.example,chat.chatco.example", signed: false,
            reasons: "CMP2102 chat.chatco.example; CMP2104 carol@acme.example; CMP2107 prod-runner"));
        Append(log, "2026-09-12T06:00:00Z", "evidence-collected", "job:kms-export", "sha256:599ecdc9422ed398d921622ebb7de4116ba53601a4ba592ea1f180132a6ed8fc", new Dictionary<string, string>
        {
            ["evidence"] = "evidence/enc-01/kms-keys-2026-09-12.json",
        });
        Append(log, "2026-09-14T10:02:00Z", "gate-decision", "bob", SecondImage, Decision("deny", "2026-09-14", "storage.cloudco.example,chat.chatco.example", reasons: "CMP2102 chat.chatco.example"));
        var allowed = Append(log, "2026-09-14T10:20:00Z", "gate-decision", "bob@acme.example", SecondImage, Decision("allow", "2026-09-14", "storage.cloudco.example"));
        Append(log, "2026-09-14T10:24:00Z", "deploy", "bob@acme.example", SecondImage, Deploy(allowed, "portal:2026.09.14.1"));
        Append(log, "2026-09-14T10:25:00Z", "encryption-verified", "job:verify-tls", SecondImage, Verified("api", "evidence/enc-01/tls-api-2026-09-14.json", "Tls13", "TLS_AES_256_GCM_SHA384"));
    }

    /// <summary>Script and HTML payloads in every string an event holds: actor, artifact, field names and values, reasons, and a decision hash that is not in the log.</summary>
    private static void Hostile(string root)
    {
        const string Script = "<script>window.__pwned=1;document.title='pwned'</script>";
        const string Image = "<img src=x onerror=\"window.__pwned=1;document.title='pwned'\">";
        var log = AuditLog.ForRoot(root);
        var decision = Append(log, "2026-01-10T10:00:00Z", "gate-decision", Script, "sha256:\"><svg onload=alert(1)>", new Dictionary<string, string>
        {
            ["decision"] = "deny",
            ["reasons"] = $"CMP2104 {Script}; NOT-A-RULE {Image}",
            ["runner"] = "<script>window.__pwned=1</script>",
            ["runner-signed"] = "false",
            ["services"] = $"evil.example,{Image}",
            [Image] = "javascript:window.__pwned=1",
        });
        Append(log, "2026-01-10T10:01:00Z", "gate-decision", "eve", null, new Dictionary<string, string>
        {
            ["decision"] = "<b onmouseover=\"window.__pwned=1\">allow</b>",
        });
        Append(log, "2026-01-10T10:02:00Z", "deploy", "eve@hostile.example", "sha256:" + new string('e', 64), new Dictionary<string, string>
        {
            ["gate-decision"] = decision.Hash,
            ["evidence"] = "javascript:window.__pwned=1",
            ["endpoint"] = "\"><svg/onload=alert(1)>",
        });
        Append(log, "2026-01-10T10:03:00Z", "deploy", "job:" + Image, null, new Dictionary<string, string>
        {
            ["gate-decision"] = $"sha256:{Script}",
        });
        Append(log, "2026-01-10T10:04:00Z", Script, Image, Image, new Dictionary<string, string>());
    }

    private static AuditEvent Append(AuditLog log, string time, string type, string actor, string? artifact, IReadOnlyDictionary<string, string> fields)
    {
        var at = DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);
        return log.Append(type, actor, artifact, fields, () => at);
    }

    /// <summary>The fields 'compliance gate' records.</summary>
    private static Dictionary<string, string> Decision(string verdict, string asOf, string services, bool signed = true, string? reasons = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["decision"] = verdict,
            ["runner"] = "prod-runner",
            ["runner-signed"] = signed ? "true" : "false",
            ["services"] = services,
            ["as-of"] = asOf,
        };
        if (reasons is not null)
        {
            fields["reasons"] = reasons;
        }

        return fields;
    }

    private static Dictionary<string, string> Deploy(AuditEvent decision, string image) => new()
    {
        ["gate-decision"] = decision.Hash,
        ["environment"] = "production",
        ["image"] = image,
        ["runner"] = "prod-runner",
    };

    /// <summary>The fields 'compliance verify-tls' records.</summary>
    private static Dictionary<string, string> Verified(string endpoint, string evidence, string protocol, string cipher) => new()
    {
        ["endpoint"] = endpoint,
        ["succeeded"] = "true",
        ["protocol"] = protocol,
        ["cipher"] = cipher,
        ["evidence"] = evidence,
        ["signature-verified"] = "true",
        ["signer"] = "deploy-signer@acme.example",
    };
}
