using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Compliance.Schema.Tests.Infrastructure;

/// <summary>
/// YAML to JSON as an editor sees it: YamlDotNet parses the text, and plain scalars resolve by the
/// YAML 1.2 core schema (null, true/false, integers, floats; everything else, dates included, is a string).
/// Quoted scalars are always strings.
/// </summary>
internal static class YamlJson
{
    private static readonly Regex Null = new("^(|~|null|Null|NULL)$", RegexOptions.CultureInvariant);
    private static readonly Regex Bool = new("^(true|True|TRUE|false|False|FALSE)$", RegexOptions.CultureInvariant);
    private static readonly Regex Int = new("^[-+]?[0-9]+$", RegexOptions.CultureInvariant);
    private static readonly Regex Float = new(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant);

    public static JToken Convert(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Count == 0 ? JValue.CreateNull() : Convert(stream.Documents[0].RootNode);
    }

    /// <summary>The front matter of a Markdown policy, or null when it has none.</summary>
    public static string? FrontMatter(string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n").Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd() != "---")
        {
            return null;
        }

        var end = Array.FindIndex(lines, 1, l => l.TrimEnd() is "---" or "...");
        return end < 0 ? null : string.Join("\n", lines.Skip(1).Take(end - 1));
    }

    private static JToken Convert(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JObject(mapping.Children.Select(c => new JProperty(((YamlScalarNode)c.Key).Value!, Convert(c.Value)))),
        YamlSequenceNode sequence => new JArray(sequence.Children.Select(Convert)),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new NotSupportedException(node.GetType().Name),
    };

    private static JToken Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style is not ScalarStyle.Plain and not ScalarStyle.Any)
        {
            return new JValue(text);
        }

        if (Null.IsMatch(text))
        {
            return JValue.CreateNull();
        }

        if (Bool.IsMatch(text))
        {
            return new JValue(text.Equals("true", StringComparison.OrdinalIgnoreCase));
        }

        if (Int.IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            return new JValue(whole);
        }

        if (Float.IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
        {
            return new JValue(real);
        }

        return new JValue(text);
    }
}
