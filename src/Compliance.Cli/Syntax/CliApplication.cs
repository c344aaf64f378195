using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.IO;
using System.Linq;

namespace Compliance.Cli.Syntax;

/// <summary>
/// Parses and runs a command tree the way the tool always has: a usage error is exit code 2 with its message
/// (and a did-you-mean, and the command's help) on stderr; the commands' own exit codes pass through.
/// </summary>
public static class CliApplication
{
    public const int UsageError = 2;

    public static int Invoke(RootCommand root, IReadOnlyList<string> args, TextWriter output, TextWriter errors)
    {
        foreach (var version in root.Options.OfType<VersionOption>())
        {
            version.Action = new VersionAction(output);
        }

        // 'compliance' alone prints the help, as it always has.
        root.SetAction(parsed => new HelpAction().Invoke(parsed));

        // 'compliance help' has always meant 'compliance --help'.
        var words = args is ["help"] ? new[] { "--help" } : args;
        var result = root.Parse(words, CommandInvoker.Parsing);
        if (result.Errors.Count > 0)
        {
            return ReportParseErrors(result, errors);
        }

        try
        {
            return result.Invoke(CommandInvoker.Invocation(output, errors));
        }
        catch (UsageException ex)
        {
            errors.WriteLine($"compliance: {ex.Message}");
            errors.WriteLine(HelpHint(result));
            return UsageError;
        }
    }

    private static int ReportParseErrors(ParseResult result, TextWriter errors)
    {
        errors.WriteLine($"compliance: {CommandInvoker.Problem(result)}");
        foreach (var error in result.Errors.Skip(1))
        {
            errors.WriteLine($"compliance: {error.Message}");
        }

        errors.Write(TypoCorrections.For(result));

        errors.WriteLine(HelpHint(result));
        return UsageError;
    }

    private static string HelpHint(ParseResult result)
    {
        var names = new List<string>();
        for (var command = result.CommandResult; command is not null && command.Command is not RootCommand; command = command.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Insert(0, command.Command.Name);
        }

        names.Insert(0, "compliance");
        return $"See '{string.Join(" ", names)} --help'.";
    }
}
