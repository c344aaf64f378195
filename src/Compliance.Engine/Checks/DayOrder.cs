using System;

namespace Compliance.Engine.Checks;

/// <summary>
/// Orders optional days as Comparer&lt;DateOnly?&gt;.Default does (no day first), without that comparer: ReadyToRun
/// cannot precompile the framework's generics over value types, so LINQ keyed by a DateOnly? is JIT-compiled (issue 15).
/// </summary>
internal static class DayOrder
{
    public static int Compare(DateOnly? x, DateOnly? y) => x is { } a
        ? (y is { } b ? a.CompareTo(b) : 1)
        : (y is null ? 0 : -1);
}
