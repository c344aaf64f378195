using System;
using System.Collections.Generic;
using System.Text;
using Compliance.Site.Html;
using Compliance.Site.Markdown;
using Compliance.Site.Model;
using static Compliance.Site.Html.Html;
using static Compliance.Site.Rendering.Components;

namespace Compliance.Site.Rendering;

/// <summary>
/// One page per artifact: everything known about it (digests, collector, commits) and, for the types
/// that are copied, a preview and a link to the copy. The preview is text in a &lt;pre&gt; (encoded),
/// Markdown through the one sanitising pipeline, or an &lt;img&gt;; a PDF is only linked.
/// </summary>
public static class EvidencePage
{
    public const int PreviewLimit = 256 * 1024;

    public static HtmlString Body(PageContext ctx, ArtifactModel artifact, byte[]? content)
    {
        var w = new HtmlWriter(8 * 1024 + Math.Min(content?.Length ?? 0, PreviewLimit) * 2);
        var kind = artifact.SidecarPath is null ? "Signed agreement" : "Evidence artifact";
        w.Append($"<header class=\"page-head\"><p class=\"eyebrow\">{kind}</p><h1 class=\"break\">{artifact.FileName}</h1>");
        if (artifact.Description is { } description)
        {
            w.Append($"<p class=\"lede\">{description}</p>");
        }

        var facts = new FactList
        {
            ("Integrity", Integrity(artifact.Integrity)),
            ("Path", H($"<code class=\"break\">{artifact.Path}</code>")),
        };
        if (artifact.ControlId is { } control && artifact.Owner is { } owner)
        {
            facts.Add(("Evidence for", H($"<a href=\"{ctx.Url(owner)}\"><code>{control}/{artifact.RequirementId}</code></a>")));
        }
        else if (artifact.Owner is { } vendor)
        {
            facts.Add(("Agreement of", ctx.Link(vendor, "the vendor's BAA")));
        }

        if (artifact.Verifies is { } endpoint)
        {
            facts.Add(("Verifies endpoint", H($"{ctx.Link(endpoint, title: true)}<span class=\"sub muted\">this artifact is a tls-verification record</span>")));
        }

        facts.Add((artifact.SidecarPath is null ? "Signed on" : "Collected on", Time(artifact.CollectedOn)));
        if (artifact.Collector is not null)
        {
            facts.Add(("Collector", ControlPages.Collector(ctx, artifact)));
        }

        if (artifact.RecordedSha256 is { } recorded)
        {
            facts.Add(("SHA-256 recorded", H($"<code class=\"hash\">{recorded}</code>")));
        }

        if (artifact.ActualSha256 is { } actual)
        {
            facts.Add(("SHA-256 of the file", H($"<code class=\"hash\">{actual}</code>")));
        }

        if (artifact.Production is { } production)
        {
            facts.Add(("Produced by", Production(production)));
        }

        facts.Add(("Size", H($"{Size(artifact.Size)}")));
        if (artifact.SidecarPath is { } sidecar)
        {
            facts.Add(("Sidecar", H($"<code class=\"break\">{sidecar}</code>")));
        }

        facts.Add(("Added by", Commit(artifact.AddedBy)));
        if (artifact.AddedBy is { } added)
        {
            facts.Add(("Author e-mail", H($"{added.AuthorEmail}")));
        }

        if (artifact.LastChangedBy is { } changed && artifact.AddedBy is { } first && changed.Sha != first.Sha)
        {
            facts.Add(("Last changed by", Commit(changed)));
        }

        if (artifact.Uncommitted)
        {
            facts.Add(("Git", Pill("warn", "!", "not committed: no provenance")));
        }

        w.Append(Facts(facts, wide: true));
        w.Append($"</header>");

        if (artifact.Problem is { } problem)
        {
            w.Append($"<div class=\"notice notice-bad\" role=\"note\"><p><strong>This artifact is not usable as evidence.</strong> {problem}</p></div>");
        }

        w.Append(SectionStart(ctx, "content", "Content"));
        if (artifact.CopyPath is not { } copy)
        {
            w.Append(Empty(artifact.NotCopiedReason ?? "Not copied."));
        }
        else
        {
            var url = ctx.Asset(copy);
            w.Append($"<p><a class=\"button\" href=\"{url}\">Open the file</a> <span class=\"small muted\">{artifact.FileName}, {Size(artifact.Size)}; the copy is byte for byte the file whose SHA-256 is shown above.</span></p>");
            w.Append(Preview(ctx, artifact, content, url));
        }

        w.Append(SectionEnd);
        w.Append(Findings(ctx, ctx.Site.FindingsOn(artifact.Viewer.Path)));
        return w.ToHtml();
    }

    /// <summary>The engine's production method in words, and the audit event that recorded it.</summary>
    private static HtmlString Production(Compliance.Engine.Collection.ArtifactProduction production)
    {
        var how = production.Method switch
        {
            Compliance.Engine.Collection.ProductionMethod.EvidenceAdd => H($"<code>compliance evidence add</code> by <code>{production.Actor}</code>"),
            Compliance.Engine.Collection.ProductionMethod.DeclaredCollector => H($"declared collector <code>job:{production.Job}</code> running <code class=\"break\">{production.Command}</code>"),
            Compliance.Engine.Collection.ProductionMethod.BuiltIn => H($"built-in collector, as <code>{production.Actor}</code>"),
            _ => H($"<span class=\"muted\">not recorded: no evidence-collected event names this artifact (placed by hand)</span>"),
        };
        return production.EventSeq is { } seq
            ? H($"{how}<span class=\"sub muted\">audit event #{seq} · <code class=\"break\">{production.EventHash}</code></span>")
            : how;
    }

    private static HtmlString Preview(PageContext ctx, ArtifactModel artifact, byte[]? content, SafeUrl url)
    {
        switch (artifact.Kind)
        {
            case ArtifactKind.Image:
                return H($"<figure class=\"artifact-image\"><img src=\"{url}\" alt=\"{artifact.Description ?? artifact.FileName}\"><figcaption>{artifact.FileName}</figcaption></figure>");
            case ArtifactKind.Pdf:
                return H($"<p class=\"small muted\">PDF documents open in the browser's own viewer.</p>");
            case ArtifactKind.Text or ArtifactKind.Json or ArtifactKind.Markdown when content is not null:
                var truncated = content.Length > PreviewLimit;
                var text = new UTF8Encoding(false, false).GetString(content, 0, Math.Min(content.Length, PreviewLimit));
                if (text.Length > 0 && text[0] == '\uFEFF')
                {
                    text = text.Substring(1);
                }

                var note = truncated ? H($"<p class=\"small muted\">The preview shows the first {Size(PreviewLimit)}; open the file for the rest.</p>") : HtmlString.Empty;
                if (artifact.Kind == ArtifactKind.Markdown && !truncated)
                {
                    var rendered = MarkdownRenderer.Render(text, new MarkdownOptions(IdPrefix: "md-", HeadingShift: 2));
                    return H($"<div class=\"prose artifact-markdown\">{rendered.Html}</div><details class=\"raw\"><summary>Show the file as written</summary><pre class=\"artifact-text\">{text}</pre></details>");
                }

                return H($"{note}<pre class=\"artifact-text\" tabindex=\"0\">{text}</pre>");
            default:
                return HtmlString.Empty;
        }
    }
}
