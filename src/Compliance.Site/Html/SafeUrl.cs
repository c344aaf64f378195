using System;
using System.Runtime.CompilerServices;

namespace Compliance.Site.Html;

/// <summary>
/// A URL that may go into an href or src attribute: a link between the site's own pages (built by
/// <see cref="SafeUrl.Internal"/> from paths the site itself made), or an outside URL that passed
/// <see cref="UrlFilter"/>. Templates refuse any other value in a URL attribute, so a string from a
/// programme file can never become a link without being filtered.
/// </summary>
public readonly struct SafeUrl : IEquatable<SafeUrl>
{
    private readonly string? _value;

    private SafeUrl(string value) => _value = value;

    public string Value => _value ?? "#";

    /// <summary>A relative URL the site made itself: letters, digits and <c>-._~/#%</c> only, never a scheme or a leading slash.</summary>
    public static SafeUrl Internal(string relative)
    {
        if (!IsInternal(relative))
        {
            throw new ArgumentException($"'{relative}' is not a relative site URL.", nameof(relative));
        }

        return new SafeUrl(relative);
    }

    /// <summary>Used by <see cref="UrlFilter"/> only, after it has checked the scheme.</summary>
    internal static SafeUrl Checked(string url) => new(url);

    // Optimised from its first call, as the template handler's hot methods are (see HtmlTemplateHandler).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool IsInternal(string relative)
    {
        if (relative.Length == 0 || relative[0] == '/' || relative.StartsWith("\\", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in relative)
        {
            var ok = c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '-' or '.' or '_' or '~' or '/' or '#' or '%';
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    public bool Equals(SafeUrl other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is SafeUrl other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    public override string ToString() => Value;

    public static bool operator ==(SafeUrl left, SafeUrl right) => left.Equals(right);

    public static bool operator !=(SafeUrl left, SafeUrl right) => !left.Equals(right);
}
