using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Compliance.Site.Html;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Compliance.Site.Markdown;

/// <summary>How one Markdown document is placed in the site.</summary>
/// <param name="IdPrefix">Prefixed to every heading ID (and to in-document '#' links), so that documents printed on one page keep unique IDs.</param>
/// <param name="HeadingShift">Levels added to every heading, so that the document's own '#' sits under the page's h1.</param>
/// <param name="ResolveRelative">Maps a relative link written in the document to a page of the site, or null to keep its text without a link.</param>
public sealed record MarkdownOptions(string IdPrefix = "", int HeadingShift = 1, Func<string, SafeUrl?>? ResolveRelative = null);

/// <summary>A rendered document: its HTML and the text of its first heading, if any.</summary>
public sealed record MarkdownResult(HtmlString Html, string? Title);

/// <summary>
/// Renders policies and site pages with one Markdig pipeline, built once and shared by every thread.
/// Raw HTML is disabled (it renders as text), and Markdig "is not an HTML sanitizer", so before
/// rendering, the syntax tree is walked and every link and image URL goes through <see cref="UrlFilter"/>:
/// a refused link keeps its text and loses its target. Table alignment is dropped because it would be
/// emitted as an inline style, which the site's Content-Security-Policy forbids.
/// </summary>
public static class MarkdownRenderer
{
    // The front matter of an extra page or a Markdown artifact is dropped unread; a policy comes without
    // its front matter (the model's reader splits it off, see PolicyMarkdown), so Markdig reads none of it.
    public static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    public static MarkdownResult Render(string markdown, MarkdownOptions? options = null)
    {
        options ??= new MarkdownOptions();
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        var title = Sanitise(document, options);

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return new MarkdownResult(Html.Html.Raw(writer.ToString().Replace("\r\n", "\n")), title);
    }

    /// <summary>Walks the tree: front matter out, headings shifted and prefixed, URLs filtered, table alignment dropped.</summary>
    private static string? Sanitise(MarkdownDocument document, MarkdownOptions options)
    {
        foreach (var frontMatter in document.OfType<YamlFrontMatterBlock>().ToList())
        {
            document.Remove(frontMatter);
        }

        string? title = null;
        var descendants = document.Descendants().ToList();
        foreach (var node in descendants)
        {
            switch (node)
            {
                case HeadingBlock heading:
                    title ??= heading.Inline is null ? null : PlainText(heading.Inline);
                    heading.Level = Math.Min(6, heading.Level + options.HeadingShift);
                    if (heading.GetAttributes() is { Id: { Length: > 0 } id } attributes)
                    {
                        attributes.Id = options.IdPrefix + id;
                    }

                    break;

                case Table table:
                    foreach (var column in table.ColumnDefinitions)
                    {
                        column.Alignment = null;
                    }

                    break;
            }
        }

        foreach (var node in descendants)
        {
            switch (node)
            {
                case LinkInline link:
                    FilterLink(link, options);
                    break;
                case AutolinkInline autolink:
                    FilterAutolink(autolink);
                    break;
            }
        }

        return title;
    }

    private static void FilterLink(LinkInline link, MarkdownOptions options)
    {
        var url = link.GetDynamicUrl?.Invoke() ?? link.Url;
        link.GetDynamicUrl = null;
        var use = link.IsImage ? UrlUse.Image : UrlUse.Link;
        SafeUrl? target = null;
        if (UrlFilter.TryFilter(url, use, out var safe))
        {
            var value = safe.Value;
            if (value.StartsWith("#", StringComparison.Ordinal))
            {
                target = SafeUrlOrNull("#" + options.IdPrefix + value.Substring(1), value);
            }
            else if (IsRelative(value))
            {
                target = options.ResolveRelative?.Invoke(value);
            }
            else
            {
                target = safe;
            }
        }

        if (target is { } allowed)
        {
            link.Url = allowed.Value;
            if (link.IsImage && !link.Url.StartsWith("data:", StringComparison.OrdinalIgnoreCase) && !IsRelative(link.Url))
            {
                // Remote images would be blocked by the CSP (img-src 'self' data:) and would leak the reader's visit: link instead.
                link.IsImage = false;
            }

            return;
        }

        Unwrap(link);
    }

    private static SafeUrl? SafeUrlOrNull(string candidate, string fallback) =>
        UrlFilter.TryFilter(candidate, UrlUse.Link, out var safe) ? safe : UrlFilter.TryFilter(fallback, UrlUse.Link, out var plain) ? plain : null;

    private static void FilterAutolink(AutolinkInline autolink)
    {
        if (!autolink.IsEmail && UrlFilter.TryFilter(autolink.Url, UrlUse.Link, out var safe) && !IsRelative(safe.Value))
        {
            autolink.Url = safe.Value;
            return;
        }

        autolink.ReplaceBy(new LiteralInline(autolink.Url));
    }

    /// <summary>Replaces a link by its content: the text stays, inert.</summary>
    private static void Unwrap(LinkInline link)
    {
        var children = new List<Inline>();
        for (var child = link.FirstChild; child is not null; child = child.NextSibling)
        {
            children.Add(child);
        }

        if (link.IsImage && children.Count == 0)
        {
            children.Add(new LiteralInline("[image]"));
        }

        foreach (var child in children)
        {
            child.Remove();
            link.InsertBefore(child);
        }

        link.Remove();
    }

    private static bool IsRelative(string url) =>
        !url.StartsWith("http:", StringComparison.OrdinalIgnoreCase)
        && !url.StartsWith("https:", StringComparison.OrdinalIgnoreCase)
        && !url.StartsWith("data:", StringComparison.OrdinalIgnoreCase)
        && !url.StartsWith("#", StringComparison.Ordinal);

    private static string PlainText(ContainerInline inline)
    {
        var text = new System.Text.StringBuilder();
        foreach (var child in inline.Descendants())
        {
            switch (child)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
            }
        }

        return text.ToString().Trim();
    }
}
