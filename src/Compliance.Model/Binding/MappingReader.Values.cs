using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Compliance.Model.Diagnostics;
using Compliance.Model.Text;
using Compliance.Model.Yaml;

namespace Compliance.Model.Binding;

// The typed accessors: each reads one key, records it as known, and turns a wrong type into a finding.
public sealed partial class MappingReader
{
    public string? String(string key, bool required)
    {
        var node = Node(key, required);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalar scalar)
        {
            if (required && scalar.Value.Trim().Length == 0)
            {
                Report(Rules.MissingField, scalar.Span, $"The field '{key}' of {What} is blank.", $"Give '{key}' a value.");
                return null;
            }

            return scalar.Value;
        }

        WrongType(key, node, "text");
        return null;
    }

    public Located? Id(string key = "id")
    {
        var node = Node(key, required: true);
        Identity = node is null ? null : AsId(key, node);
        return Identity;
    }

    /// <summary>The item's ID once <see cref="Id"/> has read it: what the item is known by even if another field is invalid.</summary>
    public Located? Identity { get; private set; }

    public Located? Reference(string key, bool required)
    {
        var node = Node(key, required);
        return node is null ? null : AsId(key, node);
    }

    public EquatableArray<Located> References(string key, bool required = false)
    {
        var node = Node(key, required);
        if (node is null)
        {
            return EquatableArray<Located>.Empty;
        }

        if (node is not YamlSequence sequence)
        {
            WrongType(key, node, "a list of IDs", $"Write a list: {key}: [{(node as YamlScalar)?.Value ?? "ID"}].");
            return EquatableArray<Located>.Empty;
        }

        var ids = new List<Located>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in sequence.Items)
        {
            if (AsId(key, item) is { } id)
            {
                if (!seen.Add(id.Value))
                {
                    Report(Rules.DuplicateId, id.Span, $"'{id.Value}' is listed twice in the {key} of {What}.", "Remove the repeated entry.");
                    continue;
                }

                ids.Add(id);
            }
        }

        return ids.ToEquatableArray();
    }

    public bool? Bool(string key, bool required)
    {
        var node = Node(key, required);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalar { IsPlain: true } scalar)
        {
            switch (scalar.Value.ToLowerInvariant())
            {
                case "true":
                    return true;
                case "false":
                    return false;
            }

            if (YamlOneOneBooleans.Contains(scalar.Value.ToLowerInvariant()))
            {
                WrongType(key, node, "true or false", $"Write {key}: {(scalar.Value.StartsWith("y", StringComparison.OrdinalIgnoreCase) || scalar.Value.Equals("on", StringComparison.OrdinalIgnoreCase) ? "true" : "false")}; '{scalar.Value}' is a YAML 1.1 boolean that other tools read as text.");
                return null;
            }
        }

        WrongType(key, node, "true or false");
        return null;
    }

    public int? Int(string key, bool required, int min, int max)
    {
        var node = Node(key, required);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalar { IsPlain: true } scalar && int.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            if (value < min || value > max)
            {
                Report(Rules.InvalidValue, scalar.Span, $"The field '{key}' of {What} is {value}; it must lie between {min} and {max}.", $"Use a whole number from {min} to {max}.");
                return null;
            }

            return value;
        }

        WrongType(key, node, "a whole number");
        return null;
    }

    public DateTime? Date(string key, bool required)
    {
        var node = Node(key, required);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalar scalar)
        {
            if (DateTime.TryParseExact(scalar.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                if (PastDateFields.Find(key) is not null)
                {
                    _context.RecordedDates.Add(new Documents.RecordedDate(key, What, date, scalar.Span));
                }

                return date;
            }

            Report(Rules.InvalidValue, scalar.Span, $"The field '{key}' of {What} is '{scalar.Value}', which is not a calendar date.", "Write the date as YYYY-MM-DD, e.g. 2026-01-31.");
            return null;
        }

        WrongType(key, node, "a date (YYYY-MM-DD)");
        return null;
    }

    public string? Enum(string key, bool required, params string[] allowed)
    {
        var node = Node(key, required);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalar scalar)
        {
            if (Array.IndexOf(allowed, scalar.Value) >= 0)
            {
                return scalar.Value;
            }

            Report(Rules.InvalidValue, scalar.Span,
                $"The field '{key}' of {What} is '{scalar.Value}', which is not one of: {string.Join(", ", allowed)}.",
                Suggestions.Closest(scalar.Value, allowed) is { } close ? $"Did you mean '{close}'?" : $"Use one of: {string.Join(", ", allowed)}.");
            return null;
        }

        WrongType(key, node, $"one of {string.Join(", ", allowed)}");
        return null;
    }

    public IReadOnlyList<YamlNode> List(string key, bool required)
    {
        var node = Node(key, required);
        if (node is null)
        {
            return Array.Empty<YamlNode>();
        }

        if (node is YamlSequence sequence)
        {
            return sequence.Items;
        }

        WrongType(key, node, "a list", $"Write '{key}:' followed by list items, each on a line starting with '- '.");
        return Array.Empty<YamlNode>();
    }

    /// <summary>A list of text values (e.g. a command's argv): each item a scalar, repeats allowed; a required list may not be empty.</summary>
    public EquatableArray<string> Strings(string key, bool required)
    {
        var node = Node(key, required);
        if (node is null)
        {
            return EquatableArray<string>.Empty;
        }

        if (node is not YamlSequence sequence)
        {
            WrongType(key, node, "a list of text values", $"Write a list: {key}: [{(node as YamlScalar)?.Value ?? "value"}].");
            return EquatableArray<string>.Empty;
        }

        var values = new List<string>();
        foreach (var item in sequence.Items)
        {
            if (item is YamlScalar { IsNull: false } scalar && scalar.Value.Length > 0)
            {
                values.Add(scalar.Value);
            }
            else
            {
                WrongType(key, item, "a non-empty text value");
                return EquatableArray<string>.Empty;
            }
        }

        if (required && values.Count == 0)
        {
            Report(Rules.MissingField, node.Span, $"The field '{key}' of {What} is an empty list.", $"Give '{key}' at least one value.");
        }

        return values.ToEquatableArray();
    }
}
