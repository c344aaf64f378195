using System;
using System.Runtime.CompilerServices;
using System.Text;

namespace Compliance.Site.Html;

/// <summary>
/// HTML encoding for text and for quoted attribute values: &amp; &lt; &gt; &quot; and &#39; become
/// character references, and control characters (other than tab and newlines) become U+FFFD.
/// Other characters stay as they are: the pages are UTF-8, and an auditor reading the source sees the text.
/// </summary>
public static class HtmlEncoding
{
    /// <summary>The characters that are replaced: all ASCII.</summary>
    internal const string Special = "&<>\"'\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F";

    // Special as a 128-bit set, searched with a plain loop rather than SearchValues: its vectorised search is a framework
    // generic over structs, which ReadyToRun cannot precompile, and it ran unoptimised for a whole render (issue 15).
    private static readonly ulong Low = Mask(0);
    private static readonly ulong High = Mask(64);

    private static ulong Mask(int from)
    {
        var mask = 0UL;
        foreach (var c in Special)
        {
            if (c >= from && c < from + 64)
            {
                mask |= 1UL << (c - from);
            }
        }

        return mask;
    }

    /// <summary>The index of the first character to replace, or -1.</summary>
    internal static int IndexOfSpecial(ReadOnlySpan<char> text)
    {
        var low = Low;
        var high = High;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 64 ? ((low >> c) & 1) != 0 : c < 128 && ((high >> (c - 64)) & 1) != 0)
            {
                return i;
            }
        }

        return -1;
    }

    public static string Encode(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (IndexOfSpecial(text) < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        Append(builder, text);
        return builder.ToString();
    }

    // Optimised from its first call, as the template handler's hot methods are (see HtmlTemplateHandler).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Append(StringBuilder builder, ReadOnlySpan<char> text)
    {
        while (text.Length > 0)
        {
            var next = IndexOfSpecial(text);
            if (next < 0)
            {
                builder.Append(text);
                return;
            }

            builder.Append(text.Slice(0, next));
            builder.Append(text[next] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => "\uFFFD",
            });
            text = text.Slice(next + 1);
        }
    }
}
