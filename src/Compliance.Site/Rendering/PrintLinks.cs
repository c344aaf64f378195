using System;
using System.Runtime.CompilerServices;
using System.Text;
using Compliance.Site.Html;
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
    /// <summary>Appends where the print holds <paramref name="target"/> and returns true, or returns false to keep a link to the page itself.</summary>
    private delegate bool PrintedHref(StringBuilder output, string target, ReadOnlySpan<char> fragment, bool hasFragment);

    private const int MaxInitialChars = 32 * 1024;

    internal static string Rewrite(string body, string pagePath, PrintPlan plan) =>
        Rewrite(body, pagePath, (output, target, fragment, hasFragment) => PageContext.IsPrinted(target) && plan.AppendHref(output, pagePath, target, fragment, hasFragment));

    /// <summary>The same, for a print page that holds only some pages: a link becomes an anchor only when <paramref name="onThisPrint"/> holds its target.</summary>
    internal static string Rewrite(string body, string pagePath, Func<string, bool> onThisPrint) =>
        Rewrite(body, pagePath, (output, target, fragment, hasFragment) =>
        {
            if (!onThisPrint(target))
            {
                return false;
            }

            PageRef.AppendAnchor(output, target, fragment, hasFragment);
            return true;
        });

    // Optimised from its first call, as the template handler's hot methods are (see HtmlTemplateHandler).
    /// <param name="printedHref">Appends the link to a page where this print holds it, or returns false to keep a link to the page itself.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string Rewrite(string body, string pagePath, PrintedHref printedHref)
    {
        var folder = pagePath.Contains('/') ? pagePath.Substring(0, pagePath.LastIndexOf('/') + 1) : string.Empty;
        // Capped below the large object heap's threshold: a builder grows by chunks of its own, so a 14 MB
        // page (the controls list at 32,000 controls) no longer takes a 28 MB block that only a full collection frees.
        // The builder is a spare of this thread's (BuilderCache), as the templates' are.
        var output = BuilderCache.Rent(Math.Min(body.Length + 1024, MaxInitialChars));
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
            Resolve(output, body.AsSpan(valueStart, valueEnd - valueStart), folder, printedHref);
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
        return BuilderCache.Release(output);
    }

    /// <summary>Appends the URL as the print section holds it. It reads the attribute in place: a page has dozens of links, and each used to cost four strings.</summary>
    private static void Resolve(StringBuilder output, ReadOnlySpan<char> url, string folder, PrintedHref printedHref)
    {
        if (url.Length == 0 || url[0] == '#' || url.Contains(':'))
        {
            output.Append(url);
            return;
        }

        var hash = url.IndexOf('#');
        var path = hash >= 0 ? url.Slice(0, hash) : url;
        var fragment = hash >= 0 ? url.Slice(hash + 1) : ReadOnlySpan<char>.Empty;
        var target = RelativePaths.Normalise(folder, path);
        if (target.EndsWith(".html", StringComparison.Ordinal) && printedHref(output, target, fragment, hash >= 0))
        {
            return;
        }

        output.Append(target);
        if (hash >= 0)
        {
            output.Append('#').Append(fragment);
        }
    }
}
