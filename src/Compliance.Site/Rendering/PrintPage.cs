using System;
using System.Collections.Generic;
using System.Linq;
using Compliance.Site.Html;
using Compliance.Site.Model;
using static Compliance.Site.Html.Html;

namespace Compliance.Site.Rendering;

/// <summary>
/// The "print everything" files: one page with every printed page as a section when the site is small,
/// else an index (print.html) and one file per part of the <see cref="PrintPlan"/>, each a whole
/// document with the print stylesheet, so each prints on its own.
/// </summary>
internal static class PrintPage
{
    private const string BodyMark = "\u0000BODY\u0000";

    /// <summary>One print file: its cover, its contents and its pages, the links between them already rewritten (<see cref="PrintLinks"/>).</summary>
    /// <param name="bodies">The print body of each of the part's pages, in the part's order.</param>
    public static IEnumerable<string> Render(SiteModel site, PrintPlan plan, PrintPart part, IReadOnlyList<string> bodies)
    {
        var ctx = new PageContext(site, part.Path);
        var toc = new HtmlWriter(part.Pages.Count * 120 + 1024);
        if (plan.IsSplit)
        {
            toc.Append($"<header class=\"page-head print-cover\"><p class=\"eyebrow\">Print, {Position(plan, part)}</p><h1>{site.Identity.ProgrammeName}: {part.Title}</h1><p class=\"lede\">One part of the whole programme, for printing or saving as a PDF on its own. Links to pages in other parts go to those parts.</p></header>");
            toc.Append($"<nav class=\"print-parts-nav\" aria-label=\"Print parts\"><a href=\"{SafeUrl.Internal(SitePaths.Print)}\">All parts</a>");
            var index = IndexOf(plan, part);
            if (index > 0)
            {
                toc.Append($" · <a href=\"{SafeUrl.Internal(plan.Parts[index - 1].Path)}\" rel=\"prev\">Previous: {plan.Parts[index - 1].Title}</a>");
            }

            if (index < plan.Parts.Count - 1)
            {
                toc.Append($" · <a href=\"{SafeUrl.Internal(plan.Parts[index + 1].Path)}\" rel=\"next\">Next: {plan.Parts[index + 1].Title}</a>");
            }

            toc.Append($"</nav>");
        }
        else
        {
            toc.Append($"<header class=\"page-head print-cover\"><p class=\"eyebrow\">Everything, on one page</p><h1>{site.Identity.ProgrammeName}: the whole programme</h1><p class=\"lede\">Every page of this site in reading order, for printing or saving as one PDF. Use the browser's Print command; the print stylesheet starts each major section on a new page.</p></header>");
        }

        toc.Append($"<nav class=\"toc\" aria-label=\"Contents\"><h2>Contents</h2><ol>");
        foreach (var page in part.Pages.Where(p => !IsMinor(p.Path)))
        {
            toc.Append($"<li><a href=\"{SafeUrl.Internal("#" + PageRef.PageIdOf(page.Path))}\">{page.Title}</a></li>");
        }

        toc.Append($"</ol></nav>");
        var title = plan.IsSplit ? $"Print: {part.Title}" : "Print everything";
        var crumbs = plan.IsSplit
            ? new[] { new Crumb("Overview", new PageRef(SitePaths.Overview)), new Crumb("Print", new PageRef(SitePaths.Print)), new Crumb(part.Title) }
            : new[] { new Crumb("Overview", new PageRef(SitePaths.Overview)), new Crumb("Print everything") };
        var (head, tail) = Shell(ctx, title, crumbs);
        yield return head;
        yield return toc.ToString();
        for (var i = 0; i < part.Pages.Count; i++)
        {
            var page = part.Pages[i];
            var open = H($"<section class=\"{(IsMinor(page.Path) ? "print-page minor" : "print-page")}\" id=\"{PageRef.PageIdOf(page.Path)}\" aria-label=\"{page.Title}\">").Value;
            yield return open;
            yield return bodies[i];
            yield return "</section>\n";
        }

        yield return tail;
    }

    /// <summary>The index of a split print: each part with its size, so a reader prints the parts they need.</summary>
    public static IEnumerable<string> RenderIndex(SiteModel site, PrintPlan plan)
    {
        var ctx = new PageContext(site, SitePaths.Print);
        var body = new HtmlWriter(plan.Parts.Count * 200 + 1024);
        body.Append($"<header class=\"page-head print-cover\"><p class=\"eyebrow\">Print, in {plan.Parts.Count} parts</p><h1>{site.Identity.ProgrammeName}: the whole programme</h1><p class=\"lede\">The site has {plan.Order.Count} printed pages, more than one print page holds ({plan.PagesPerPart}), so it prints in parts, one per section. Open a part and use the browser's Print command; each part is a whole document.</p></header>");
        body.Append($"<nav class=\"toc print-parts\" aria-label=\"Print parts\"><h2>Parts</h2><ol>");
        foreach (var part in plan.Parts)
        {
            body.Append($"<li><a href=\"{SafeUrl.Internal(part.Path)}\">{part.Title}</a> <span class=\"muted\">({part.Pages.Count} {(part.Pages.Count == 1 ? "page" : "pages")})</span></li>");
        }

        body.Append($"</ol></nav>");
        var (head, tail) = Shell(ctx, "Print everything", new[] { new Crumb("Overview", new PageRef(SitePaths.Overview)), new Crumb("Print everything") });
        yield return head;
        yield return body.ToString();
        yield return tail;
    }

    private static (string Head, string Tail) Shell(PageContext ctx, string title, Crumb[] crumbs)
    {
        var shell = Layout.Page(ctx, title, Section.Print, crumbs, Raw(BodyMark)).Value;
        var split = shell.IndexOf(BodyMark, StringComparison.Ordinal);
        return (shell.Substring(0, split), shell.Substring(split + BodyMark.Length));
    }

    /// <summary>A requirement, control or policy page: it follows its list without a page break, and the contents leave it out.</summary>
    private static bool IsMinor(string path) =>
        path.StartsWith("requirements/", StringComparison.Ordinal)
        || (path.StartsWith("controls/", StringComparison.Ordinal) && path != SitePaths.Controls)
        || (path.StartsWith("policies/", StringComparison.Ordinal) && path != SitePaths.Policies);

    private static int IndexOf(PrintPlan plan, PrintPart part)
    {
        for (var i = 0; i < plan.Parts.Count; i++)
        {
            if (ReferenceEquals(plan.Parts[i], part))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Position(PrintPlan plan, PrintPart part) => $"part {IndexOf(plan, part) + 1} of {plan.Parts.Count}";
}
