using System;

namespace Compliance.Site.Html;

/// <summary>
/// A fragment of markup that is already safe to emit as it is: the output of a template, of the
/// Markdown renderer, or an explicit <see cref="Html.Raw"/>. Templates append it unencoded; every
/// other value they are given is encoded. It cannot be created from a string except through those doors.
/// </summary>
public readonly struct HtmlString : IEquatable<HtmlString>
{
    private readonly string? _value;

    internal HtmlString(string? value) => _value = value;

    public static HtmlString Empty => default;

    public bool IsEmpty => string.IsNullOrEmpty(_value);

    public string Value => _value ?? string.Empty;

    public bool Equals(HtmlString other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is HtmlString other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    public override string ToString() => Value;

    public static bool operator ==(HtmlString left, HtmlString right) => left.Equals(right);

    public static bool operator !=(HtmlString left, HtmlString right) => !left.Equals(right);
}
