using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Compliance.Site.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Compliance.Site.Configuration;

/// <summary>An extra Markdown page from site/pages/: its file name gives the URL, its front matter the title and order.</summary>
public sealed record ExtraPageSource(string Slug, string Title, int Order, string Markdown, string SourcePath);

/// <summary>
/// The organisation's customisation, read from the programme's site/ folder: site.yaml (name, logo,
/// description), pages/*.md (extra pages such as "About this audit") and theme/site.css (appended to
/// the default theme). Everything is optional. Problems are warnings: a bad logo never stops the site.
/// </summary>
public sealed record SiteConfig(
    string? Name,
    string? Description,
    string? LogoSource,
    string? CustomCss,
    IReadOnlyList<ExtraPageSource> Pages,
    IReadOnlyList<string> Warnings)
{
    public const string FileName = "site.yaml";

    public static readonly string[] LogoExtensions = { ".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp" };

    private static readonly string[] Keys = { "name", "description", "logo" };

    public static SiteConfig Empty { get; } = new(null, null, null, null, Array.Empty<ExtraPageSource>(), Array.Empty<string>());

    public static SiteConfig Load(string? folder)
    {
        if (folder is null || !Directory.Exists(folder))
        {
            return Empty;
        }

        var warnings = new List<string>();
        string? name = null, description = null, logo = null;
        var configPath = Path.Combine(folder, FileName);
        if (File.Exists(configPath))
        {
            var values = ReadMapping(File.ReadAllText(configPath), $"site/{FileName}", warnings);
            foreach (var key in values.Keys.Where(k => Array.IndexOf(Keys, k) < 0).OrderBy(k => k, StringComparer.Ordinal))
            {
                warnings.Add($"site/{FileName}: unknown key '{key}' (known: {string.Join(", ", Keys)}).");
            }

            values.TryGetValue("name", out name);
            values.TryGetValue("description", out description);
            if (values.TryGetValue("logo", out var logoPath) && !string.IsNullOrWhiteSpace(logoPath))
            {
                logo = ResolveLogo(folder, logoPath, warnings);
            }
        }

        var cssPath = Path.Combine(folder, "theme", "site.css");
        var css = File.Exists(cssPath) && !IsLink(cssPath) ? File.ReadAllText(cssPath) : null;

        var pages = new List<ExtraPageSource>();
        var pagesFolder = Path.Combine(folder, "pages");
        if (Directory.Exists(pagesFolder) && !IsLink(pagesFolder))
        {
            foreach (var file in Directory.EnumerateFiles(pagesFolder, "*.md").Where(f => !IsLink(f)).OrderBy(f => f, StringComparer.Ordinal))
            {
                pages.Add(ReadPage(file, warnings));
            }
        }

        return new SiteConfig(name, description, logo, css, pages, warnings);
    }

    private static ExtraPageSource ReadPage(string file, List<string> warnings)
    {
        var text = File.ReadAllText(file).Replace("\r\n", "\n");
        var relative = $"site/pages/{Path.GetFileName(file)}";
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (text.StartsWith("---\n", StringComparison.Ordinal))
        {
            var end = text.IndexOf("\n---", 3, StringComparison.Ordinal);
            if (end > 0)
            {
                values = ReadMapping(text.Substring(4, end - 3), relative, warnings);
            }
        }

        var slug = Slugs.Slug(Path.GetFileNameWithoutExtension(file));
        var title = values.TryGetValue("title", out var t) && t.Length > 0 ? t : null;
        var order = values.TryGetValue("order", out var o) && int.TryParse(o, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 100;
        return new ExtraPageSource(slug, title ?? string.Empty, order, text, relative);
    }

    private static Dictionary<string, string> ReadMapping(string yaml, string where, List<string> warnings)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0)
            {
                return values;
            }

            if (stream.Documents[0].RootNode is not YamlMappingNode mapping)
            {
                warnings.Add($"{where}: expected a mapping of keys to values.");
                return values;
            }

            foreach (var entry in mapping.Children)
            {
                if (entry.Key is YamlScalarNode { Value: { } key } && entry.Value is YamlScalarNode { Value: { } value })
                {
                    values[key] = value;
                }
                else
                {
                    warnings.Add($"{where}: the value of '{entry.Key}' must be a plain value.");
                }
            }
        }
        catch (YamlException ex)
        {
            warnings.Add($"{where}({ex.Start.Line},{ex.Start.Column}): {ex.Message}");
        }

        return values;
    }

    private static string? ResolveLogo(string folder, string written, List<string> warnings)
    {
        var full = Path.GetFullPath(Path.Combine(folder, written));
        var root = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        if (Path.IsPathRooted(written) || !full.StartsWith(root, StringComparison.Ordinal))
        {
            warnings.Add($"site/{FileName}: the logo '{written}' must be a path inside site/.");
            return null;
        }

        if (!LogoExtensions.Contains(Path.GetExtension(full).ToLowerInvariant()))
        {
            warnings.Add($"site/{FileName}: the logo '{written}' must be one of {string.Join(", ", LogoExtensions)}.");
            return null;
        }

        if (!File.Exists(full) || IsLink(full))
        {
            warnings.Add($"site/{FileName}: the logo '{written}' does not exist (or is a symbolic link).");
            return null;
        }

        return full;
    }

    private static bool IsLink(string path) =>
        (File.Exists(path) ? new FileInfo(path).LinkTarget : new DirectoryInfo(path).LinkTarget) is not null;
}
