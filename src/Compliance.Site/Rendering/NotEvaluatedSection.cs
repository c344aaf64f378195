using System.Collections.Generic;
using Compliance.Site.Html;
using Compliance.Site.Model;
using static Compliance.Site.Html.Html;
using static Compliance.Site.Rendering.Components;

namespace Compliance.Site.Rendering;

/// <summary>
/// The items dropped for an invalid field: a section of the overview, and a row on the list where each would
/// have been (controls, policies, vendors), so an item missing from a list is not taken for one never defined.
/// </summary>
public static class NotEvaluatedSection
{
    /// <summary>The overview's section; nothing at all when every item was read.</summary>
    public static HtmlString Overview(PageContext ctx)
    {
        var items = ctx.Site.NotEvaluated;
        if (items.Count == 0)
        {
            return HtmlString.Empty;
        }

        var w = new HtmlWriter(items.Count * 300 + 1024);
        w.Append(SectionStart(ctx, "not-evaluated", "Not evaluated: items with an invalid field", items.Count));
        w.Append($"<p class=\"section-note\">Each item below has an ID but a field that could not be read, so none of its checks ran and it appears on no page of its own. The <a href=\"{ctx.Url(new PageRef(SitePaths.Findings, "errors"))}\">errors</a> say which field, at the file and line given here.</p>");
        w.Append($"<table class=\"data\"><caption class=\"visually-hidden\">Items not evaluated</caption><thead><tr><th scope=\"col\">Kind</th><th scope=\"col\">Item</th><th scope=\"col\">File</th></tr></thead><tbody>");
        foreach (var item in items)
        {
            w.Append($"<tr><td>{item.Kind}</td><th scope=\"row\">{Name(item)}</th><td><code>{item.Location}</code></td></tr>");
        }

        w.Append($"</tbody></table>");
        w.Append(SectionEnd);
        return w.ToHtml();
    }

    /// <summary>One row per item for a list's table of <paramref name="columns"/> columns: the ID, then the state and the file across the rest.</summary>
    public static HtmlString Rows(IReadOnlyList<NotEvaluatedModel> items, int columns)
    {
        if (items.Count == 0)
        {
            return HtmlString.Empty;
        }

        var w = new HtmlWriter(items.Count * 300);
        foreach (var item in items)
        {
            w.Append($"<tr class=\"not-evaluated\"><th scope=\"row\">{Name(item)}</th><td colspan=\"{columns - 1}\">{Pill("bad", "✕", "not evaluated (invalid field)")} <code>{item.Location}</code></td></tr>");
        }

        return w.ToHtml();
    }

    private static HtmlString Name(NotEvaluatedModel item) => item.Parent is { } parent
        ? H($"<span class=\"id\">{item.Id}</span> <span class=\"sub\">in {parent}</span>")
        : H($"<span class=\"id\">{item.Id}</span>");
}
