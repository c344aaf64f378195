using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Compliance.Model.Documents;

/// <summary>
/// A vocabulary's values as an enum, and as the YAML spells them: lower-case words joined by hyphens
/// (<c>PartiallyImplemented</c> is <c>partially-implemented</c>). The binders parse with it once; everything
/// after them compares enums, and only what shows a value spells it again.
/// </summary>
public static class Vocabulary<T>
    where T : struct, Enum
{
    private static readonly Dictionary<string, T> BySpelling = Enum.GetValues(typeof(T)).Cast<T>().ToDictionary(Spell, v => v, StringComparer.Ordinal);

    /// <summary>Every spelling, in the enum's order: what the binder and the JSON Schema allow.</summary>
    public static readonly string[] All = Enum.GetValues(typeof(T)).Cast<T>().Select(Spell).ToArray();

    public static T Parse(string spelling) => BySpelling[spelling];

    public static bool TryParse(string spelling, out T value) => BySpelling.TryGetValue(spelling, out value);

    public static string Spell(T value)
    {
        var name = value.ToString();
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
