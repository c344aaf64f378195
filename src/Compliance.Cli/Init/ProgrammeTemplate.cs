using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Compliance.Model.Schema;

namespace Compliance.Cli.Init;

/// <summary>What 'compliance init' was asked for.</summary>
public sealed record InitOptions(string Name, IReadOnlyList<string> Frameworks, DateOnly Today, string ToolkitVersion);

/// <summary>One file of a new programme: its path relative to the programme root, and its text.</summary>
public sealed record ScaffoldFile(string Path, string Content);

/// <summary>
/// The files of a new programme: the framework catalogs (copies of this repository's controls/frameworks/,
/// embedded in the CLI), a starter crosswalk, example controls, a policy template, the registries,
/// evidence/README.md, .gitignore, a GitHub Actions workflow, a programme project, and the editor schemas.
/// The text of each is a template in Init/Templates (see <see cref="TemplateRenderer"/>); this class
/// chooses the files and fills in their values. Pure: the same options give the same files, so tests can pin them.
/// </summary>
public static class ProgrammeTemplate
{
    /// <summary>The frameworks a user can name, and the catalogs each selects.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> FrameworkChoices = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
    {
        ["hipaa"] = new[] { HipaaSecurity, HipaaBreach },
        [HipaaSecurity] = new[] { HipaaSecurity },
        [HipaaBreach] = new[] { HipaaBreach },
        ["soc2"] = new[] { Soc2 },
    };

    internal const string HipaaSecurity = "hipaa-security";
    internal const string HipaaBreach = "hipaa-breach";
    internal const string Soc2 = "soc2";
    private static readonly string[] CatalogOrder = { HipaaSecurity, HipaaBreach, Soc2 };

    /// <summary>Turns "hipaa,soc2" into the framework IDs in scope, in a stable order.</summary>
    public static IReadOnlyList<string> ParseFrameworks(string? list)
    {
        var chosen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in (list ?? "hipaa,soc2").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!FrameworkChoices.TryGetValue(name, out var ids))
            {
                throw new UsageException($"--frameworks takes a comma-separated list of {string.Join(", ", FrameworkChoices.Keys)}; '{name}' is not one of them.");
            }

