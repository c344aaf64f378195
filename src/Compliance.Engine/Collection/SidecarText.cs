using System.Globalization;
using System.Text;

namespace Compliance.Engine.Collection;

/// <summary>The sidecar a producer writes: the same fields, in the same order, as docs/schema.md's evidence record.</summary>
public static class SidecarText
{
    public static string For(string artifactName, string control, string requirement, System.DateOnly collectedOn, string collector, string sha256, string? description) =>
        For(artifactName, control, requirement, collectedOn, collector, sha256, description, System.Array.Empty<System.Collections.Generic.KeyValuePair<string, string>>());

    /// <param name="typed">Fields of a typed record (a tls-verification's type and endpoint), written after the common ones.</param>
    public static string For(string artifactName, string control, string requirement, System.DateOnly collectedOn, string collector, string sha256, string? description, System.Collections.Generic.IReadOnlyList<System.Collections.Generic.KeyValuePair<string, string>> typed)
    {
        var text = new StringBuilder()
            .Append("evidence:\n")
            .Append("  artifact: ").Append(Quote(artifactName)).Append('\n')
            .Append("  control: ").Append(control).Append('\n')
            .Append("  requirement: ").Append(requirement).Append('\n')
            .Append("  collected_on: ").Append(collectedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n')
            .Append("  collector: ").Append(Quote(collector)).Append('\n')
            .Append("  sha256: ").Append(sha256).Append('\n');
        foreach (var (key, value) in typed)
        {
            text.Append("  ").Append(key).Append(": ").Append(Quote(value)).Append('\n');
        }

        if (!string.IsNullOrWhiteSpace(description))
        {
            text.Append("  description: ").Append(Quote(description!)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>A YAML double-quoted scalar, so that no value (a colon, a '#', a newline) can change the sidecar's structure.</summary>
    public static string Quote(string value)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in value)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }
}
