using System;
using System.Collections.Generic;
using System.Text;
using Compliance.Model.Text;

namespace Compliance.Model.Documents;

/// <summary>
/// A vocabulary's values as an enum, and as the YAML spells them: lower-case words joined by hyphens
/// (<c>PartiallyImplemented</c> is <c>partially-implemented</c>). The binders parse with it once; everything
/// after them compares enums, and only what shows a value spells it again.
/// </summary>
public static class Vocabulary<T>
    where T : struct, Enum
{
    // Arrays and a string-keyed IntMap rather than LINQ and a dictionary of T or of int: generic code over an enum of ours in the
    // framework's collections is JIT-compiled on every run (ReadyToRun cannot precompile it), and this type's static
    // constructor is on every parse, which waited for it on each thread (issue 15).
    private static readonly T[] Values = ValuesInOrder();

    /// <summary>Every spelling, in the enum's order: what the binder and the JSON Schema allow.</summary>
    public static readonly string[] All = SpellAll();

    private static readonly IntMap<string> IndexBySpelling = IndexAll();

    public static T Parse(string spelling) => Values[IndexBySpelling[spelling]];

    public static bool TryParse(string spelling, out T value)
    {
        if (IndexBySpelling.TryGetValue(spelling, out var index))
        {
            value = Values[index];
            return true;
        }

        value = default;
        return false;
    }

    public static string Spell(T value)
    {
        for (var i = 0; i < Values.Length; i++)
        {
            if (value.Equals(Values[i]))
            {
                return All[i];
            }
        }

        return Spell(value.ToString());
    }

    // By name, not Enum.GetValues(Type): that makes a T[] at run time, which the Native AOT CLI cannot (netstandard2.0 has no
    // GetValues<T>). The names come in the values' order.
    private static T[] ValuesInOrder()
    {
        var names = Enum.GetNames(typeof(T));
        var values = new T[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            values[i] = (T)Enum.Parse(typeof(T), names[i]);
        }

        return values;
    }

    private static string[] SpellAll()
    {
        var names = new string[Values.Length];
        for (var i = 0; i < Values.Length; i++)
        {
            names[i] = Spell(Values[i].ToString());
        }

        return names;
    }

    private static IntMap<string> IndexAll()
    {
        var index = new IntMap<string>(StringComparer.Ordinal, All.Length);
        for (var i = 0; i < All.Length; i++)
        {
            index.Add(All[i], i);
        }

        return index;
    }

    private static string Spell(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }
}

/// <summary>Spells a vocabulary value as the YAML writes it.</summary>
public static class VocabularySpelling
{
    public static string Spelled(this ControlStatus value) => Vocabulary<ControlStatus>.Spell(value);

    public static string Spelled(this EvidenceCollection value) => Vocabulary<EvidenceCollection>.Spell(value);

    public static string Spelled(this RequirementKind value) => Vocabulary<RequirementKind>.Spell(value);
}
