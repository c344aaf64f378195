using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Compliance.Site.Html;
using Compliance.Site.Model;
using static Compliance.Site.Html.Html;

namespace Compliance.Site.Rendering;

/// <summary>
/// Where a page is being rendered: its path, which every relative link is computed from. (The print
/// page reuses each page's body and rewrites its links, see <see cref="PrintLinks"/>.)
/// </summary>
public sealed class PageContext
{
    private static readonly HtmlString Revoked = H($"<span class=\"pill pill-bad\"><span aria-hidden=\"true\">✕ </span>revoked</span>");
    private static readonly HashSet<string> NotPrinted = new(StringComparer.Ordinal) { SitePaths.Rules, SitePaths.Print, SitePaths.PeriodPrint };

    public PageContext(SiteModel site, string path)
    {
        Site = site;
        Path = path;
        Root = string.Concat(Enumerable.Repeat("../", path.Count(c => c == '/')));
        PageId = PageRef.PageIdOf(path);
    }

    public SiteModel Site { get; }

    public string Path { get; }

    /// <summary>"" for a page at the root, "../" one folder down.</summary>
    public string Root { get; }

    /// <summary>The ID of this page's section on the print page (<see cref="PageRef.PageIdOf"/>).</summary>
    public string PageId { get; }

    // Optimised from its first call, as the template handler's hot methods are (see HtmlTemplateHandler).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public SafeUrl Url(PageRef target)
    {
        if (target.Path == Path)
        {
            return SafeUrl.Internal(target.Fragment is null ? Leaf(Path) : "#" + target.Fragment);
        }

        return SafeUrl.Internal(target.Fragment is null ? Root + target.Path : string.Concat(Root, target.Path, "#", target.Fragment));
    }

    public SafeUrl Asset(string path) => SafeUrl.Internal(Root + path);

    /// <summary>An ID for an element of this page that stays unique on the print page, where every page is a section.</summary>
    public string Id(string local) => string.Concat(PageId, "-", local);

    public HtmlString Link(PageRef? target, string text) =>
        target is null ? H($"<span class=\"unlinked\">{text}</span>") : H($"<a href=\"{Url(target)}\">{text}</a>");

    /// <summary>An item as "ID Title", the ID in a code-like face, the whole a link when the item has a page.</summary>
    public HtmlString Link(ItemLink item, bool title = true)
    {
        // One template per shape, not an inner fragment wrapped by an outer one: a page holds hundreds of these (issue 15).
        var titled = title && item.Title.Length > 0 && item.Title != item.Id;
        return (item.Page, titled) switch
        {
            (null, true) => H($"<span class=\"unlinked\"><span class=\"id\">{item.Id}</span> <span class=\"title\">{item.Title}</span></span>"),
            (null, false) => H($"<span class=\"unlinked\"><span class=\"id\">{item.Id}</span></span>"),
            ({ } page, true) => H($"<a href=\"{Url(page)}\"><span class=\"id\">{item.Id}</span> <span class=\"title\">{item.Title}</span></a>"),
            ({ } page, false) => H($"<a href=\"{Url(page)}\"><span class=\"id\">{item.Id}</span></a>"),
        };
    }

    public HtmlString Person(PersonLink? person)
    {
        if (person is null)
        {
            return H($"<span class=\"muted\">none</span>");
        }

        return (person.Page, person.Active) switch
        {
            (null, true) => H($"<span class=\"unlinked\">{person.Name}</span>"),
            ({ } page, true) => H($"<a href=\"{Url(page)}\">{person.Name}</a>"),
            (null, false) => H($"<span class=\"unlinked\">{person.Name}</span> {Revoked}"),
            ({ } page, false) => H($"<a href=\"{Url(page)}\">{person.Name}</a> {Revoked}"),
        };
    }

    /// <summary>
    /// Whether a page is a section of the print page: everything but the rule catalog, artifact pages, extra pages
    /// and the pages of a long audit log's events (the log's own page, with every problem, is printed).
    /// </summary>
    public static bool IsPrinted(string path) =>
        !NotPrinted.Contains(path) && !path.StartsWith("evidence/", StringComparison.Ordinal) && !path.StartsWith("pages/", StringComparison.Ordinal)
        && !path.StartsWith("audit-log/", StringComparison.Ordinal);

    private static string Leaf(string path) => path.Contains('/') ? path.Substring(path.LastIndexOf('/') + 1) : path;
}
