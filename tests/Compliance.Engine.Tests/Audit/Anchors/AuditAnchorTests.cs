using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading.Tasks;
using Compliance.Engine.Audit;
using Compliance.Engine.Audit.Anchors;

namespace Compliance.Engine.Tests;

/// <summary>
/// RFC 3161 anchoring against a real TSA ('openssl ts -reply' on 127.0.0.1). The TSA stamps with the machine's
/// real time, so the as-of dates here are taken from the token's own time.
/// </summary>
public sealed class AuditAnchorTests : IDisposable
{
    private const int IntervalDays = 7;
    private readonly TestProgramme _programme = new(git: false);
    private readonly TestTsa _trusted = new("Trusted Test TSA");
    private readonly string _outside = Path.Combine(Path.GetTempPath(), "compliance-anchors-" + Guid.NewGuid().ToString("N"));

    public AuditAnchorTests()
    {
        var pem = string.Join("\n", _trusted.CertificatePem.Trim().Split('\n').Select(l => "        " + l));
        _programme.Write("controls/programme.yaml",
            "programme:\n  id: acme\n  name: Acme Health\n  scope:\n    - framework: mini\n"
            + $"  audit_anchoring:\n    interval_days: {IntervalDays}\n    tsa_certificates:\n      - |\n{pem}\n");
        for (var i = 1; i <= 3; i++)
        {
            AuditLog.ForRoot(_programme.Root).Append("evidence-collected", "job:kms-export", null, new Dictionary<string, string>(), () => new DateTimeOffset(2026, 10, i, 9, 0, 0, TimeSpan.Zero));
        }
    }

