using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Linq;

namespace Compliance.Cli.Syntax;

/// <summary>Parses and runs one command on its own, as the tests and the commands' Run methods do.</summary>
public static class CommandInvoker
{
    /// <summary>The parser's settings: '@file' is an ordinary value here, never a response file to read.</summary>
    public static ParserConfiguration Parsing { get; } = new() { ResponseFileTokenReplacer = null };

    /// <summary>Exceptions reach the caller (the composition root reports them); the library prints nothing of its own.</summary>
    public static InvocationConfiguration Invocation(System.IO.TextWriter output, System.IO.TextWriter errors) => new()
    {
        EnableDefaultExceptionHandler = false,
        Output = output,
        Error = errors,
    };

    /// <summary>Runs the command on args; a parse error is a <see cref="UsageException"/>.</summary>
    public static int Run(Command command, IReadOnlyList<string> args)
    {
        var result = command.Parse(args, Parsing);
        if (Problem(result) is { } message)
        {
            throw new UsageException(message);
        }

        return result.Invoke(Invocation(System.Console.Out, System.Console.Error));
    }

    /// <summary>A group of sub-commands given none of them is wrong usage, in the group's own words.</summary>
    public static void RequireSubcommand(Command group, string message) =>
        group.SetAction(new System.Func<ParseResult, int>(_ => throw new UsageException(message)));

    /// <summary>The first parse error in the words the CLI has always used; null: none.</summary>
    public static string? Problem(ParseResult result)
    {
        if (result.Errors.Count == 0)
        {
            return null;
        }

        if (result.UnmatchedTokens.FirstOrDefault(t => t.StartsWith('-')) is { } option)
        {
            return $"Unknown option '{option}'.";
        }

        if (result.Errors[0].SymbolResult is OptionResult { Tokens.Count: 0 } missing)
        {
            return $"{missing.Option.Name} needs a value.";
        }

        return result.CommandResult.Command is RootCommand && result.UnmatchedTokens.FirstOrDefault() is { } command
            ? $"Unknown command '{command}'."
            : result.Errors[0].Message;
    }
}
