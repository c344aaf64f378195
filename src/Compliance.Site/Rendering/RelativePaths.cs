using System;

namespace Compliance.Site.Rendering;

/// <summary>Site-relative paths as links in Markdown and pages write them.</summary>
internal static class RelativePaths
{
    /// <summary>Resolves '.' and '..' segments and drops empty ones: "a/./b/../c" becomes "a/c". Never climbs above the start.</summary>
    public static string Normalise(string path) => Normalise(string.Empty, path);

    /// <summary>
    /// The same for <paramref name="folder"/> followed by <paramref name="path"/>, without joining them first. It writes
    /// the result once, in a buffer, instead of splitting it into a list of strings: the print page resolves every link
    /// of every page this way (issue 15).
    /// </summary>
    public static string Normalise(string folder, ReadOnlySpan<char> path)
    {
        var length = folder.Length + path.Length;
        var rented = length <= 512 ? null : new char[length];
        var buffer = rented ?? stackalloc char[length];
        var written = 0;
        Append(folder, buffer, ref written);
        Append(path, buffer, ref written);
        return new string(buffer.Slice(0, written));
    }

    // The buffer holds the segments so far, joined by '/'; '..' cuts back to the previous '/'.
    private static void Append(ReadOnlySpan<char> source, Span<char> buffer, ref int written)
    {
        while (source.Length > 0)
        {
            var slash = source.IndexOf('/');
            var segment = slash >= 0 ? source.Slice(0, slash) : source;
            source = slash >= 0 ? source.Slice(slash + 1) : ReadOnlySpan<char>.Empty;
            if (segment.IsEmpty || segment is ".")
            {
                continue;
            }

            if (segment is "..")
            {
                written = written == 0 ? 0 : Math.Max(buffer.Slice(0, written).LastIndexOf('/'), 0);
                continue;
            }

            if (written > 0)
            {
                buffer[written++] = '/';
            }

            segment.CopyTo(buffer.Slice(written));
            written += segment.Length;
        }
    }
}
