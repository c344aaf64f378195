using System;
using System.Collections.Concurrent;
using System.Threading;
using Compliance.Site.Html;
using static Compliance.Site.Html.Html;

namespace Compliance.Site.Rendering;

public static partial class Components
{
    private const int CachedPillLimit = 512;

    // The same few pills repeat on every row of every page, so each is rendered once rather than through the template
    // every time (about 5% of the pages' CPU at 2,000 controls, issue 15). Keyed by the words; a text seen with another
    // tone or glyph, or beyond the limit (texts that carry a number or a date), is rendered afresh.
    private static readonly ConcurrentDictionary<string, CachedPill> Pills = new(StringComparer.Ordinal);
    private static int s_cachedPills;

    /// <summary>A state in words, with a glyph hidden from screen readers and a tone for colour.</summary>
    public static HtmlString Pill(string tone, string glyph, string text)
    {
        if (Pills.TryGetValue(text, out var cached) && cached.Tone == tone && cached.Glyph == glyph)
        {
            return Raw(cached.Html);
        }

        var html = H($"<span class=\"pill pill-{tone}\"><span aria-hidden=\"true\">{glyph} </span>{text}</span>");
        if (cached is null && Volatile.Read(ref s_cachedPills) < CachedPillLimit && Pills.TryAdd(text, new CachedPill(tone, glyph, html.Value)))
        {
            Interlocked.Increment(ref s_cachedPills);
        }

        return html;
    }

    private sealed record CachedPill(string Tone, string Glyph, string Html);
}
