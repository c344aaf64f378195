using System;
using Compliance.Model.Text;

namespace Compliance.Model.Binding;

/// <summary>A string value (an ID or a reference) with the place it was written, for diagnostics that point at it.</summary>
public sealed record Located(string Value, SourceSpan Span) : IComparable<Located>
{
    public int CompareTo(Located? other) => string.CompareOrdinal(Value, other?.Value);

    public override string ToString() => Value;
}
