using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Compliance.Model.Diagnostics;
using Compliance.Model.Text;
using Compliance.Model.Yaml;

namespace Compliance.Model.Binding;

/// <summary>
/// Reads the fields of one YAML mapping against the schema. Every accessor records its key as
/// known, so <see cref="Finish"/> can report the keys nobody asked for: unknown keys, keys of
/// the wrong case, and YAML merge keys. Problems become findings; nothing throws.
/// </summary>
public sealed partial class MappingReader
{
    private static readonly string[] YamlOneOneBooleans = { "yes", "no", "on", "off", "y", "n" };

    private readonly FileContext _context;
    // Each key's first entry, as its index in the mapping: a value type here made the runtime JIT-compile a Dictionary
    // for this one use on every run (ReadyToRun cannot precompile it across the framework's version bubble).
    private readonly IntMap<string> _entries = new(StringComparer.Ordinal);
    // The keys asked for: a mapping has a dozen at most, so a list searched in order costs less than a set built per mapping.
    private readonly List<string> _known = new(16);

    /// <summary>
    /// Tooling hook: told of every reader opened on this thread, so that <see cref="Schema.BinderProbe"/>
    /// can list the keys each binder asks for. Null (and free) in the compiler and the gate.
    /// </summary>
    [ThreadStatic]
    internal static Action<MappingReader>? Opened;

    private MappingReader(FileContext context, YamlMapping mapping, string what)
    {
        _context = context;
        Yaml = mapping;
        What = what;
        Opened?.Invoke(this);
        for (var i = 0; i < mapping.Entries.Count; i++)
        {
            var entry = mapping.Entries[i];
            if (_entries.TryGetValue(entry.Key.Value, out var first))
            {
                Report(Rules.DuplicateKey, entry.Key.Span,
                    $"The key '{entry.Key.Value}' appears twice in {What} (first at line {mapping.Entries[first].Key.Span.Line}).");
                continue;
            }

            _entries.Add(entry.Key.Value, i);
        }
    }

    public YamlMapping Yaml { get; }

    public SourceSpan Span => Yaml.Span;

    /// <summary>How messages name this mapping, e.g. "control 'IAM-01'".</summary>
    public string What { get; set; }

    public FileContext Context => _context;

    /// <summary>Every key an accessor has asked for so far, present in the YAML or not.</summary>
    internal IReadOnlyCollection<string> RequestedKeys => _known;

    public static MappingReader? Open(FileContext context, YamlNode? node, string what)
    {
        if (node is YamlMapping mapping)
        {
            return new MappingReader(context, mapping, what);
        }

        if (node is not null)
        {
            context.Report(Rules.WrongType.At(node.Span, $"Expected {what} to be a mapping of keys to values, but found {node.KindName}."));
        }

        return null;
    }

    public bool Has(string key)
    {
        Known(key);
        return TryGet(key, out var entry) && entry.Value is not YamlScalar { IsNull: true };
    }

    /// <summary>The value node of a key, or null when absent or written as null (reported when required).</summary>
    public YamlNode? Node(string key, bool required)
    {
        Known(key);
        if (TryGet(key, out var entry) && entry.Value is not YamlScalar { IsNull: true })
        {
            return entry.Value;
        }

        if (required)
        {
            var at = TryGet(key, out var empty) ? empty.Key.Span : FirstLine();
            Report(Rules.MissingField, at, $"{Capitalised(What)} has no value for the required field '{key}'.",
                $"Add '{key}: <value>' to {What}.");
        }

        return null;
    }

    /// <summary>Where the value of a key is written, for findings that point at it (null when absent).</summary>
    public SourceSpan? ValueSpan(string key) => TryGet(key, out var entry) ? entry.Value.Span : null;

    private void Known(string key)
    {
        if (!IsKnown(key))
        {
            _known.Add(key);
        }
    }

    private bool IsKnown(string key)
    {
        foreach (var known in _known)
        {
            if (string.Equals(known, key, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private bool TryGet(string key, out KeyValuePair<YamlScalar, YamlNode> entry)
    {
        if (_entries.TryGetValue(key, out var index))
        {
            entry = Yaml.Entries[index];
            return true;
        }

        entry = default;
        return false;
    }

    public MappingReader? Mapping(string key, bool required, string what) => Open(_context, Node(key, required), what);

    /// <summary>Reports every key that no accessor asked for.</summary>
    public void Finish()
    {
        // In the mapping's order, each key once (a second entry of a key was reported as a duplicate).
        for (var i = 0; i < Yaml.Entries.Count; i++)
        {
            var entry = Yaml.Entries[i];
            var key = entry.Key.Value;
            if (IsKnown(key) || _entries[key] != i)
            {
                continue;
            }

            if (key == "<<")
            {
                Report(Rules.UnknownKey, entry.Key.Span, $"{Capitalised(What)} uses a YAML merge key '<<', which the schema does not support.", "Write the merged keys out in full.");
                continue;
            }

            var sameLetters = _known.FirstOrDefault(k => Normalise(k) == Normalise(key));
            if (sameLetters is not null)
            {
                Report(Rules.KeyCase, entry.Key.Span, $"The key '{key}' in {What} should be written '{sameLetters}'.", $"Rename '{key}' to '{sameLetters}'.");
                continue;
            }

            var suggestion = Suggestions.Closest(key, _known);
            Report(Rules.UnknownKey, entry.Key.Span,
                $"{Capitalised(What)} has an unknown key '{key}'.{(suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?")}",
                suggestion is null
                    ? $"Remove '{key}'. Known keys here: {string.Join(", ", _known.OrderBy(k => k, StringComparer.Ordinal))}."
                    : $"Rename '{key}' to '{suggestion}'.");
        }
    }

    public void Report(Rule rule, SourceSpan span, string message, string? fix = null) => _context.Report(rule.At(span, message, fix));

    private Located? AsId(string key, YamlNode node)
    {
        if (node is not YamlScalar scalar || scalar.IsNull)
        {
            WrongType(key, node, "an ID");
            return null;
        }

        var value = scalar.Value;
        if (value.Length == 0 || value.Any(char.IsWhiteSpace) || value.Any(char.IsControl))
        {
            Report(Rules.InvalidId, scalar.Span, $"'{value}' in the {key} of {What} is not a valid ID: IDs are non-empty and contain no whitespace.");
            return null;
        }

        return new Located(value, scalar.Span);
    }

    private void WrongType(string key, YamlNode node, string expected, string? fix = null) =>
        Report(Rules.WrongType, node.Span, $"The field '{key}' of {What} must be {expected}, but is {Describe(node)}.", fix);

    private static string Describe(YamlNode node) => node switch
    {
        YamlScalar scalar => $"'{Shorten(scalar.Value)}'",
        _ => node.KindName,
    };

    private static string Shorten(string value) => value.Length <= 40 ? value : value.Substring(0, 37) + "...";

    private SourceSpan FirstLine() => Yaml.Entries.Count > 0 ? Yaml.Entries[0].Key.Span : Yaml.Span;

    private static string Normalise(string key) => key.Replace("-", string.Empty).Replace("_", string.Empty).ToLowerInvariant();

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);
}
