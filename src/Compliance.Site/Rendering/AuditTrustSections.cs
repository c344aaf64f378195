using System.Linq;
using Compliance.Engine.Audit.Anchors;
using Compliance.Engine.Audit.History;
using Compliance.Engine.Audit.Signing;
using Compliance.Site.Html;
using Compliance.Site.Model;
using static Compliance.Site.Html.Html;
using static Compliance.Site.Rendering.Components;

namespace Compliance.Site.Rendering;

/// <summary>
/// What stands behind the log beyond its chain: each event's signature, the append-only check over history,
/// and the RFC 3161 anchors. Every state shown here was decided by the engine's check.
/// </summary>
public static class AuditTrustSections
{
    /// <summary>An event's signer and signature state, under its actor.</summary>
    public static HtmlString Signature(EventSignatureModel? signature) => signature switch
    {
        null => HtmlString.Empty,
        { State: SignatureState.Unsigned } => H($"<span class=\"sub muted\">unsigned</span>"),
        { State: SignatureState.Valid } s => H($"<span class=\"sub\">{Pill("good", "✓", $"signed by {s.Signer}")}</span>"),
        { State: SignatureState.Missing } => H($"<span class=\"sub\">{Pill("bad", "✕", "signature required, missing")}</span>"),
        { State: SignatureState.Invalid } s => H($"<span class=\"sub\">{Pill("bad", "✕", $"signature by {s.Signer} does not verify")}</span>"),
        { State: SignatureState.UnknownKey } s => H($"<span class=\"sub\">{Pill("bad", "✕", $"signed by undeclared key {s.KeyId}")}</span>"),
        { State: SignatureState.SignerRevoked } s => H($"<span class=\"sub\">{Pill("bad", "✕", $"signed by {s.Signer}, revoked")}</span>"),
        { State: SignatureState.TypeNotAllowed } s => H($"<span class=\"sub\">{Pill("bad", "✕", $"signed by {s.Signer}, not allowed for this type")}</span>"),
        _ => HtmlString.Empty,
    };

    public static HtmlString HistorySection(PageContext ctx, AuditLogModel log)
    {
        var w = new HtmlWriter(2048);
        w.Append(SectionStart(ctx, "history", "Append-only over history"));
        if (log.History is not { } history)
        {
            w.Append(Empty("The history was not checked, because the log itself did not verify."));
        }
        else
        {
            var state = history.State switch
            {
                AuditHistoryState.Extends => Pill("good", "✓", $"every committed version extends the one before ({history.Versions} compared)"),
                AuditHistoryState.Rewritten => Pill("bad", "✕", "a commit rewrote the log"),
                _ => Pill("warn", "!", "not checked"),
            };
            w.Append($"<p>{state}</p><p class=\"section-note\">{history.Message}</p>");
            if (history.Commit is { } commit)
            {
                w.Append($"<p>Commit <code class=\"hash\">{commit}</code>{(history.Author is { } author ? H($" by {author}") : HtmlString.Empty)}</p>");
            }
        }

        w.Append(SectionEnd);
        return w.ToHtml();
    }

    public static HtmlString AnchorsSection(PageContext ctx, AuditLogModel log)
    {
        if (log.Anchoring is not { } anchoring)
        {
            return HtmlString.Empty;
        }

        var w = new HtmlWriter(1024 + anchoring.Anchors.Count * 400);
        w.Append(SectionStart(ctx, "anchors", "RFC 3161 anchors", anchoring.Anchors.Count));
        var latest = anchoring.LatestTrusted is { } time ? Timestamp(time) : H($"<span class=\"muted\">none</span>");
        w.Append($"<p class=\"section-note\">Tokens of a timestamp authority over the log's head hash, stored beside the log. The programme requires one at least every {anchoring.IntervalDays} day(s); the latest trusted one is from {latest}. {(anchoring.Overdue ? Pill("bad", "✕", "interval exceeded") : Pill("good", "✓", "within the interval"))}</p>");
        if (anchoring.Anchors.Count == 0)
        {
            w.Append(Empty("The log has no anchor."));
        }
        else
        {
            w.Append($"<table class=\"data compact anchors\"><caption class=\"visually-hidden\">Anchors of the audit log</caption><thead><tr><th scope=\"col\">Anchor</th><th scope=\"col\">TSA time</th><th scope=\"col\">TSA</th><th scope=\"col\">Event</th><th scope=\"col\">State</th></tr></thead><tbody>");
            foreach (var anchor in anchoring.Anchors.OrderByDescending(a => a.Name, System.StringComparer.Ordinal))
            {
                var state = anchor.State switch
                {
                    AnchorState.Valid => Pill("good", "✓", "trusted, in the log"),
                    AnchorState.HashNotInLog => Pill("bad", "✕", "hash no longer in the log"),
                    _ => Pill("bad", "✕", "not trusted"),
                };
                var tsaTime = anchor.TsaTime is { } t ? Timestamp(t) : H($"—");
                var seq = anchor.Seq is { } s ? H($"#{s}") : anchor.HeadHash is { } hash ? H($"<code class=\"hash\">{hash}</code>") : H($"—");
                w.Append($"<tr><th scope=\"row\"><code>{anchor.Name}</code></th><td>{tsaTime}</td><td>{anchor.Tsa ?? "—"}</td><td>{seq}</td><td>{state}<span class=\"sub\">{anchor.Message}</span></td></tr>");
            }

            w.Append($"</tbody></table>");
        }

        w.Append(SectionEnd);
        return w.ToHtml();
    }
}
