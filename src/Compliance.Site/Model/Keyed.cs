namespace Compliance.Site.Model;

/// <summary>
/// A value under a string key, for grouping with LINQ. A class rather than a (key, value) tuple: ReadyToRun cannot precompile
/// a framework generic over a struct, so each such tuple's LINQ ran JIT-compiled on every render (issue 15).
/// </summary>
internal sealed record Keyed<T>(string Key, T Value)
    where T : class;

internal static class Keyed
{
    public static Keyed<T> Of<T>(string key, T value)
        where T : class => new(key, value);
}
