using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;

namespace Compliance.Site.Html;

/// <summary>The template entry points. <c>using static Compliance.Site.Html.Html;</c> then <c>H($"&lt;p&gt;{value}&lt;/p&gt;")</c>.</summary>
public static class Html
{
    /// <summary>Renders a template: every hole is encoded unless it is an <see cref="HtmlString"/>.</summary>
    public static HtmlString H(ref HtmlTemplateHandler template) => new(BuilderCache.Release(template.Builder));

    /// <summary>
    /// The explicit opt-in to unencoded markup. Used for Markdig's output (raw HTML disabled, URLs
    /// filtered) and for markup the site builds itself; never for a value read from a programme file.
    /// </summary>
    public static HtmlString Raw(string? html) => new(html);

    public static HtmlString Text(string? text) => new(HtmlEncoding.Encode(text));

    public static HtmlString Join(IEnumerable<HtmlString> fragments, HtmlString separator = default) => Join(fragments, static fragment => fragment, separator);

    public static HtmlString Concat(params HtmlString[] fragments) => Join(fragments);

    /// <summary>
    /// Renders each item and joins the fragments. Prefer it to <c>Join(items.Select(render))</c>: LINQ that yields a struct
    /// (<see cref="HtmlString"/>) is a framework generic over a struct, which ReadyToRun cannot precompile (issue 15).
    /// </summary>
    public static HtmlString Join<T>(IEnumerable<T> items, Func<T, HtmlString> render, HtmlString separator = default)
    {
        var builder = BuilderCache.Rent(256);
        var first = true;
        foreach (var item in items)
        {
            if (!first)
            {
                builder.Append(separator.Value);
            }

            builder.Append(render(item).Value);
            first = false;
        }

        return new HtmlString(BuilderCache.Release(builder));
    }
}

/// <summary>Markup that writes itself into a page's writer (a page header's facts, say) rather than being rendered to a string first.</summary>
public interface IHtmlFragment
{
    void WriteTo(HtmlWriter writer);
}

/// <summary>
/// Builds one page: templates append straight into its buffer, so a page is one string, not a tree of
/// them. <see cref="ToHtml"/> takes the result and ends the writer; its buffer goes back to <see cref="BuilderCache"/>.
/// </summary>
public sealed class HtmlWriter
{
    private StringBuilder? _builder;

    public HtmlWriter(int capacity = 16 * 1024) => _builder = BuilderCache.Rent(capacity);

    internal StringBuilder Builder => _builder ?? throw new InvalidOperationException("This writer's HTML was already taken with ToHtml; start a new writer.");

    public int Length => Builder.Length;

    /// <summary>Appends a template; holes are encoded exactly as in <see cref="Html.H"/>.</summary>
    public HtmlWriter Append([InterpolatedStringHandlerArgument("")] ref HtmlTemplateHandler template) => this;

    public HtmlWriter Append(HtmlString html)
    {
        Builder.Append(html.Value);
        return this;
    }

    /// <summary>Appends a fragment that writes itself here, without a string of its own in between.</summary>
    public HtmlWriter Append(IHtmlFragment fragment)
    {
        fragment.WriteTo(this);
        return this;
    }

    public HtmlString ToHtml()
    {
        var builder = Builder;
        _builder = null;
        return new(BuilderCache.Release(builder));
    }

    public override string ToString() => Builder.ToString();
}
