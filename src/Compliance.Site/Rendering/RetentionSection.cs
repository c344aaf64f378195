using System.Collections.Generic;
using Compliance.Site.Html;
using Compliance.Site.Model;
using static Compliance.Site.Html.Html;
using static Compliance.Site.Rendering.Components;

namespace Compliance.Site.Rendering;

/// <summary>
/// Retired and superseded documents with the day each may be deleted, and where its last version is:
/// the file itself while it is kept, or the commit before the one that deleted it.
/// </summary>
public static class RetentionSection
{
    public static HtmlString Render(IReadOnlyList<RetainedDocumentModel> documents)
    {
        var w = new HtmlWriter(documents.Count * 400 + 1024);
        w.Append($"<section class=\"section\" id=\"retention\"><h2>Retired and superseded documents</h2><p class=\"section-note\">45 CFR 164.316(b)(2)(i): documentation is kept six years from its creation or from the day it was last in effect, whichever is later. Retire a policy (<code>status: retired</code>) rather than delete it; an evidence artifact stops being in effect when a newer one for the same requirement is collected.</p>");
        if (documents.Count == 0)
        {
            w.Append($"<p class=\"muted\">No document is retired or superseded.</p></section>");
            return w.ToHtml();
        }

        w.Append($"<table class=\"data\"><caption class=\"visually-hidden\">Retired and superseded documents</caption><thead><tr><th scope=\"col\">Document</th><th scope=\"col\">No longer in effect</th><th scope=\"col\">Keep until</th><th scope=\"col\">Last version</th></tr></thead><tbody>");
        foreach (var d in documents)
        {
            var why = d.Reason switch
            {
                RetentionReason.Retired => H($"retired on {Time(d.LastInEffectOn)}"),
                RetentionReason.Superseded => H($"superseded on {Time(d.LastInEffectOn)} by <code>{d.SupersededBy}</code>"),
                _ => H($"in effect until deleted on {Time(d.DeletedOn)}"),
            };
            var last = d.DeletedOn is null
                ? H($"<code>{d.Path}</code> <span class=\"sub\">kept in the repository</span>")
                : UrlFilter.TryFilter(d.LastVersionUrl, UrlUse.Link, out var url)
                    // The command stays beside the link for an auditor who works offline from a clone.
                    ? H($"<a href=\"{url}\" rel=\"noopener noreferrer\" class=\"external\">last version on the forge</a> <code>git show {d.LastVersionCommit}^:{d.Path}</code> <span class=\"sub\">deleted on {Time(d.DeletedOn)}</span>")
                    : H($"<code>git show {d.LastVersionCommit}^:{d.Path}</code> <span class=\"sub\">deleted on {Time(d.DeletedOn)}</span>");
            var until = d.DeletedTooEarly ? H($"{Time(d.RetainUntil)} {Pill("bad", "✕", "Deleted too early")}") : H($"{Time(d.RetainUntil)}");
            w.Append($"<tr><th scope=\"row\"><code>{d.Path}</code></th><td>{why}</td><td>{until}</td><td>{last}</td></tr>");
        }

        w.Append($"</tbody></table></section>");
        return w.ToHtml();
    }
}
