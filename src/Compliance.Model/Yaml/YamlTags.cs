using Compliance.Model.Diagnostics;
using Compliance.Model.Text;
using YamlDotNet.Core.Events;

namespace Compliance.Model.Yaml;

/// <summary>
/// The tag allow-list of the YAML reader: programme files use the YAML core schema's implicit types only
/// (text, numbers, booleans, null, lists, mappings, resolved from the plain text), so every explicit tag,
/// '!!str' included, is refused by name. A tag read as plain text would hide what the author meant
/// ('!!binary' data taken as a string), and a custom tag means nothing to the schema.
/// </summary>
internal static class YamlTags
{
    private const string CorePrefix = "tag:yaml.org,2002:";

    public static Finding Refuse(NodeEvent node, SourceSpan at)
    {
        var tag = Display(node.Tag.Value);
        return Rules.ExplicitYamlTag.At(at,
            $"The explicit YAML tag '{tag}' is not allowed: programme files use the core schema's implicit types only.",
            $"Remove '{tag}' and write the value as plain YAML (quote it to make it text).");
    }

    /// <summary>The tag as an author writes it: '!!binary' for the core prefix, '!name' for a local tag, '!&lt;uri&gt;' otherwise.</summary>
    private static string Display(string tag)
    {
        if (tag.StartsWith(CorePrefix, System.StringComparison.Ordinal))
        {
            return "!!" + tag.Substring(CorePrefix.Length);
        }

        return tag.StartsWith("!", System.StringComparison.Ordinal) ? tag : "!<" + tag + ">";
    }
}
