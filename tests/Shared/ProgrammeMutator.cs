using System;

namespace Compliance.Tests.Shared;

/// <summary>
/// Seeded damage to a programme file, shared by the mutation harnesses of the parser (Generator.Tests) and of the
/// gate and site (Site.Tests): inserted YAML punctuation and tags, deleted spans, shifted indentation, markup that
/// must come out encoded, paths that try to leave the repository, keys in the wrong case, dates in the future.
/// The same seed gives the same mutant, so a failure names a case that reproduces.
/// </summary>
internal static class ProgrammeMutator
{
    /// <summary>Markup that may appear in a page only encoded.</summary>
    public const string Marker = "<mut-marker>";

    /// <summary>The content of a file outside the repository: no finding or page may ever show it.</summary>
    public const string Canary = "CANARY-outside-the-repository";

    public static readonly string[] Tokens =
    {
        "[", "]", "{", "}", ":", ": ", "- ", "\"", "'", "&a ", "*a", "\t", "\n", "#", "|", ">", "? ", "!!int ", "!!binary ", "!tag ",
        "!!str ", "!<tag:x> ", "%YAML 1.1\n", "---\n", "...\n", "\\", "é", "\u0085", "\u2028", "\uFEFF", "0x", "1e999", "2026-02-30", "-1",
        "99999999999999999999", "null", "~", "<<: *a\n", "@", "`", "[unclosed\n", "{a: [b, {c: ", "\"unterminated\n", ",",
        Marker, "<script>" + Marker + "</script>", "[x](javascript:alert(1))", "../../outside.txt", "/etc/passwd", "../outside.txt",
        "2099-12-31", "Title", "ID", "\0",
    };

    public static string Mutate(string text, Random random)
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
