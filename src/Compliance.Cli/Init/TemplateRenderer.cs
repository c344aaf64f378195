using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace Compliance.Cli.Init;

/// <summary>
/// Reads the files of a new programme from Init/Templates (embedded in the CLI) and fills their
/// {{placeholder}}s. A placeholder without a value, or a value no placeholder uses, is a bug in the
/// CLI, not in the user's input, so it throws.
/// </summary>
internal static partial class TemplateRenderer
{
    private const string Prefix = "Compliance.Cli.Init.Templates.";

    public static string Render(string template, params (string Name, string Value)[] values)
    {
        var map = values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var text = Placeholder().Replace(Read(Prefix + template).Replace("\r\n", "\n"), match =>
        {
            var name = match.Groups[1].Value;
            if (!map.TryGetValue(name, out var value))
            {
                throw new InvalidOperationException($"The template '{template}' has the placeholder {{{{{name}}}}}, but no value was given for it.");
            }

            used.Add(name);
            return value;
        });
        if (map.Keys.FirstOrDefault(k => !used.Contains(k)) is { } unused)
        {
            throw new InvalidOperationException($"A value was given for '{unused}', but the template '{template}' has no such placeholder.");
        }

        return text;
    }

    /// <summary>An embedded file of the CLI, as it was built in (a template's line endings are made LF by <see cref="Render"/>).</summary>
    public static string Read(string name)
    {
        using var stream = typeof(TemplateRenderer).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The CLI was built without its embedded resource '{name}'.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"\{\{([a-z_]+)\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
