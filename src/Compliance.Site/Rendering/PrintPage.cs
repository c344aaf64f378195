using System;
using System.Collections.Generic;
using System.Linq;
using Compliance.Site.Html;
using Compliance.Site.Model;
using static Compliance.Site.Html.Html;

namespace Compliance.Site.Rendering;

/// <summary>The "print everything" page: every printed page of the site as one section each, with a table of contents.</summary>
internal static class PrintPage
{
    /// <summary>Every printed page in reading order, one section each, links between them turned into in-page anchors.</summary>
    public static IEnumerable<string> Render(SiteModel site, List<SitePage> pages, string?[] printed)
    {
        var bodyOf = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < pages.Count; i++)
        {
            if (printed[i] is { } text)
            {
                bodyOf[pages[i].Path] = text;
            }
        }

        // Each page at most once, in the first group that takes it. A flag per page index keeps this
        // linear: asking the growing list whether it holds a page compared every record with every other.
        var order = new List<SitePage>();
        var taken = new bool[pages.Count];
        void Take(Func<SitePage, bool> which)
        {
            for (var i = 0; i < pages.Count; i++)
            {
                if (!taken[i] && which(pages[i]))
                {
                    taken[i] = true;
                    order.Add(pages[i]);
                }
            }
        }

        Take(p => p.Path == SitePaths.Overview);
        Take(p => p.Path == SitePaths.Findings);
        foreach (var framework in site.Frameworks)
        {
            Take(p => p.Path == framework.Page.Path);
            var requirementPaths = new HashSet<string>(framework.Requirements.Select(r => r.Page.Path), StringComparer.Ordinal);
            Take(p => requirementPaths.Contains(p.Path));
        }

        Take(p => p.Path == SitePaths.Crosswalk);
        Take(p => p.Path == SitePaths.Controls);
        Take(p => p.Path.StartsWith("controls/", StringComparison.Ordinal));
        Take(p => p.Path == SitePaths.Vendors);
        Take(p => p.Path == SitePaths.AuditLog);
        Take(p => p.Path == SitePaths.Incidents);
        Take(p => p.Path == SitePaths.Encryption);
        Take(p => p.Path == SitePaths.Policies);
        Take(p => p.Path.StartsWith("policies/", StringComparison.Ordinal));
        Take(p => p.Path == SitePaths.People);
        Take(p => p.Path == SitePaths.Period);
        Take(p => PeriodPrintPage.Holds(p.Path));
        order.RemoveAll(p => !PageContext.IsPrinted(p.Path) || p.Artifact is not null);

        var bodies = new string[order.Count];
        for (var i = 0; i < order.Count; i++)
        {
            var page = order[i];
            var minor = page.Path.StartsWith("requirements/", StringComparison.Ordinal)
                || (page.Path.StartsWith("controls/", StringComparison.Ordinal) && page.Path != SitePaths.Controls)
                || (page.Path.StartsWith("policies/", StringComparison.Ordinal) && page.Path != SitePaths.Policies);
            var open = H($"<section class=\"{(minor ? "print-page minor" : "print-page")}\" id=\"{PageRef.PageIdOf(page.Path)}\" aria-label=\"{page.Title}\">").Value;
            bodies[i] = open + bodyOf[page.Path] + "</section>\n";
        }

        var printCtx = new PageContext(site, SitePaths.Print);
        var toc = new HtmlWriter(order.Count * 120 + 1024);
        toc.Append($"<header class=\"page-head print-cover\"><p class=\"eyebrow\">Everything, on one page</p><h1>{site.Identity.ProgrammeName}: the whole programme</h1><p class=\"lede\">Every page of this site in reading order, for printing or saving as one PDF. Use the browser's Print command; the print stylesheet starts each major section on a new page.</p></header>");
        toc.Append($"<nav class=\"toc\" aria-label=\"Contents\"><h2>Contents</h2><ol>");
        foreach (var page in order.Where(p => !p.Path.StartsWith("requirements/", StringComparison.Ordinal) && !(p.Path.StartsWith("controls/", StringComparison.Ordinal) && p.Path != SitePaths.Controls) && !(p.Path.StartsWith("policies/", StringComparison.Ordinal) && p.Path != SitePaths.Policies)))
        {
            toc.Append($"<li><a href=\"{SafeUrl.Internal("#" + PageRef.PageIdOf(page.Path))}\">{page.Title}</a></li>");
        }

        toc.Append($"</ol></nav>");
        var shell = Layout.Page(printCtx, "Print everything", Section.Print, new[] { new Crumb("Overview", new PageRef(SitePaths.Overview)), new Crumb("Print everything") }, Raw("\u0000BODY\u0000")).Value;
        var split = shell.IndexOf("\u0000BODY\u0000", StringComparison.Ordinal);
        yield return shell.Substring(0, split);
        yield return toc.ToString();
        foreach (var body in bodies)
        {
            yield return body;
        }

        yield return shell.Substring(split + "\u0000BODY\u0000".Length);
    }
}
