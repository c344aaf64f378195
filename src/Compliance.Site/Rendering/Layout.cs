using System;
using System.Collections.Generic;
using Compliance.Site.Html;
using Compliance.Site.Model;
using static Compliance.Site.Html.Html;

namespace Compliance.Site.Rendering;

/// <summary>A step of the breadcrumb trail: text, and the page it links to (none for the current page).</summary>
public sealed record Crumb(string Text, PageRef? Page = null);

/// <summary>The top-level sections of the site, as the main navigation lists them.</summary>
public enum Section
{
    Overview,
    Frameworks,
    Crosswalk,
    Controls,
    Vendors,
    AuditLog,
    Incidents,
    Encryption,
    Policies,
    People,
    Findings,

    /// <summary>The audit period: listed only when the site is rendered with a period.</summary>
    Period,
    Print,
    None,
}

/// <summary>
/// The page shell: the Content-Security-Policy, the stylesheets and scripts (files only: no inline
/// script, style or event handler anywhere), the skip link, the masthead with the search box, the
/// main navigation, the breadcrumb trail and the colophon.
/// </summary>
public static class Layout
{
    /// <summary>
    /// Nothing may load from outside the site: scripts, styles and images come from the site's own files
    /// (images may also be data: URLs); no connection, frame, form or base URL is allowed at all.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'none'; media-src 'none'; object-src 'none'; frame-src 'none'; child-src 'none'; worker-src 'none'; manifest-src 'none'; base-uri 'none'; form-action 'none'";

    private static readonly (Section Section, string Text, string Path)[] Navigation =
    {
        (Section.Overview, "Overview", SitePaths.Overview),
        (Section.Frameworks, "Frameworks", SitePaths.Frameworks),
        (Section.Crosswalk, "Crosswalk", SitePaths.Crosswalk),
        (Section.Controls, "Controls", SitePaths.Controls),
        (Section.Vendors, "BAA registry", SitePaths.Vendors),
        (Section.AuditLog, "Deploy gate", SitePaths.AuditLog),
        (Section.Incidents, "Incidents", SitePaths.Incidents),
        (Section.Encryption, "Encryption", SitePaths.Encryption),
        (Section.Policies, "Policies", SitePaths.Policies),
        (Section.People, "People", SitePaths.People),
        (Section.Findings, "Findings", SitePaths.Findings),
        (Section.Period, "Audit period", SitePaths.Period),
        (Section.Print, "Print all", SitePaths.Print),
    };

    /// <summary>The navigation of this site: the Period entry only when there is a period.</summary>
    private static IEnumerable<(Section Section, string Text, string Path)> NavigationOf(SiteModel site)
    {
        foreach (var entry in Navigation)
        {
            if (entry.Section != Section.Period || site.Period is not null)
            {
                yield return entry;
            }
        }
    }

    /// <summary>A whole page as one string. The site's pages are written from <see cref="PageShell"/>'s shared parts instead; the parts are the same.</summary>
    public static HtmlString Page(PageContext ctx, string title, Section section, IReadOnlyList<Crumb> crumbs, HtmlString body)
    {
        var writer = new HtmlWriter(body.Value.Length + 8 * 1024);
        writer.Append(HeadStart(ctx));
        writer.Append(Text(FullTitle(ctx, title)));
        writer.Append(Masthead(ctx, section));
        writer.Append(Breadcrumb(ctx, crumbs));
        writer.Append(body);
        writer.Append(Footer(ctx));
        return writer.ToHtml();
    }

    /// <summary>The page's own title, as the browser tab shows it.</summary>
    internal static string FullTitle(PageContext ctx, string title) =>
        ctx.Path == SitePaths.Overview ? $"{ctx.Site.Identity.Name}: compliance audit" : $"{title} · {ctx.Site.Identity.Name}";

    /// <summary>
    /// Every page the shell links to. On one of these pages the link is to the page itself (a bare file
    /// name), so its shell is not the one its folder's other pages share.
    /// </summary>
    internal static IEnumerable<string> ShellLinks(SiteModel site)
    {
        yield return SitePaths.Overview;
        yield return SitePaths.Rules;
        foreach (var (_, _, path) in NavigationOf(site))
        {
            yield return path;
        }

        foreach (var page in site.ExtraPages)
        {
            yield return page.Page.Path;
        }
    }

    /// <summary>From the doctype to the opening title tag: depends on the page's folder depth only.</summary>
    internal static HtmlString HeadStart(PageContext ctx)
    {
        var writer = new HtmlWriter(2048);
        writer.Append($"""
            <!DOCTYPE html>
            <html lang="en" data-root="{ctx.Root}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="{ContentSecurityPolicy}">
            <meta name="referrer" content="no-referrer">
            <meta name="generator" content="evidence-as-code compliance toolkit">
            <title>
            """);
        return writer.ToHtml();
    }

