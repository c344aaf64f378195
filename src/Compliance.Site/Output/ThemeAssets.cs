using System;
using System.Globalization;
using System.IO;
using System.Text;
using Compliance.Site.Configuration;
using Compliance.Site.Model;

namespace Compliance.Site.Output;

/// <summary>The theme's files (style sheets, script, icon), the organisation's custom CSS and logo, written into the site's assets.</summary>
internal static class ThemeAssets
{
    public static void Write(SiteOutput output, SiteConfig config, SiteModel site)
    {
        var css = new StringBuilder(Resource("theme/site.css"));
        css.Append("\n/* Bar widths: one class per percentage, because the Content-Security-Policy forbids inline styles. */\n");
        for (var i = 0; i <= 100; i++)
        {
            css.Append(CultureInfo.InvariantCulture, $".w-{i}{{width:{i}%}}");
            css.Append(i % 10 == 9 ? "\n" : string.Empty);
        }

        css.Append('\n');
        output.Write("assets/site.css", css.ToString());
        output.Write("assets/print.css", Resource("theme/print.css"));
        output.Write("assets/site.js", Resource("theme/site.js"));
        output.Write("assets/favicon.svg", Resource("theme/favicon.svg"));
        if (config.CustomCss is { } custom)
        {
            output.Write("assets/custom.css", custom.Replace("\r\n", "\n"));
        }

        if (config.LogoSource is { } logo && site.Identity.LogoPath is { } logoPath)
        {
            output.Write(logoPath, File.ReadAllBytes(logo));
        }
    }

    private static string Resource(string name)
    {
        using var stream = typeof(ThemeAssets).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The theme resource '{name}' is missing from {typeof(ThemeAssets).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().Replace("\r\n", "\n");
    }
}
