using System.Collections.Generic;
using System.Linq;
using Compliance.Engine.Audit;
using Compliance.Engine.Audit.Anchors;
using Compliance.Model.Diagnostics;
using Compliance.Model.Text;

namespace Compliance.Engine.Checks;

/// <summary>
/// The anchoring check over a verified log, when the programme declares audit_anchoring: each stored token's
/// verdict from <see cref="AnchorVerifier"/> (CMP2214, CMP2215), and the interval since the latest trusted one
/// on the as-of date (CMP2216).
/// </summary>
public static class AuditAnchorChecks
{
    public static AnchoringResult? Run(CheckContext context, AuditLogSnapshot snapshot, IReadOnlyList<AuditEvent> events)
    {
        if (context.Programme.Programme?.AuditAnchoring is not { } anchoring)
        {
            return null;
        }

        using var trusted = TrustedTsas.Of(anchoring.TsaCertificates);
        foreach (var (at, message) in trusted.Problems)
        {
            context.Report(Rules.AuditAnchorUntrusted, at.Span, "audit_anchoring", message);
        }

        var result = AnchorVerifier.Check(snapshot.Anchors, events, trusted.Certificates, anchoring.IntervalDays, context.Options.AsOf);
        var folder = snapshot.Commit is null ? AnchorStore.WorkTreeFolder : snapshot.DisplayPath.Split(':')[0] + ":" + AnchorStore.RefFolder;
        foreach (var anchor in result.Anchors.Where(a => a.State != AnchorState.Valid))
        {
            var rule = anchor.State == AnchorState.HashNotInLog ? Rules.AuditAnchorHashNotInLog : Rules.AuditAnchorUntrusted;
            context.Report(rule, SourceSpan.StartOf($"{folder}/{anchor.Name}"), anchor.Name, anchor.Message);
        }

        if (result.Overdue)
        {
            var since = result.LatestTrusted is { } latest ? $"the latest trusted anchor is from {CheckContext.Iso(System.DateOnly.FromDateTime(latest.UtcDateTime))}" : "it has no trusted anchor";
            context.Report(Rules.AuditAnchorOverdue, anchoring.Span, "audit_anchoring",
                $"The audit log must be anchored at least every {anchoring.IntervalDays} day(s), but on {CheckContext.Iso(context.Options.AsOf)} {since}.");
        }

        return result;
    }
}
