using System.CommandLine;

namespace Compliance.Cli.Syntax;

/// <summary>
/// Builds options that behave as the CLI's options always have: a value option may be repeated (the last one wins,
/// or all of them where the command reads a list), and a flag takes no value. Values stay strings, so each command
/// keeps its own validation and its own messages; nothing is bound by reflection.
/// </summary>
public static class CliOptions
{
    public static Option<string[]> Value(string name, string helpName, string description, params string[] completions)
    {
        var option = new Option<string[]>(name)
        {
            Description = description,
            HelpName = helpName,
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        if (completions.Length > 0)
        {
            option.CompletionSources.Add(completions);
        }

        return option;
    }

    public static Option<bool> Flag(string name, string description) => new(name)
    {
        Description = description,
        Arity = ArgumentArity.Zero,
    };

    /// <summary>The programme root that every command takes.</summary>
    public static Option<string[]> Root() => Value("--root", "DIR", "The programme's root folder (default: the current folder).");

    public static Option<string[]> AsOf(string description = "The date to check as of (default: today in UTC).") => Value("--as-of", "YYYY-MM-DD", description);

    public static Option<string[]> Period() => Value("--period", "START..END", "The audit period, both ends inclusive, as ISO dates.");
}