            chosen.UnionWith(ids);
        }

        if (chosen.Count == 0)
        {
            throw new UsageException("--frameworks needs at least one framework.");
        }

        return CatalogOrder.Where(chosen.Contains).ToList();
    }

    public static IReadOnlyList<ScaffoldFile> Files(InitOptions options)
    {
        var id = Slug(options.Name);
        var ns = Identifier(options.Name) + ".Compliance";
        var project = $"compliance/{Identifier(options.Name)}.Compliance.csproj";
        var controls = ExampleControls.For(options.Frameworks);
        var files = new List<ScaffoldFile>
        {
            new("controls/programme.yaml", Programme(options, id)),
        };

        foreach (var framework in options.Frameworks)
        {
            files.Add(new($"controls/frameworks/{framework}.yaml", Modeline("framework", 2) + TemplateRenderer.Read($"Compliance.Cli.Init.frameworks.{framework}.yaml")));
        }

        if (options.Frameworks.Contains(Soc2))
        {
            foreach (var hipaa in new[] { HipaaSecurity, HipaaBreach }.Where(options.Frameworks.Contains))
            {
                files.Add(new($"controls/crosswalks/soc2-{hipaa}.yaml", Crosswalk(hipaa)));
            }
        }

        files.Add(new("controls/examples.yaml", Controls(controls)));
        if (options.Frameworks.Contains(HipaaSecurity))
        {
            files.Add(new("controls/decisions.yaml", TemplateRenderer.Render("decisions.yaml")));
        }

        files.Add(new("policies/information-security.md", TemplateRenderer.Render(
            "policy.md",
            ("today", options.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("governs", string.Join(", ", controls.Select(c => c.Id))),
            ("name", options.Name))));
        files.Add(new("policies/people.yaml", TemplateRenderer.Render("people.yaml", ("id", id))));
        files.Add(new("policies/vendors.yaml", TemplateRenderer.Render("vendors.yaml")));
        files.Add(new("policies/waivers.yaml", TemplateRenderer.Render("waivers.yaml")));
        files.Add(new("policies/incidents.yaml", TemplateRenderer.Render("incidents.yaml")));
        files.Add(new("evidence/README.md", TemplateRenderer.Render("evidence-readme.md")));
        files.Add(new(".gitignore", TemplateRenderer.Render("gitignore")));
        files.Add(new(".github/workflows/compliance.yml", TemplateRenderer.Render("workflow.yml", ("project", project))));
        files.Add(new(project, TemplateRenderer.Render("programme-project.xml", ("namespace", ns), ("toolkit_version", options.ToolkitVersion))));
        files.Add(new(".vscode/settings.json", TemplateRenderer.Render("vscode-settings.json")));
        foreach (var (name, content) in JsonSchemaGenerator.GenerateAll())
        {
            files.Add(new($"schemas/{name}", content));
        }

        return files;
    }

    /// <summary>A programme ID from a name: lower-case words joined by hyphens ("Acme Health" → acme-health).</summary>
    public static string Slug(string name)
    {
        var builder = new StringBuilder();
        foreach (var c in name.Trim().ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        return slug.Length == 0 ? "programme" : slug;
    }

    /// <summary>A C# identifier from a name ("Acme Health" → AcmeHealth).</summary>
    public static string Identifier(string name)
    {
        var builder = new StringBuilder();
        foreach (var word in System.Text.RegularExpressions.Regex.Split(name, "[^A-Za-z0-9]+"))
        {
            if (word.Length > 0)
            {
                builder.Append(char.ToUpperInvariant(word[0])).Append(word, 1, word.Length - 1);
            }
        }

        var identifier = builder.ToString();
        return identifier.Length == 0 || !char.IsAsciiLetter(identifier[0]) ? "Programme" + identifier : identifier;
    }

    private static string Modeline(string kind, int depth) =>
        $"# yaml-language-server: $schema={string.Concat(Enumerable.Repeat("../", depth))}schemas/{kind}.schema.json\n";

    private static string Programme(InitOptions options, string id)
    {
        var text = new StringBuilder(TemplateRenderer.Render("programme.yaml", ("id", id), ("name", Quote(options.Name))));
        foreach (var framework in options.Frameworks)
        {
            text.Append($"    - framework: {framework}\n");
            if (framework == Soc2)
            {
                text.Append("      # Security (the common criteria) is in every SOC 2 examination; add Availability,\n");
                text.Append("      # Confidentiality, Processing Integrity or Privacy if your report covers them.\n");
                text.Append("      categories: [Security]\n");
            }
        }

        return text.ToString();
    }

    private static string Crosswalk(string hipaa)
    {
        var source = TemplateRenderer.Read($"Compliance.Cli.Init.crosswalks.soc2-{hipaa}.yaml").Replace("\r\n", "\n");
        // Drop the source repository's header comment; say what the file is instead.
        var lines = source.Split('\n').SkipWhile(l => l.StartsWith('#') || l.Length == 0);
        return TemplateRenderer.Render("crosswalk-header.yaml", ("hipaa", hipaa)) + string.Join("\n", lines);
    }

    private static string Controls(IReadOnlyList<ExampleControl> controls)
    {
        var text = new StringBuilder(TemplateRenderer.Render("controls.yaml"));
        foreach (var control in controls)
        {
            text.Append(TemplateRenderer.Render(
                "control.yaml",
                ("id", control.Id),
                ("title", Quote(control.Title)),
                ("description", control.Description),
                ("maps_to", string.Join(", ", control.MapsTo.Select(Quote))),
                ("evidence", control.Evidence),
                ("evidence_description", Quote(control.EvidenceDescription)),
                ("collection", control.Collection),
                ("freshness_days", control.FreshnessDays.ToString(CultureInfo.InvariantCulture))));
        }

        return text.ToString();
    }

    private static readonly string[] PlainWordsThatAreNotText = { "true", "false", "null", "yes", "no", "on", "off", "y", "n", "~" };

    /// <summary>A YAML scalar: plain when it is unambiguous text, double-quoted otherwise.</summary>
    private static string Quote(string text) =>
        text.Length > 0 && char.IsAsciiLetter(text[0])
            && text.All(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '-' or '.' or ',')
            && !text.EndsWith(' ')
            && Array.IndexOf(PlainWordsThatAreNotText, text.ToLowerInvariant()) < 0
            ? text
            : "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
