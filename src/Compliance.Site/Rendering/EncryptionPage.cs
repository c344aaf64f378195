using System.Collections.Generic;
using System.Linq;
using Compliance.Site.Html;
using Compliance.Site.Model;
using static Compliance.Site.Html.Html;
using static Compliance.Site.Rendering.Components;

namespace Compliance.Site.Rendering;

/// <summary>
/// Encryption verified, not attested: each in-scope endpoint with the state the check gave it, what its
/// latest deploy-time verification negotiated, and every tls-verification artifact on record for it,
/// each linked to its evidence page and its copy, with its SHA-256.
/// </summary>
public static class EncryptionPage
{
    public static HtmlString Body(PageContext ctx)
    {
        var model = ctx.Site.Encryption;
        var endpoints = model.Endpoints;
        var w = new HtmlWriter(endpoints.Sum(e => e.History.Count) * 1200 + endpoints.Count * 2500 + 8192);
        w.Append($"<header class=\"page-head\"><p class=\"eyebrow\">Encryption verified, not attested · 45 CFR 164.312(a)(2)(iv), 164.312(e)(1)</p><h1>Encryption verification</h1><p class=\"lede\">At every deploy, <code>compliance verify-tls</code> makes a real TLS handshake with each in-scope endpoint and records what was negotiated, the certificate, and the signature check of the deployed artifact with its signer. The build fails when an endpoint's latest verification is missing, older than its freshness window, below TLS 1.2, a failed handshake, or a failed signature check.</p>");
        w.Append(Facts(
            ("Endpoints", H($"{endpoints.Count}")),
            ("Verified", H($"{endpoints.Count(e => e.State == "verified")}")),
            ("Not verified, stale or failing", endpoints.Count(e => e.State != "verified") is var failing and > 0 ? Pill("bad", "✕", failing.ToString(System.Globalization.CultureInfo.InvariantCulture)) : H($"0")),
            ("Verifications on record", H($"{endpoints.Sum(e => e.History.Count) + model.Undeclared.Count}"))));
        w.Append($"</header>");

        w.Append(SectionStart(ctx, "endpoints", "Endpoints", endpoints.Count));
        if (endpoints.Count == 0)
        {
            w.Append(Empty("The programme declares no endpoint under programme.endpoints."));
        }
        else
        {
            w.Append($"<table class=\"data endpoints\"><caption class=\"visually-hidden\">Endpoints and their latest verification</caption><thead><tr><th scope=\"col\">Endpoint</th><th scope=\"col\">State</th><th scope=\"col\">Latest verification</th><th scope=\"col\">Protocol and cipher</th><th scope=\"col\">Artifact signature</th></tr></thead><tbody>");
            foreach (var endpoint in endpoints)
            {
                var latest = endpoint.Latest;
                w.Append($"<tr><th scope=\"row\">{ctx.Link(endpoint.Anchor, endpoint.Id)}<span class=\"sub\"><code class=\"break\">{endpoint.Url}</code></span></th><td>{EndpointState(endpoint.State)}</td>");
                if (latest is null)
                {
                    w.Append($"<td colspan=\"3\"><span class=\"muted\">No verification on record{(endpoint.History.Count > 0 ? " that the check could use" : string.Empty)}.</span></td></tr>");
                    continue;
                }

                w.Append($"<td>{Time(latest.Artifact.CollectedOn)}<span class=\"sub\">{latest.Record?.VerifiedAt}</span></td><td>{Negotiated(latest.Record)}</td><td>{Signature(latest.Record?.Signature)}</td></tr>");
            }

            w.Append($"</tbody></table>");
            foreach (var endpoint in endpoints)
            {
                w.Append(Endpoint(ctx, endpoint));
            }
        }

        w.Append(SectionEnd);

        if (model.Undeclared.Count > 0)
        {
            w.Append(SectionStart(ctx, "undeclared", "Verifications of undeclared endpoints", model.Undeclared.Count));
            w.Append($"<p class=\"section-note\">tls-verification artifacts whose endpoint is not declared under programme.endpoints. The check does not count them for any endpoint.</p>");
            w.Append(History(ctx, model.Undeclared, showEndpoint: true));
            w.Append(SectionEnd);
        }

        w.Append(Findings(ctx, ctx.Site.FindingsOn(SitePaths.Encryption)));
        return w.ToHtml();
    }

