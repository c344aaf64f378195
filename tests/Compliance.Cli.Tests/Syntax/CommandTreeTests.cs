using System;
using System.IO;
using System.Linq;
using Compliance.Cli.Syntax;

namespace Compliance.Cli.Tests.Syntax;

/// <summary>The tree builds only the command a run invokes, and every command when the first word names none.</summary>
public class CommandTreeTests
{
    private static readonly Func<DateTimeOffset> NotTheClock = () => throw new InvalidOperationException("Building the tree must not read the clock.");

    private static System.CommandLine.RootCommand Tree(string? invoked) =>
        CommandTree.Create(() => TextReader.Null, TextWriter.Null, NotTheClock, _ => null, Engine.Progress.NoProgress.Instance, invoked);

    [Fact]
    public void Each_name_is_the_name_of_the_command_it_builds()
    {
        var commands = CommandTree.Commands(() => TextReader.Null, TextWriter.Null, NotTheClock, _ => null, Engine.Progress.NoProgress.Instance);

        Assert.Equal(12, commands.Count);
        Assert.All(commands, c => Assert.Equal(c.Name, c.Create().Name));
        Assert.Equal(commands.Count, commands.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("check")]
    [InlineData("verify-tls")]
    [InlineData("audit")]
    public void A_named_command_is_the_only_one_built(string name)
    {
        var root = Tree(name);

        Assert.Equal(new[] { name }, root.Subcommands.Select(c => c.Name));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("--help")]
    [InlineData("chekc")]
    [InlineData("[suggest:3]")]
    [InlineData("Check")]
    public void Anything_else_builds_every_command(string? first)
    {
        var root = Tree(first);

        Assert.Equal(CommandTree.Commands(() => TextReader.Null, TextWriter.Null, NotTheClock, _ => null, Engine.Progress.NoProgress.Instance).Select(c => c.Name), root.Subcommands.Select(c => c.Name));
    }

    [Fact]
    public void A_command_built_alone_parses_and_helps_as_in_the_whole_tree()
    {
        var alone = new StringWriter();
        var whole = new StringWriter();

        var exitAlone = CliApplication.Invoke(CommandTree.Create(() => TextReader.Null, alone, NotTheClock, _ => null, Engine.Progress.NoProgress.Instance, "check"), new[] { "check", "--help" }, alone, TextWriter.Null);
        var exitWhole = CliApplication.Invoke(Cli.Tree(whole), new[] { "check", "--help" }, whole, TextWriter.Null);

        Assert.Equal(exitWhole, exitAlone);
        Assert.Equal(whole.ToString(), alone.ToString());
        Assert.Contains("--as-of", alone.ToString(), StringComparison.Ordinal);
    }
}
