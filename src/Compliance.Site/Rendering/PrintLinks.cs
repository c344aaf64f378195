using System;
using System.Runtime.CompilerServices;
using System.Text;
using Compliance.Site.Model;

namespace Compliance.Site.Rendering;

/// <summary>
/// Turns a page body, as rendered for its own page, into its section of the print page: every
/// relative href and src is resolved against the page's folder, and a link to a page that is printed
/// too becomes an in-page anchor. Text and attribute values are HTML-encoded, so the sequences
/// <c>href="</c> and <c>src="</c> occur only as real attributes; this saves rendering every page twice.
/// </summary>
public static class PrintLinks
{
    // Optimised from its first call, as the template handler's hot methods are (see HtmlTemplateHandler).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Rewrite(string body, string pagePath) => Rewrite(body, pagePath, PageContext.IsPrinted);

    /// <summary>The same, for a print page that holds only some pages: a link becomes an anchor only when <paramref name="onThisPrint"/> holds its target.</summary>
    public static string Rewrite(string body, string pagePath, Func<string, bool> onThisPrint)
    {
        var folder = pagePath.Contains('/') ? pagePath.Substring(0, pagePath.LastIndexOf('/') + 1) : string.Empty;
        var output = new StringBuilder(body.Length + 1024);
        var position = 0;
        var href = body.IndexOf(" href=\"", StringComparison.Ordinal);
        var src = body.IndexOf(" src=\"", StringComparison.Ordinal);
        while (href >= 0 || src >= 0)
        {
            // The next attribute; the search for the other kind is kept, so the body is scanned once.
            var isHref = href >= 0 && (src < 0 || href < src);
            var valueStart = isHref ? href + 7 : src + 6;
            var valueEnd = body.IndexOf('"', valueStart);
            if (valueEnd < 0)
            {
                break;
            }

            output.Append(body, position, valueStart - position);
            output.Append(Resolve(body.Substring(valueStart, valueEnd - valueStart), folder, onThisPrint));
            position = valueEnd;
            if (isHref)
            {
                href = body.IndexOf(" href=\"", valueEnd, StringComparison.Ordinal);
            }
            else
            {
                src = body.IndexOf(" src=\"", valueEnd, StringComparison.Ordinal);
            }
        }

        output.Append(body, position, body.Length - position);
        return output.ToString();
    }

    private static string Resolve(string url, string folder, Func<string, bool> onThisPrint)
    {
        if (url.Length == 0 || url[0] == '#' || url.Contains(':'))
        {
            return url;
        }

        var hash = url.IndexOf('#');
        var path = hash >= 0 ? url.Substring(0, hash) : url;
        var fragment = hash >= 0 ? url.Substring(hash + 1) : null;
        var target = RelativePaths.Normalise(folder + path);
        if (onThisPrint(target) && target.EndsWith(".html", StringComparison.Ordinal))
        {
            return "#" + (fragment ?? PageRef.PageIdOf(target));
        }

        return fragment is null ? target : target + "#" + fragment;
    }
}