    private static HtmlString Endpoint(PageContext ctx, EndpointModel endpoint)
    {
        var anchor = endpoint.Anchor.Fragment!;
        var w = new HtmlWriter(4096 + endpoint.History.Count * 1200);
        w.Append($"<article class=\"endpoint\" id=\"{anchor}\" aria-labelledby=\"{anchor}-h\"><header class=\"evidence-head\"><h3 id=\"{anchor}-h\"><span class=\"id\">{endpoint.Id}</span> <code class=\"small break\">{endpoint.Url}</code></h3>{EndpointState(endpoint.State)}</header>");
        var facts = new FactList
        {
            ("State", H($"{EndpointState(endpoint.State)} <span class=\"sub\">{StateText(endpoint.State)}</span>")),
            ("Evidence requirement", endpoint.EvidencePage is { } page ? H($"<a href=\"{ctx.Url(page)}\"><code>{endpoint.EvidenceKey}</code></a>") : H($"<code>{endpoint.EvidenceKey}</code> <span class=\"muted\">(not defined)</span>")),
        };
        if (endpoint.Latest is { } latest)
        {
            facts.Add(("Latest verification", H($"{File(ctx, latest.Artifact)} <span class=\"sub\">collected {Time(latest.Artifact.CollectedOn)}</span>")));
            if (latest.Record is { } record)
            {
                facts.Add(("Verified at", H($"{record.VerifiedAt} <span class=\"sub\">{record.Host}:{record.Port}</span>")));
                facts.Add(("Negotiated", Negotiated(record)));
                if (record.Certificate is { } certificate)
                {
                    facts.Add(("Certificate", H($"{certificate.Subject}<span class=\"sub\">issued by {certificate.Issuer}; valid until {certificate.NotAfter}</span><span class=\"sub\"><span class=\"muted\">SHA-256</span> <code class=\"hash\">{certificate.Sha256}</code></span>")));
                }

                facts.Add(("Artifact signature", record.Signature is { } signature
                    ? H($"{Signature(signature)}<span class=\"sub\"><span class=\"muted\">artifact</span> <code class=\"hash\">{signature.Artifact}</code></span>")
                    : Signature(null)));
            }
        }

        w.Append(Facts(facts, wide: true));
        w.Append($"<h4>Verification history <span class=\"count\">{endpoint.History.Count}</span></h4>");
        w.Append(endpoint.History.Count == 0 ? Empty("No tls-verification artifact names this endpoint.") : History(ctx, endpoint.History, showEndpoint: false));
        w.Append($"</article>");
        return w.ToHtml();
    }

    private static HtmlString History(PageContext ctx, IReadOnlyList<VerificationModel> history, bool showEndpoint)
    {
        var w = new HtmlWriter(history.Count * 1200 + 1024);
        w.Append($"<table class=\"data verifications\"><caption class=\"visually-hidden\">Verifications, newest first</caption><thead><tr><th scope=\"col\">Evidence file</th>");
        if (showEndpoint)
        {
            w.Append($"<th scope=\"col\">Endpoint</th>");
        }

        w.Append($"<th scope=\"col\">Collected</th><th scope=\"col\">Result</th><th scope=\"col\">Protocol and cipher</th><th scope=\"col\">Artifact signature</th></tr></thead><tbody>");
        foreach (var verification in history)
        {
            var artifact = verification.Artifact;
            var marks = new List<HtmlString>();
            if (verification.Latest)
            {
                marks.Add(Pill("info", "★", "latest"));
            }

            if (verification.AfterAsOf)
            {
                marks.Add(Pill("warn", "!", "after the as-of date"));
            }

            w.Append($"<tr><th scope=\"row\">{File(ctx, artifact)} {Join(marks, H($" "))}<span class=\"sub\"><span class=\"muted\">SHA-256</span> <code class=\"hash\">{artifact.RecordedSha256 ?? artifact.ActualSha256}</code></span>");
            if (artifact.Integrity != ArtifactIntegrity.Intact)
            {
                w.Append($"<span class=\"sub\">{Integrity(artifact.Integrity)}</span>");
            }

            w.Append($"</th>");
            if (showEndpoint)
            {
                w.Append($"<td><code>{verification.EndpointId ?? "none"}</code></td>");
            }

            var record = verification.Record;
            w.Append($"<td>{Time(artifact.CollectedOn)}{(record is null ? HtmlString.Empty : H($"<span class=\"sub\">{record.VerifiedAt}</span>"))}</td><td>{Result(record)}");
            if (verification.Problem is { } problem)
            {
                w.Append($"<span class=\"sub\">{problem}</span>");
            }