    private static Func<DateTimeOffset> Clock => () => new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);

    private Task<AnchorOutcome> Anchor(TestTsa tsa, string? copyTo = null) => AuditAnchoring.AnchorAsync(_programme.Root, null, tsa.Url, copyTo, Clock);

    private static IReadOnlyList<string> AnchorFindings(CheckResult result) => TestProgramme.Lines(result, rulePrefix: "CMP221")
        .Where(l => !l.Contains("CMP2210", StringComparison.Ordinal) && !l.Contains("CMP2211", StringComparison.Ordinal) && !l.Contains("CMP2212", StringComparison.Ordinal) && !l.Contains("CMP2213", StringComparison.Ordinal))
        .Select(l => l.Split(" Fix: ")[0])
        .ToList();

    private static DateOnly DayOf(DateTimeOffset? time) => DateOnly.FromDateTime(time!.Value.UtcDateTime);

    [Fact]
    public async Task A_good_token_covers_the_head_and_is_stored_beside_the_log_and_outside()
    {
        var outcome = await Anchor(_trusted, _outside);

        Assert.Equal(3, outcome.Head.Seq);
        Assert.Equal("evidence/audit/anchors/0000000003-20261101T080000000Z.tsr", outcome.StoredAt);
        Assert.True(File.Exists(Path.Combine(_outside, outcome.Name)));
        Assert.Equal(1, _trusted.Requests);

        var token = File.ReadAllBytes(Path.Combine(_programme.Root, outcome.StoredAt));
        Assert.True(System.Security.Cryptography.Pkcs.Rfc3161TimestampToken.TryDecode(token, out var decoded, out _));
        var result = _programme.Check(DayOf(decoded!.TokenInfo.Timestamp));


        var anchor = Assert.Single(result.AuditLog!.Anchoring!.Anchors);
        Assert.Equal((AnchorState.Valid, 3L, outcome.Head.Hash), (anchor.State, anchor.Seq!.Value, anchor.HeadHash));
        Assert.Equal("CN=Trusted Test TSA", anchor.Tsa);
        Assert.False(result.AuditLog.Anchoring.Overdue);
        Assert.Empty(AnchorFindings(result));
        Assert.DoesNotContain(result.Findings, f => f.RuleId == Model.Diagnostics.Rules.UnaccountedArtifact.Id);
    }

    [Fact]
    public async Task A_token_from_a_TSA_the_programme_does_not_trust_is_reported()
    {
        using var stranger = new TestTsa("Stranger TSA");
        var outcome = await Anchor(stranger);

        var result = _programme.Check(DateOnly.FromDateTime(DateTime.UtcNow));

        Assert.Equal(AnchorState.Untrusted, Assert.Single(result.AuditLog!.Anchoring!.Anchors).State);
        Assert.Equal(
            new[]
            {
                $"controls/programme.yaml(7,5): error CMP2216: The audit log must be anchored at least every 7 day(s), but on {Compliance.Engine.Checks.CheckContext.Iso(DateOnly.FromDateTime(DateTime.UtcNow))} it has no trusted anchor.",
                $"evidence/audit/anchors/{outcome.Name}(1,1): error CMP2214: The anchor {outcome.Name} was signed by 'CN=Stranger TSA', which is not a timestamp authority the programme trusts (audit_anchoring.tsa_certificates).",
            },
            AnchorFindings(result));
    }

    [Fact]
    public async Task A_token_over_a_hash_that_is_no_event_of_the_log_is_reported()
    {
        await Anchor(_trusted);
        var other = "sha256:" + Convert.ToHexStringLower(SHA256.HashData("another log"u8.ToArray()));
        var token = await TsaClient.RequestAsync(_trusted.Url, other);
        AnchorStore.WriteNew(Path.Combine(_programme.Root, AnchorStore.WorkTreeFolder), "0000000009-20261101T090000000Z.tsr", token);

        var result = _programme.Check(DateOnly.FromDateTime(DateTime.UtcNow));

        Assert.Equal(new[] { AnchorState.Valid, AnchorState.HashNotInLog }, result.AuditLog!.Anchoring!.Anchors.Select(a => a.State));
        var finding = Assert.Single(AnchorFindings(result));
        Assert.StartsWith("evidence/audit/anchors/0000000009-20261101T090000000Z.tsr(1,1): error CMP2215: The anchor 0000000009-20261101T090000000Z.tsr, timestamped by 'CN=Trusted Test TSA' at ", finding);
        Assert.EndsWith($", covers {other}, which is no event of the log: the log was rewritten after it was anchored.", finding);
    }

    [Fact]
    public async Task The_interval_counts_from_the_latest_trusted_anchor_and_is_exceeded_the_day_after_it_ends()
    {
        var outcome = await Anchor(_trusted);
        var stamped = DayOf(_programme.Check().AuditLog!.Anchoring!.Anchors.Single().TsaTime);

        Assert.Empty(AnchorFindings(_programme.Check(stamped.AddDays(IntervalDays))));
        var late = _programme.Check(stamped.AddDays(IntervalDays + 1));

        Assert.True(late.AuditLog!.Anchoring!.Overdue);
        Assert.Equal(
            new[] { $"controls/programme.yaml(7,5): error CMP2216: The audit log must be anchored at least every 7 day(s), but on {Compliance.Engine.Checks.CheckContext.Iso(stamped.AddDays(IntervalDays + 1))} the latest trusted anchor is from {Compliance.Engine.Checks.CheckContext.Iso(stamped)}." },
            AnchorFindings(late));
        Assert.NotNull(outcome);
    }

    [Fact]
    public async Task A_rewrite_of_the_whole_log_and_its_anchors_is_caught_by_the_outside_copy()
    {
        await Anchor(_trusted, _outside);
        Directory.Delete(Path.Combine(_programme.Root, AnchorStore.WorkTreeFolder), recursive: true);
        File.Delete(AuditLog.ForRoot(_programme.Root).Path);
        File.Delete(AuditLog.ForRoot(_programme.Root).HeadPath);
        AuditLog.ForRoot(_programme.Root).Append("evidence-collected", "job:kms-export", null, new Dictionary<string, string>(), Clock);

        var check = _programme.Check(DateOnly.FromDateTime(DateTime.UtcNow));
        Assert.True(check.AuditLog!.Valid);
        var outside = AuditAnchoring.CheckOutsideCopy(_outside, check.AuditLog.Read!, check.Programme.Programme);

        Assert.Equal(AnchorState.HashNotInLog, Assert.Single(outside).State);
    }

    [Fact]
    public async Task A_TSA_that_cannot_be_reached_is_a_clear_error_and_stores_nothing()
    {
        var closed = new Uri("http://127.0.0.1:9/tsa");

        var error = await Assert.ThrowsAsync<AnchorException>(() => AuditAnchoring.AnchorAsync(_programme.Root, null, closed, null, Clock));

        Assert.StartsWith("The TSA at http://127.0.0.1:9/tsa could not be reached", error.Message);
        Assert.False(Directory.Exists(Path.Combine(_programme.Root, AnchorStore.WorkTreeFolder)));
    }

    public void Dispose()
    {
        _trusted.Dispose();
        if (Directory.Exists(_outside))
        {
            Directory.Delete(_outside, recursive: true);
        }

        _programme.Dispose();
    }
}
