using System;
using System.Collections.Generic;
using Compliance.Site.Html;
using Compliance.Site.Model;
using static Compliance.Site.Html.Html;

namespace Compliance.Site.Rendering;

/// <summary>
/// The audit period on one page, for the auditor to print to PDF: the Period page, then each
/// population with its sample. Links between them become in-page anchors; links to the rest of the
/// site (controls, artifacts) stay links, since those pages are not on this one.
/// </summary>
internal static class PeriodPrintPage
{
    private const string BodyMarker = "\u0000BODY\u0000";

    /// <summary>Whether a page belongs on the period's print page: the Period page and its population pages.</summary>
    public static bool Holds(string path) =>
        path == SitePaths.Period || path.StartsWith("period/populations/", StringComparison.Ordinal);

    /// <param name="bodies">Each page's body as rendered for its own page (null for pages not held here), by page index.</param>
    public static IEnumerable<string> Render(SiteModel site, PeriodModel period, List<SitePage> pages, string?[] bodies)
    {
        // The Period page first, then the populations in the site map's order.
        var order = new List<(SitePage Page, string Body)>();
        foreach (var first in new[] { true, false })
        {
            for (var i = 0; i < pages.Count; i++)
            {
                if (bodies[i] is { } body && Holds(pages[i].Path) && (pages[i].Path == SitePaths.Period) == first)
                {
                    order.Add((pages[i], body));
                }
            }
        }

        var ctx = new PageContext(site, SitePaths.PeriodPrint);
        var cover = new HtmlWriter(order.Count * 120 + 1024);
        cover.Append($"<header class=\"page-head print-cover\"><p class=\"eyebrow\">Audit period · SOC 2 Type II</p><h1>{site.Identity.ProgrammeName}: the audit period {period.Result.Period.ToString()}</h1><p class=\"lede\">The period's coverage, timelines, exceptions, waivers and every population with its sample, on one page for printing or saving as one PDF. Use the browser's Print command.</p></header>");
        cover.Append($"<nav class=\"toc\" aria-label=\"Contents\"><h2>Contents</h2><ol>");
        foreach (var (page, _) in order)
        {
            cover.Append($"<li><a href=\"{SafeUrl.Internal("#" + PageRef.PageIdOf(page.Path))}\">{page.Title}</a></li>");
        }

        cover.Append($"</ol></nav>");
        var crumbs = new[] { new Crumb("Overview", new PageRef(SitePaths.Overview)), new Crumb("Audit period", period.Page), new Crumb("Print the period") };
        var shell = Layout.Page(ctx, $"Print the audit period {period.Result.Period}", Section.Period, crumbs, Raw(BodyMarker)).Value;
        var split = shell.IndexOf(BodyMarker, StringComparison.Ordinal);
        yield return shell.Substring(0, split);
        yield return cover.ToString();
        foreach (var (page, body) in order)
        {
            yield return H($"<section class=\"print-page\" id=\"{PageRef.PageIdOf(page.Path)}\" aria-label=\"{page.Title}\">").Value;
            yield return PrintLinks.Rewrite(body, page.Path, Holds);
            yield return "</section>\n";
        }

        yield return shell.Substring(split + BodyMarker.Length);
    }
}
