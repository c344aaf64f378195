using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;

namespace Compliance.Cli.Syntax;

/// <summary>
/// The options of one parsed command, read by name as the commands read them before System.CommandLine:
/// Value is the last occurrence, Values every occurrence, Flag whether a flag was given.
/// </summary>
public sealed class ParsedArguments
{
    private readonly ParseResult _result;

    public ParsedArguments(ParseResult result)
    {
        _result = result;
    }

    public string? Value(string name) => Values(name) is { Count: > 0 } values ? values[^1] : null;

    public IReadOnlyList<string> Values(string name) => _result.GetValue<string[]>(name) ?? Array.Empty<string>();

    public bool Flag(string name) => _result.GetValue<bool>(name);

    public int Int(string name, int fallback) => Value(name) is { } text
        ? int.TryParse(text, out var value) && value >= 0 ? value : throw new UsageException($"{name} takes a whole number of days, not '{text}'.")
        : fallback;

    /// <summary>The command's positional argument, if it was given.</summary>
    public string? Positional(Argument<string> argument) => _result.GetValue(argument);
}
