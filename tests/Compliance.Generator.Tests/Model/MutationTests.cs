using System;
using System.Collections.Generic;
using System.Linq;
using Compliance.Generator.Tests.Infrastructure;
using Compliance.Model.Diagnostics;
using Compliance.Model.Linking;
using Compliance.Model.Parsing;

namespace Compliance.Generator.Tests.Model;

/// <summary>
/// Seeded mutations of the mini programme's files (inserted YAML punctuation, deleted spans, shifted
/// indentation) through the parser and the linker: whatever the damage, the result is findings with a
/// location, never an exception and never an internal error (CMP0099). The seeds are fixed, so a failure
/// names a case that reproduces.
/// </summary>
public sealed class MutationTests
{
    private static readonly string[] Tokens =
    {
        "[", "]", "{", "}", ":", ": ", "- ", "\"", "'", "&a ", "*a", "\t", "\n", "#", "|", ">", "? ", "!!int ", "!!binary ", "!tag ",
        "%YAML 1.1\n", "---\n", "...\n", "\\", "é", "\u0085", "\u2028", "\uFEFF", "0x", "1e999", "2026-02-30", "-1",
        "99999999999999999999", "null", "~", "<<: *a\n", "@", "`", "[unclosed\n", "{a: [b, {c: ", "\"unterminated\n", ",",
    };

    public static IEnumerable<object[]> Seeds() => Enumerable.Range(1, 40).Select(seed => new object[] { seed });

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Damaged_files_give_findings_not_exceptions(int seed)
    {
        var files = Fixtures.Load("mini").Where(f => ProgrammeFileParser.IsYaml(f.Path) || ProgrammeFileParser.IsMarkdown(f.Path)).ToArray();
        var random = new Random(seed);
        for (var round = 0; round < 25; round++)
        {
            var target = random.Next(files.Length);
            var text = Mutate(files[target].Text, random);
            var parsed = files.Select((f, i) => ProgrammeFileParser.Parse("/repo/" + f.Path, i == target ? text : f.Text)).ToList();
            var linked = ProgrammeLinker.Link(parsed);

            var internalErrors = linked.Findings.Where(f => f.RuleId == Rules.InternalError.Id).ToList();
            Assert.True(internalErrors.Count == 0, $"seed {seed}, round {round}, {files[target].Path}:\n{text}\n---\n{string.Join("\n", internalErrors.Select(f => f.Text))}");
            // Every finding points at a file, except a programme missing altogether, which has no file to point at;
            // and that is never reported while a file cannot be read (it may be the programme file: CMP0009).
            Assert.All(linked.Findings.Where(f => f.RuleId != Rules.ProgrammeDefinition.Id), f => Assert.NotNull(f.Location));
            if (linked.Findings.Any(f => f.RuleId == Rules.MalformedYaml.Id))
            {
                Assert.DoesNotContain(linked.Findings, f => f.RuleId == Rules.ProgrammeDefinition.Id && f.Location is null);
            }
        }
    }

    private static string Mutate(string text, Random random)
    {
        for (var edits = random.Next(1, 5); edits > 0; edits--)
        {
            var at = random.Next(text.Length + 1);
            var kind = random.Next(10);
            if (kind < 5)
            {
                text = text.Insert(at, Tokens[random.Next(Tokens.Length)]);
            }
            else if (kind < 8)
            {
                text = text.Remove(at, Math.Min(text.Length - at, random.Next(1, 20)));
            }
            else
            {
                var lines = text.Split('\n');
                var line = random.Next(lines.Length);
                lines[line] = new string(' ', random.Next(0, 7)) + lines[line].TrimStart();
                text = string.Join('\n', lines);
            }
        }

        return text;
    }
}
