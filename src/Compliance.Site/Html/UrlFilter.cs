using System;
using System.Text;

namespace Compliance.Site.Html;

/// <summary>Where a URL is used: links may be relative, http or https; images may also be raster data: URLs.</summary>
public enum UrlUse
{
    Link,
    Image,
}

/// <summary>
/// The one gate for URLs that come from programme files or Markdown. Markdig is not a sanitizer, so
/// every link and image URL passes here before it is rendered. Allowed: relative URLs (not
/// protocol-relative, not rooted), http and https, and for images only, base64 data: URLs of
/// raster types. Refused: everything else, javascript:, vbscript:, data:text/html, file:, mailto: included.
/// The URL is normalised first as a browser would read it (tabs and newlines removed, leading and
/// trailing control characters and spaces trimmed), so "java&#9;script:" tricks do not slip through.
/// </summary>
public static class UrlFilter
{
    private static readonly string[] ImageDataPrefixes =
    {
        "data:image/png;base64,",
        "data:image/jpeg;base64,",
        "data:image/gif;base64,",
        "data:image/webp;base64,",
    };

    public static bool TryFilter(string? url, UrlUse use, out SafeUrl safe)
    {
        safe = default;
        if (url is null)
        {
            return false;
        }

        var normalised = Normalise(url);
        if (normalised.Length == 0)
        {
            return false;
        }

        var scheme = Scheme(normalised);
        if (scheme is null)
        {
            // Relative. A leading slash or backslash would be rooted (file:///... from disk) or protocol-relative.
            if (normalised[0] is '/' or '\\')
            {
                return false;
            }

            safe = SafeUrl.Checked(normalised);
            return true;
        }

        if (scheme.Equals("http", StringComparison.OrdinalIgnoreCase) || scheme.Equals("https", StringComparison.OrdinalIgnoreCase))
        {
            safe = SafeUrl.Checked(normalised);
            return true;
        }

        if (use == UrlUse.Image && scheme.Equals("data", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var prefix in ImageDataPrefixes)
            {
                if (normalised.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && IsBase64(normalised.AsSpan(prefix.Length)))
                {
                    safe = SafeUrl.Checked(normalised);
                    return true;
                }
            }
        }

        return false;
    }

    public static bool IsAllowed(string? url, UrlUse use) => TryFilter(url, use, out _);

    /// <summary>As the URL parser of a browser sees it: ASCII tab and newlines removed, C0 controls and spaces trimmed.</summary>
    internal static string Normalise(string url)
    {
        var builder = new StringBuilder(url.Length);
        foreach (var c in url)
        {
            if (c is '\t' or '\n' or '\r')
            {
                continue;
            }

            builder.Append(c);
        }

        var start = 0;
        var end = builder.Length;
        while (start < end && builder[start] <= ' ')
        {
            start++;
        }

        while (end > start && builder[end - 1] <= ' ')
        {
            end--;
        }

        return builder.ToString(start, end - start);
    }

    /// <summary>The scheme, if the URL starts with one: a letter, then letters, digits, '+', '-' or '.', then ':'.</summary>
    private static string? Scheme(string url)
    {
        if (url.Length == 0 || !char.IsAsciiLetter(url[0]))
        {
            return null;
        }

        for (var i = 1; i < url.Length; i++)
        {
            var c = url[i];
            if (c == ':')
            {
                return url.Substring(0, i);
            }

            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
            {
                return null;
            }
        }

        return null;
    }

    private static bool IsBase64(ReadOnlySpan<char> data)
    {
        foreach (var c in data)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '='))
            {
                return false;
            }
        }

        return data.Length > 0;
    }
}
