using System;
using System.Collections.Generic;
using Compliance.Model.Binding;
using Compliance.Model.Diagnostics;

namespace Compliance.Model.Linking;

/// <summary>Items of one kind by ID: the first definition wins and every later one is a duplicate-ID finding.</summary>
internal sealed class Registry<T> : IIncompleteRegistry
    where T : class
{
    // Entries are a class, not a (T, Located) tuple: ReadyToRun cannot precompile framework generics over value types (issue 15).
    private readonly Dictionary<string, Entry> _byId;
    private readonly string _kind;

    public Registry(string kind, StringComparer? comparer = null)
    {
        _kind = kind;
        _byId = new(comparer ?? StringComparer.Ordinal);
    }

    public List<T> Items { get; } = new();

    public IEnumerable<string> Ids => _byId.Keys;

    public void Add(T item, Located id, List<Finding> findings)
    {
        if (_byId.TryGetValue(id.Value, out var first))
        {
            findings.Add(Rules.DuplicateId.At(id.Span,
                $"The {_kind} ID '{id.Value}' is already defined at {first.Id.Span.Path}({first.Id.Span.Line},{first.Id.Span.Column})."));
            return;
        }

        _byId.Add(id.Value, new Entry(item, id));
        Items.Add(item);
    }

    public bool Contains(string id) => _byId.ContainsKey(id);

    // IDs of items dropped for an invalid field: known, so a reference to one is no error, but there is no item to check further.
    private readonly HashSet<string> _incomplete = new(StringComparer.Ordinal);

    public void AddIncomplete(Located id) => _incomplete.Add(id.Value);

    public bool IsIncomplete(string id) => !_byId.ContainsKey(id) && _incomplete.Contains(id);

    public T? Find(string id) => _byId.TryGetValue(id, out var entry) ? entry.Item : null;

    /// <summary>Reports a reference to an unknown item, with a did-you-mean.</summary>
    public bool Check(Located? reference, string what, List<Finding> findings)
    {
        if (reference is null || _byId.ContainsKey(reference.Value))
        {
            return true;
        }

        if (_incomplete.Contains(reference.Value))
        {
            // Held back: the item exists but could not be read; its own finding is at the bad field.
            return false;
        }

        var suggestion = Suggestions.Closest(reference.Value, _byId.Keys);
        findings.Add(Rules.UnknownReference.At(reference.Span,
            $"{what} names the {_kind} '{reference.Value}', which is not defined.{(suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?")}",
            suggestion is null ? $"Correct the ID, or define the {_kind} '{reference.Value}'." : $"Replace '{reference.Value}' with '{suggestion}'."));
        return false;
    }

    private sealed record Entry(T Item, Located Id);
}

/// <summary>A registry that can hold the identity of an item dropped for an invalid field.</summary>
internal interface IIncompleteRegistry
{
    void AddIncomplete(Located id);
}
