using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Compliance.Model.Schema;

/// <summary>
/// A JSON object that keeps its keys in insertion order, so that generated schemas are byte-for-byte
/// stable. The model is netstandard2.0 and loads inside the compiler, so it takes no JSON library.
/// </summary>
public sealed class JsonObject : IEnumerable<KeyValuePair<string, object?>>
{
    private readonly List<KeyValuePair<string, object?>> _members = new();

    public void Add(string key, object? value) => _members.Add(new KeyValuePair<string, object?>(key, value));

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _members.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Writes <see cref="JsonObject"/>s, lists, strings, booleans, integers and null as indented JSON with LF line ends.</summary>
public static class JsonText
{
    public static string Write(object? value)
    {
        var builder = new StringBuilder();
        Write(builder, value, 0);
        builder.Append('\n');
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, object? value, int depth)
    {
        switch (value)
        {
            case null:
                builder.Append("null");
                break;
            case string text:
                WriteString(builder, text);
                break;
            case bool flag:
                builder.Append(flag ? "true" : "false");
                break;
            case int number:
                builder.Append(number.ToString(CultureInfo.InvariantCulture));
                break;
            case long number:
                builder.Append(number.ToString(CultureInfo.InvariantCulture));
                break;
            case JsonObject obj:
                WriteObject(builder, obj, depth);
                break;
            case IEnumerable items:
                WriteArray(builder, items, depth);
                break;
            default:
                throw new System.ArgumentException($"Cannot write a {value.GetType().Name} as JSON.");
        }
    }

    private static void WriteObject(StringBuilder builder, JsonObject obj, int depth)
    {
        var first = true;
        builder.Append('{');
        foreach (var member in obj)
        {
            builder.Append(first ? "\n" : ",\n");
            first = false;
            Indent(builder, depth + 1);
            WriteString(builder, member.Key);
            builder.Append(": ");
            Write(builder, member.Value, depth + 1);
        }

        if (!first)
        {
            builder.Append('\n');
            Indent(builder, depth);
        }

        builder.Append('}');
    }

    private static void WriteArray(StringBuilder builder, IEnumerable items, int depth)
    {
        var list = new List<object?>();
        foreach (var item in items)
        {
            list.Add(item);
        }

        // Arrays of plain values stay on one line: enum and type lists read better that way.
        var simple = list.TrueForAll(i => i is null or string or bool or int or long);
        builder.Append('[');
        for (var i = 0; i < list.Count; i++)
        {
            if (simple)
            {
                builder.Append(i == 0 ? string.Empty : ", ");
            }
            else
            {
                builder.Append(i == 0 ? "\n" : ",\n");
                Indent(builder, depth + 1);
            }

            Write(builder, list[i], depth + 1);
        }

        if (!simple && list.Count > 0)
        {
            builder.Append('\n');
            Indent(builder, depth);
        }

        builder.Append(']');
    }

    private static void Indent(StringBuilder builder, int depth) => builder.Append(' ', depth * 2);

    private static void WriteString(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    if (c < ' ')
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

        builder.Append('"');
    }
}
