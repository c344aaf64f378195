using System;
using System.Collections.Generic;
using Compliance.Model.Binding;
using Compliance.Model.Documents;
using Compliance.Model.Text;

namespace Compliance.Model.Parsing;

/// <summary>Binds each mapping of a list with the given binder, skipping items that are not mappings (reported).</summary>
internal static class ListBinding
{
    /// <param name="owner">The ID of the item the list belongs to, when it is not the parent mapping's own (a framework's requirements sit beside it).</param>
    public static EquatableArray<T> Each<T>(MappingReader parent, string key, bool required, string itemName, Func<MappingReader, T?> bind, string? owner = null)
        where T : class, IEquatable<T>
    {
        var items = new List<T>();
        foreach (var node in parent.List(key, required))
        {
            var reader = MappingReader.Open(parent.Context, node, $"this {itemName}");
            if (reader is null)
            {
                continue;
            }

            var item = bind(reader);
            reader.Finish();
            if (item is not null)
            {
                items.Add(item);
            }
            else if (reader.Identity is { } identity)
            {
                // Dropped for an invalid field, which is already reported: keep the identity so references to it resolve.
                parent.Context.Incomplete.Add(new IncompleteItem(itemName, identity, owner ?? parent.Identity?.Value));
            }
        }

        return items.ToEquatableArray();
    }

    /// <summary>Reads the item's ID first so that every later message names the item.</summary>
    public static Located? IdentifiedAs(MappingReader reader, string itemName)
    {
        var id = reader.Id();
        if (id is not null)
        {
            reader.What = $"{itemName} '{id.Value}'";
        }

        return id;
    }
}
