using System;
using System.Runtime.CompilerServices;
using System.Text;
using Compliance.Site.Model;

namespace Compliance.Site.Rendering;

/// <summary>
/// Turns a page body, as rendered for its own page, into its section of the print page: every
/// relative href and src is resolved against the page's folder, and a link to a page that is printed
/// too becomes an anchor in the print file that holds it (<see cref="PrintPlan.Href"/>). Text and attribute values are HTML-encoded, so the sequences
/// <c>href="</c> and <c>src="</c> occur only as real attributes; this saves rendering every page twice.
/// </summary>
internal static class PrintLinks
{
    private const int MaxInitialChars = 32 * 1024;

    internal static string Rewrite(string body, string pagePath, PrintPlan plan) =>
        Rewrite(body, pagePath, (target, fragment) => PageContext.IsPrinted(target) ? plan.Href(pagePath, target, fragment) : null);

    /// <summary>The same, for a print page that holds only some pages: a link becomes an anchor only when <paramref name="onThisPrint"/> holds its target.</summary>
    internal static string Rewrite(string body, string pagePath, Func<string, bool> onThisPrint) =>
        Rewrite(body, pagePath, (target, fragment) => onThisPrint(target) ? "#" + (fragment ?? PageRef.PageIdOf(target)) : null);

    // Optimised from its first call, as the template handler's hot methods are (see HtmlTemplateHandler).
    /// <param name="printedHref">The link to a page where this print holds it, or null to keep a link to the page itself.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string Rewrite(string body, string pagePath, Func<string, string?, string?> printedHref)
    {
        var folder = pagePath.Contains('/') ? pagePath.Substring(0, pagePath.LastIndexOf('/') + 1) : string.Empty;
        // Capped below the large object heap's threshold: a builder grows by chunks of its own, so a 14 MB
        // page (the controls list at 32,000 controls) no longer takes a 28 MB block that only a full collection frees.
        var output = new StringBuilder(Math.Min(body.Length + 1024, MaxInitialChars));
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
            output.Append(Resolve(body.Substring(valueStart, valueEnd - valueStart), folder, printedHref));
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

    private static string Resolve(string url, string folder, Func<string, string?, string?> printedHref)
    {
        if (url.Length == 0 || url[0] == '#' || url.Contains(':'))
        {
            return url;
        }

        var hash = url.IndexOf('#');
        var path = hash >= 0 ? url.Substring(0, hash) : url;
        var fragment = hash >= 0 ? url.Substring(hash + 1) : null;
        var target = RelativePaths.Normalise(folder + path);
        if (target.EndsWith(".html", StringComparison.Ordinal) && printedHref(target, fragment) is { } printed)
        {
            return printed;
        }

        return fragment is null ? target : target + "#" + fragment;
    }
}