            w.Append($"</td><td>{Negotiated(record)}</td><td>{Signature(record?.Signature)}</td></tr>");
        }

        w.Append($"</tbody></table>");
        return w.ToHtml();
    }

    /// <summary>The artifact's evidence page, and its copy when there is one.</summary>
    private static HtmlString File(PageContext ctx, ArtifactModel artifact) =>
        artifact.CopyPath is { } copy
            ? H($"<a href=\"{ctx.Url(artifact.Viewer)}\">{artifact.FileName}</a> <a class=\"small\" href=\"{ctx.Asset(copy)}\" aria-label=\"open file {artifact.FileName}\">open file</a>")
            : H($"<a href=\"{ctx.Url(artifact.Viewer)}\">{artifact.FileName}</a>");

    private static HtmlString Result(TlsRecordModel? record) =>
        record is null ? H($"<span class=\"muted\">not read</span>")
        : !record.Succeeded ? H($"{Pill("bad", "✕", "Handshake failed")}<span class=\"sub\">{record.Error ?? "no reason recorded"}</span>")
        : !record.ProtocolAcceptable ? Pill("bad", "✕", "Below TLS 1.2")
        : Pill("good", "✓", "Handshake succeeded");

    private static HtmlString Negotiated(TlsRecordModel? record)
    {
        if (record is null || !record.Succeeded)
        {
            return H($"<span class=\"muted\">—</span>");
        }

        var protocol = Protocol(record.Protocol);
        return record.ProtocolAcceptable
            ? H($"{protocol}<span class=\"sub\"><code class=\"break\">{record.Cipher ?? "cipher not recorded"}</code></span>")
            : H($"{protocol} {Pill("bad", "✕", "below TLS 1.2")}<span class=\"sub\"><code class=\"break\">{record.Cipher ?? "cipher not recorded"}</code></span>");
    }

    private static HtmlString Signature(SignatureModel? signature) =>
        signature is null ? H($"<span class=\"muted\">no signature check recorded</span>")
        : signature.Verified ? H($"{Pill("good", "✓", "Verified")}<span class=\"sub\">signed by {signature.Signer}</span>")
        : H($"{Pill("bad", "✕", "Failed")}<span class=\"sub\">signer {signature.Signer}: {signature.Error ?? "no reason recorded"}</span>");

    /// <summary>.NET's SslProtocols names, as verify-tls records them, in the words an auditor reads.</summary>
    public static string Protocol(string? protocol) => protocol switch
    {
        "Tls13" => "TLS 1.3",
        "Tls12" => "TLS 1.2",
        "Tls11" => "TLS 1.1",
        "Tls" => "TLS 1.0",
        "Ssl3" => "SSL 3.0",
        "Ssl2" => "SSL 2.0",
        null => "not recorded",
        _ => protocol,
    };

    private static string StateText(string state) => state switch
    {
        "verified" => "the latest verification is fresh, negotiated TLS 1.2 or later, and its signature check (if any) passed",
        "stale" => "the latest verification is older than the freshness window of its evidence requirement",
        "failed" => "the latest handshake failed",
        "weak" => "the latest handshake negotiated a protocol below TLS 1.2",
        "signature-failed" => "the deployed artifact's signature did not verify",
        "unverified" => "no intact verification on or before the as-of date",
        _ => string.Empty,
    };
}
