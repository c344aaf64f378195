using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Compliance.Engine.Audit.Remote;
using Compliance.Model.Documents;

namespace Compliance.Engine.Audit.Anchors;

/// <summary>What 'audit anchor' did: the event anchored, the token's name, where it is stored, and the outside copy.</summary>
public sealed record AnchorOutcome(AuditEvent Head, string Name, string StoredAt, string? CopiedTo);

/// <summary>
/// Anchors the log's head hash with a TSA and stores the token beside the log (the work tree's anchors folder,
/// or anchors/ of the ref, committed and pushed like an event), and optionally in a folder outside the repository.
/// Also checks a log against such an outside copy, which is what catches a rewrite of the whole history.
/// </summary>
public static class AuditAnchoring
{
    public static async Task<AnchorOutcome> AnchorAsync(string root, ProgrammeDefinition? programme, Uri tsa, string? copyTo, Func<DateTimeOffset> now, HttpClient? client = null)
    {
        var source = AuditLogSource.For(root, programme);
        AnchorOutcome outcome;
        byte[] token;
        if (source.Ref is { } gitRef)
        {
            var appender = new RefAppender(root, gitRef, now);
            var (head, _) = appender.FetchHead();
            token = await TsaClient.RequestAsync(tsa, head.Hash, client).ConfigureAwait(false);
            var name = AnchorStore.NameFor(head, now());
            var commit = appender.AppendAnchor(name, token);
            outcome = new AnchorOutcome(head, name, $"{gitRef.Name}:{AnchorStore.RefFolder}/{name} (commit {commit[..12]})", null);
        }
        else
        {
            var snapshot = source.Read(compareWithHead: false);
            var verification = snapshot.Verify();
            if (!verification.Valid)
            {
                throw new AnchorException($"The audit log does not verify, so it is not anchored: {verification.Message}");
            }

            var head = snapshot.Content is { } content ? AuditLogText.Events(content).LastOrDefault() : null;
            if (head is null)
            {
                throw new AnchorException("The audit log has no events to anchor.");
            }

            token = await TsaClient.RequestAsync(tsa, head.Hash, client).ConfigureAwait(false);
            var name = AnchorStore.NameFor(head, now());
            AnchorStore.WriteNew(Path.Combine(root, AnchorStore.WorkTreeFolder), name, token);
            outcome = new AnchorOutcome(head, name, $"{AnchorStore.WorkTreeFolder}/{name}", null);
        }

        return copyTo is null ? outcome : outcome with { CopiedTo = AnchorStore.WriteNew(copyTo, outcome.Name, token) };
    }

    /// <summary>Each token of an outside copy, verified against the log's events and the programme's trusted TSAs.</summary>
    public static IReadOnlyList<AuditAnchor> CheckOutsideCopy(string folder, IReadOnlyList<AuditEvent> events, ProgrammeDefinition? programme)
    {
        if (!Directory.Exists(folder))
        {
            throw new AnchorException($"The anchors folder {folder} does not exist.");
        }

        using var trusted = TrustedTsas.Of(programme?.AuditAnchoring?.TsaCertificates ?? Model.Text.EquatableArray<Model.Binding.Located>.Empty);
        var seqByHash = events.ToDictionary(e => e.Hash, e => e.Seq, StringComparer.Ordinal);
        return AnchorStore.ReadFolder(folder).Select(t => AnchorVerifier.Verify(t.Name, t.Token, seqByHash, trusted.Certificates)).ToList();
    }
}
