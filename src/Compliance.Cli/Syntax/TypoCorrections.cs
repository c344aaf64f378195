using System;
using System.CommandLine;
using System.CommandLine.Invocation;
using System.IO;
using System.Linq;

namespace Compliance.Cli.Syntax;

/// <summary>
/// System.CommandLine's own did-you-mean, for the one word the usage error names: the library suggests for every
/// unmatched word, and for a stray value (not a mistyped name) its nearest name is noise.
/// </summary>
internal static class TypoCorrections
{
    public static string For(ParseResult result)
    {
        if (result.Action is not ParseErrorAction corrections)
        {
            return string.Empty;
        }

        var word = result.UnmatchedTokens.FirstOrDefault(t => t.StartsWith('-'))
                   ?? (result.CommandResult.Command.Subcommands.Count > 0 ? result.UnmatchedTokens.FirstOrDefault() : null);
        if (word is null)
        {
            return string.Empty;
        }

        corrections.ShowHelp = false;
        corrections.ShowTypoCorrections = true;
        var printed = new StringWriter();
        result.Invoke(new InvocationConfiguration { Output = printed, Error = TextWriter.Null, EnableDefaultExceptionHandler = false });

        // The library prints one block per word: "'WORD' was not matched. Did you mean ...?" and then the names.
        var lines = printed.ToString().ReplaceLineEndings("\n").Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith($"'{word}' ", StringComparison.Ordinal));
        if (start < 0)
        {
            return string.Empty;
        }

        var block = lines.Skip(start).TakeWhile((line, i) => i == 0 || (line.Length > 0 && !line.StartsWith('\'')));
        return string.Join(Environment.NewLine, block) + Environment.NewLine;
    }
}
