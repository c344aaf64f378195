using System;
using System.Collections.Generic;
using System.Text;

namespace Compliance.Site.Html;

/// <summary>
/// Spare StringBuilders, per thread, for templates and page writers. Every template and writer used to
/// start a builder of its own (a writer 16K characters by default), and their buffers were about 590 MB
/// of the 1.4 GB the benchmark site allocated. A builder goes back only once its text has been taken,
/// and a thread keeps a few, none larger than a big page, so nothing lingers in memory for long.
/// </summary>
internal static class BuilderCache
{
    private const int MaxSpares = 8;
    private const int MaxKeptCapacity = 128 * 1024;

    [ThreadStatic]
    private static Stack<StringBuilder>? t_spares;

    public static StringBuilder Rent(int capacity)
    {
        if (t_spares is { Count: > 0 } spares)
        {
            var builder = spares.Pop();
            builder.EnsureCapacity(Math.Min(capacity, MaxKeptCapacity));
            return builder;
        }

        return new StringBuilder(Math.Min(capacity, MaxKeptCapacity));
    }

    /// <summary>The builder's text; the builder itself is cleared and kept for the next template on this thread.</summary>
    public static string Release(StringBuilder builder)
    {
        var text = builder.ToString();
        if (builder.Capacity <= MaxKeptCapacity)
        {
            var spares = t_spares ??= new Stack<StringBuilder>(MaxSpares);
            if (spares.Count < MaxSpares)
            {
                builder.Clear();
                spares.Push(builder);
            }
        }

        return text;
    }
}
