using System;
using System.CommandLine;
using System.IO;
using Compliance.Cli.Syntax;

namespace Compliance.Cli.Tests.Syntax;

/// <summary>Runs the whole command tree in process, as Program.cs does, with the console replaced by strings.</summary>
internal static class Cli
{
    private static readonly Func<DateTimeOffset> NotTheClock = () => throw new InvalidOperationException("Parsing and help must not read the clock.");

    public static RootCommand Tree(TextWriter output) =>
        CommandTree.Create(() => TextReader.Null, output, NotTheClock, _ => null, Engine.Progress.NoProgress.Instance);

    public static (int Exit, string Output, string Errors) Run(params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var exit = CliApplication.Invoke(Tree(output), args, output, errors);
        return (exit, output.ToString(), errors.ToString());
    }
}