    /// <summary>From the closing title tag to the opening of main: stylesheets, scripts, masthead and navigation.</summary>
    internal static HtmlString Masthead(PageContext ctx, Section section)
    {
        var site = ctx.Site;
        var identity = site.Identity;
        var writer = new HtmlWriter(4096);
        writer.Append($"""
            </title>
            <link rel="icon" href="{ctx.Asset("assets/favicon.svg")}" type="image/svg+xml">
            <link rel="stylesheet" href="{ctx.Asset("assets/site.css")}">
            <link rel="stylesheet" href="{ctx.Asset("assets/print.css")}" media="print">

            """);
        if (site.HasCustomCss)
        {
            writer.Append($"<link rel=\"stylesheet\" href=\"{ctx.Asset("assets/custom.css")}\">\n");
        }

        writer.Append($"""
            <script src="{ctx.Asset(SitePaths.SearchIndex)}" defer></script>
            <script src="{ctx.Asset("assets/site.js")}" defer></script>
            </head>
            <body>
            <a class="skip-link" href="#main">Skip to main content</a>
            <header class="masthead">
            <div class="masthead-inner">
            <a class="brand" href="{ctx.Url(new PageRef(SitePaths.Overview))}">
            """);
        if (identity.LogoPath is { } logo)
        {
            writer.Append($"<img class=\"brand-logo\" src=\"{ctx.Asset(logo)}\" alt=\"\">");
        }

        writer.Append($"""
            <span class="brand-text"><span class="brand-name">{identity.Name}</span><span class="brand-sub">Compliance audit</span></span></a>
            <p class="stamp">As of <strong><time datetime="{Components.Date(identity.AsOf)}">{Components.Date(identity.AsOf)}</time></strong><span class="stamp-sep" aria-hidden="true"> · </span>{CommitStamp(identity)}</p>
            <div class="search" role="search" hidden>
            <label class="visually-hidden" for="search-input">Search the audit</label>
            <input id="search-input" type="search" placeholder="Search IDs, citations, vendors…" autocomplete="off" spellcheck="false" role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="search-results" aria-describedby="search-help">
            <kbd class="search-key" aria-hidden="true">/</kbd>
            <p id="search-help" class="visually-hidden">Press slash to search from anywhere. Use the up and down arrows to choose a result and Enter to open it.</p>
            <ul id="search-results" class="search-results" role="listbox" aria-label="Search results" hidden></ul>
            <p class="search-status visually-hidden" role="status" aria-live="polite"></p>
            </div>
            </div>
            <nav class="primary" aria-label="Sections"><ul>
            """);
        foreach (var (navSection, text, path) in NavigationOf(site))
        {
            if (navSection == section)
            {
                writer.Append($"<li><a href=\"{ctx.Url(new PageRef(path))}\" aria-current=\"page\">{text}</a></li>");
            }
            else
            {
                writer.Append($"<li><a href=\"{ctx.Url(new PageRef(path))}\">{text}</a></li>");
            }
        }

        writer.Append($"</ul></nav>\n</header>\n<main id=\"main\" tabindex=\"-1\">\n");
        return writer.ToHtml();
    }

    /// <summary>The breadcrumb trail: the one part of the shell that is each page's own.</summary>
    internal static HtmlString Breadcrumb(PageContext ctx, IReadOnlyList<Crumb> crumbs)
    {
        if (crumbs.Count == 0)
        {
            return HtmlString.Empty;
        }

        var writer = new HtmlWriter(1024);
        writer.Append($"<nav class=\"breadcrumb\" aria-label=\"Breadcrumb\"><ol>");
        foreach (var crumb in crumbs)
        {
            if (crumb.Page is { } page)
            {
                writer.Append($"<li><a href=\"{ctx.Url(page)}\">{crumb.Text}</a></li>");
            }
            else
            {
                writer.Append($"<li aria-current=\"page\">{crumb.Text}</li>");
            }
        }

        writer.Append($"</ol></nav>\n");
        return writer.ToHtml();
    }

    /// <summary>From the closing of main to the end of the document: the colophon.</summary>
    internal static HtmlString Footer(PageContext ctx)
    {
        var writer = new HtmlWriter(2048);
        writer.Append($"\n</main>\n<footer class=\"colophon\"><div class=\"colophon-inner\">");
        writer.Append(Colophon(ctx));
        writer.Append($"</div></footer>\n</body>\n</html>\n");
        return writer.ToHtml();
    }

    private static HtmlString CommitStamp(SiteIdentity identity) =>
        identity.Head is { } head
            ? H($"commit <code title=\"{head.Sha}\">{head.ShortSha}</code>{(identity.Branch is { } branch ? $" ({branch})" : string.Empty)}")
            : H($"no git commit");

    private static HtmlString Colophon(PageContext ctx)
    {
        var identity = ctx.Site.Identity;
        var writer = new HtmlWriter(1024);
        writer.Append($"<p>Generated from the programme repository of <strong>{identity.ProgrammeName}</strong>");
        if (identity.Head is { } head)
        {
            writer.Append($" at commit <code>{head.Sha}</code> ({head.When})");
        }

        writer.Append($", evaluated as of <time datetime=\"{Components.Date(identity.AsOf)}\">{Components.Date(identity.AsOf)}</time>. The repository is the record; this site is a rendering of it and can be rebuilt byte for byte from the same commit and date.</p>");
        if (ctx.Site.ExtraPages.Count > 0)
        {
            writer.Append($"<ul class=\"colophon-links\">");
            foreach (var page in ctx.Site.ExtraPages)
            {
                writer.Append($"<li><a href=\"{ctx.Url(page.Page)}\">{page.Title}</a></li>");
            }

            writer.Append($"<li><a href=\"{ctx.Url(new PageRef(SitePaths.Rules))}\">Rule catalog</a></li></ul>");
        }
        else
        {
            writer.Append($"<ul class=\"colophon-links\"><li><a href=\"{ctx.Url(new PageRef(SitePaths.Rules))}\">Rule catalog</a></li></ul>");
        }

        return writer.ToHtml();
    }
}
