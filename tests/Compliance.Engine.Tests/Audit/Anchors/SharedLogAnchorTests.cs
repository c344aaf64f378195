using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using Compliance.Engine.Audit;
using Compliance.Engine.Audit.Anchors;
using Compliance.Engine.Audit.Remote;
using Compliance.Engine.Loading;
using Compliance.Engine.Tests.AuditTrail;

namespace Compliance.Engine.Tests;

/// <summary>Anchoring a shared log: the token is committed into anchors/ of the ref, pushed, and kept by the events appended after it.</summary>
public sealed class SharedLogAnchorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_anchor_of_a_shared_log_is_pushed_to_the_ref_and_survives_later_appends()
    {
        using var remote = new SharedLogRemote();
        using var tsa = new TestTsa("Shared Log TSA");
        var runner = remote.Clone();
        var gitRef = new AuditRef(SharedLogRemote.LogRef, "origin");
        for (var i = 1; i <= 2; i++)
        {
            new RefAppender(runner, gitRef, () => Now.AddMinutes(i)).Append(new AppendRequest("backup-restored", "job:restore", null, new Dictionary<string, string>(), $"id-{i}"));
        }

        var outcome = await AuditAnchoring.AnchorAsync(runner, ProgrammeLoader.Load(runner).Programme, tsa.Url, null, () => Now.AddMinutes(3));
        new RefAppender(remote.Clone(), gitRef, () => Now.AddMinutes(4)).Append(new AppendRequest("backup-restored", "job:restore", null, new Dictionary<string, string>(), "id-3"));

        Assert.Equal(2, outcome.Head.Seq);
        Assert.StartsWith($"{SharedLogRemote.LogRef}:anchors/0000000002-20261101T093300000Z.tsr (commit ", outcome.StoredAt);
        var listed = SharedLogRemote.Run(remote.Bare, "ls-tree", "-r", "--name-only", SharedLogRemote.LogRef).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(new[] { "anchors/0000000002-20261101T093300000Z.tsr", "audit-log.jsonl", "audit-log.jsonl.head" }, listed);
        Assert.True(remote.VerifyRemote().Valid);

        var reader = remote.Clone();
        SharedLogRemote.Run(reader, "fetch", "-q", "origin", $"{SharedLogRemote.LogRef}:refs/remotes/origin/compliance-audit");
        var snapshot = AuditLogSource.For(reader, ProgrammeLoader.Load(reader).Programme).Read();
        var trusted = new X509Certificate2Collection { X509Certificate2.CreateFromPem(tsa.CertificatePem) };
        var anchor = Assert.Single(AnchorVerifier.Check(snapshot.Anchors, AuditLogText.Events(snapshot.Content!), trusted, 7, DateOnly.FromDateTime(DateTime.UtcNow)).Anchors);
        Assert.Equal((AnchorState.Valid, 2L), (anchor.State, anchor.Seq!.Value));
    }
}
