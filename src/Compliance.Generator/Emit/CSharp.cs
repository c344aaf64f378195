using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CSharp;

namespace Compliance.Generator.Emit;

/// <summary>
/// Turns programme values into C# tokens. Every string from YAML passes through <see cref="Literal"/>
/// and every doc comment through <see cref="Doc"/>: a value can never close a string or a comment
/// and become code.
/// </summary>
internal static class CSharp
{
    private static readonly Regex LowerKebab = new("^[a-z][a-z0-9]*([-_][a-z0-9]+)*$", RegexOptions.CultureInvariant);

    public static string Literal(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    // Control characters and the Unicode line terminators (U+0085, U+2028, U+2029) end a C# line.
                    if (char.IsControl(c) || c == '\u2028' || c == '\u2029')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    public static string Literal(bool value) => value ? "true" : "false";

    public static string Literal(bool? value) => value is null ? "null" : Literal(value.Value);

    public static string Literal(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Date(DateTime? value) => value is { } date
        ? $"new global::System.DateOnly({date.Year}, {date.Month}, {date.Day})"
        : "global::System.DateOnly.MinValue";

    public static string NullableDate(DateTime? value) => value is null ? "null" : Date(value);

    public static string Strings(IEnumerable<string> values)
    {
        var items = values.Select(Literal).ToList();
        return items.Count == 0 ? "global::System.Array.Empty<string>()" : $"new string[] {{ {string.Join(", ", items)} }}";
    }

    /// <summary>A one-line, XML-escaped text for a /// comment. A newline would end the comment and start code.</summary>
    public static string Doc(string text)
    {
        var single = Regex.Replace(text, @"[\r\n\u0085\u2028\u2029]+", " ").Trim();
        var builder = new StringBuilder(single.Length);
        foreach (var c in single)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                default:
                    builder.Append(char.IsControl(c) ? ' ' : c);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// A C# identifier for an ID: lower-case kebab IDs become PascalCase (google-cloud: GoogleCloud);
    /// others keep their letters and digits joined by '_' (IAM-01: IAM_01, 164.308(a)(1)(i): _164_308_a_1_i).
    /// </summary>
    public static string Identifier(string id)
    {
        string name;
        if (LowerKebab.IsMatch(id))
        {
            name = string.Concat(id.Split('-', '_').Select(part => char.ToUpperInvariant(part[0]) + part.Substring(1)));
        }
        else
        {
            var parts = Regex.Split(id, "[^A-Za-z0-9]+").Where(p => p.Length > 0).ToArray();
            name = parts.Length == 0 ? "_" : string.Join("_", parts);
        }

        if (!SyntaxFacts.IsIdentifierStartCharacter(name[0]))
        {
            name = "_" + name;
        }

        return SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
    }
}
