using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using Compliance.Site.Html;
using Compliance.Site.Model;

namespace Compliance.Site.Rendering;

/// <summary>
/// The page shell of <see cref="Layout"/>, in the parts that a page is written from. The head, the
/// masthead with its navigation and the colophon depend only on the page's folder depth and section
/// (about 3.5 KB of every page), so each is rendered once per depth and section rather than once per
/// page. A page the shell links to gets parts of its own, because there the link is to itself.
/// </summary>
public sealed class PageShell
{
    private readonly HashSet<string> _linked;
    // Keyed by a string, not a tuple: ReadyToRun cannot precompile a framework generic over a struct (issue 15).
    private readonly ConcurrentDictionary<string, Shared> _shared = new(StringComparer.Ordinal);

    public PageShell(SiteModel site) => _linked = new HashSet<string>(Layout.ShellLinks(site), StringComparer.Ordinal);

    /// <summary>The page in writing order: head, title, masthead, breadcrumb trail, body, colophon.</summary>
    public string[] Parts(PageContext ctx, string title, Section section, IReadOnlyList<Crumb> crumbs, HtmlString body)
    {
        var self = _linked.Contains(ctx.Path) ? ctx.Path : string.Empty;
        var key = string.Concat(ctx.Root, "\0", self, "\0", ((int)section).ToString(CultureInfo.InvariantCulture));
        if (!_shared.TryGetValue(key, out var shared))
        {
            shared = _shared.GetOrAdd(key, new Shared(Layout.HeadStart(ctx).Value, Layout.Masthead(ctx, section).Value, Layout.Footer(ctx).Value));
        }

        return new[]
        {
            shared.Head,
            HtmlEncoding.Encode(Layout.FullTitle(ctx, title)),
            shared.Masthead,
            Layout.Breadcrumb(ctx, crumbs).Value,
            body.Value,
            shared.Footer,
        };
    }

    private sealed record Shared(string Head, string Masthead, string Footer);
}
