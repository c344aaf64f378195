using System.Collections.Generic;
using Compliance.Model.Text;
using Compliance.Model.Yaml;

namespace Compliance.Model.Binding;

// Text lists whose items keep their position, for values (keys, certificates) that a later stage checks and must point at.
public sealed partial class MappingReader
{
    /// <summary>A list of non-empty text values, each with the span it was written at.</summary>
    public EquatableArray<Located> LocatedTexts(string key)
    {
        var node = Node(key, required: false);
        if (node is null)
        {
            return EquatableArray<Located>.Empty;
        }

        if (node is not YamlSequence sequence)
        {
            WrongType(key, node, "a list of text values", $"Write '{key}:' followed by list items, each on a line starting with '- '.");
            return EquatableArray<Located>.Empty;
        }

        var values = new List<Located>();
        foreach (var item in sequence.Items)
        {
            if (item is YamlScalar { IsNull: false } scalar && scalar.Value.Trim().Length > 0)
            {
                values.Add(new Located(scalar.Value, scalar.Span));
            }
            else
            {
                WrongType(key, item, "a non-empty text value");
            }
        }

        return values.ToEquatableArray();
    }
}
