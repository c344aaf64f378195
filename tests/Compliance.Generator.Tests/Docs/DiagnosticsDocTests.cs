using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Compliance.Generator.Tests.Infrastructure;
using Compliance.Model.Diagnostics;

namespace Compliance.Generator.Tests.Docs;

/// <summary>
/// docs/diagnostics.md is the one catalog document: every rule in <see cref="Rules.All"/> (structure
/// and gate alike) has an entry there, and every entry is a rule. A rule added without its entry fails here.
/// </summary>
public sealed class DiagnosticsDocTests
{
    private static readonly string DocPath = Path.Combine(TestPaths.RepositoryRoot, "docs", "diagnostics.md");

    private static readonly Regex Heading = new(@"^#{2,3} (CMP[0-9]{4}): (.+)$", RegexOptions.CultureInvariant);

    /// <summary>The document's lines, with the lines of fenced code blocks blanked so that examples are not read as entries.</summary>
    private static string[] Lines()
    {
        var lines = File.ReadAllText(DocPath).Replace("\r\n", "\n").Split('\n');
        var inFence = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var fence = lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal);
            if (inFence || fence)
            {
                lines[i] = string.Empty;
            }

            inFence ^= fence;
        }

        return lines;
    }

    /// <summary>Each rule entry: its ID, the title in its heading, and the line index of the heading.</summary>
    private static List<(string Id, string Title, int Line)> Entries() => Lines()
        .Select((line, index) => (Match: Heading.Match(line), index))
        .Where(m => m.Match.Success)
        .Select(m => (m.Match.Groups[1].Value, m.Match.Groups[2].Value.Trim(), m.index))
        .ToList();

    [Fact]
    public void Every_rule_is_documented_and_every_entry_is_a_rule()
    {
        var documented = Entries().Select(e => e.Id).ToList();
        var catalog = Rules.All.Select(r => r.Id).ToList();
        var missing = catalog.Except(documented, StringComparer.Ordinal).ToList();
        var unknown = documented.Except(catalog, StringComparer.Ordinal).ToList();
        Assert.True(
            missing.Count == 0 && unknown.Count == 0,
            $"docs/diagnostics.md is out of step with Rules.cs.\nRules without an entry ('## CMPnnnn: <Title>'): {string.Join(", ", missing)}\nEntries for rules not in Rules.cs: {string.Join(", ", unknown)}");
    }

    [Fact]
    public void Each_rule_is_documented_once()
    {
        var repeated = Entries().GroupBy(e => e.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(repeated.Count == 0, $"Documented more than once: {string.Join(", ", repeated)}");
    }

    [Fact]
    public void Each_entry_has_the_rule_title_severity_and_help_link_anchor()
    {
        var lines = Lines();
        var problems = new List<string>();
        foreach (var (id, title, line) in Entries())
        {
            if (Rules.Find(id) is not { } rule)
            {
                continue;
            }

            if (title != rule.Title)
            {
                problems.Add($"{id}: heading title '{title}' differs from the rule's title '{rule.Title}'.");
            }

            // The compiler's help link ends in docs/diagnostics.md#cmpnnnn; GitHub's own heading anchor would be longer.
            var anchor = $"<a id=\"{id.ToLowerInvariant()}\"></a>";
            if (line == 0 || lines[line - 1].Trim() != anchor)
            {
                problems.Add($"{id}: the line before the heading must be {anchor} so that {rule.HelpLink} lands on it.");
            }

            var severity = lines.Skip(line + 1).FirstOrDefault(l => l.Trim().Length > 0)?.Trim() ?? string.Empty;
            var expected = $"**Severity:** {rule.Severity.ToString().ToLowerInvariant()}";
            if (!severity.StartsWith(expected, StringComparison.Ordinal))
            {
                problems.Add($"{id}: the first line after the heading must start with '{expected}', not '{severity}'.");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Contents_table_rows_match_the_rules_and_list_every_structure_rule()
    {
        var rows = Lines()
            .Select(line => Regex.Match(line, @"^\| \[(CMP[0-9]{4})\]\(#(cmp[0-9]{4})\) \| (\w+) \| (.+) \|$"))
            .Where(m => m.Success)
            .ToList();
        Assert.All(rows, row =>
        {
            var rule = Rules.Find(row.Groups[1].Value);
            Assert.NotNull(rule);
            Assert.Equal(rule.Id.ToLowerInvariant(), row.Groups[2].Value);
            Assert.Equal(rule.Severity.ToString().ToLowerInvariant(), row.Groups[3].Value);
            Assert.Equal(rule.Title, row.Groups[4].Value);
        });
        var structure = Rules.All.Where(r => r.Id.StartsWith("CMP0", StringComparison.Ordinal)).Select(r => r.Id);
        Assert.Equal(structure, rows.Select(r => r.Groups[1].Value).Where(id => id.StartsWith("CMP0", StringComparison.Ordinal)));
    }

    /// <summary>Structure rules (CMP0xxx) come first; the gate's rules (CMP1xxx and up) follow the gate section heading.</summary>
    [Fact]
    public void Gate_section_comes_last()
    {
        var lines = Lines();
        var gate = Array.IndexOf(lines, "## Gate rules (CMP1xxx)");
        Assert.True(gate > 0, "docs/diagnostics.md needs the section '## Gate rules (CMP1xxx)'.");
        Assert.DoesNotContain(Entries(), e => e.Id.StartsWith("CMP0", StringComparison.Ordinal) && e.Line > gate);
        Assert.DoesNotContain(Entries(), e => !e.Id.StartsWith("CMP0", StringComparison.Ordinal) && e.Line < gate);
    }
}
