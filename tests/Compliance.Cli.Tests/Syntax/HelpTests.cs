using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.IO;
using System.Linq;

namespace Compliance.Cli.Tests.Syntax;

public class HelpTests
{
    /// <summary>Every command and sub-command, as the words that name it: "check", "audit append", ...</summary>
    public static TheoryData<string> Commands()
    {
        var data = new TheoryData<string>();
        foreach (var path in Paths(Cli.Tree(TextWriter.Null), new List<string>()))
        {
            data.Add(path);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_command_has_help_that_describes_each_of_its_options(string path)
    {
        var command = Find(path);
        foreach (var flag in new[] { "--help", "-h" })
        {
            var (exit, output, errors) = Cli.Run(path.Split(' ').Append(flag).ToArray());

            Assert.Equal(0, exit);
            Assert.Equal(string.Empty, errors);
            Assert.Contains($"compliance {path}", output);
            Assert.Contains(command.Description!, output);
            foreach (var option in command.Options.Where(o => o is not HelpOption))
            {
                Assert.False(string.IsNullOrWhiteSpace(option.Description), $"'{path} {option.Name}' has no description.");
                Assert.Contains(option.Name, output);
                Assert.Contains(option.Description!, output);
            }
        }
    }

    [Fact]
    public void Every_command_of_the_tool_is_in_the_help()
    {
        var (exit, output, _) = Cli.Run("--help");

        Assert.Equal(0, exit);
        foreach (var name in new[] { "check", "site", "gate", "audit", "incident", "verify-tls", "schema", "init", "export", "evidence", "collect", "sample" })
        {
            Assert.Contains($"  {name} ", output);
        }
    }

    [Fact]
    public void No_command_and_the_help_command_print_the_tool_s_help()
    {
        var (bare, bareOutput, _) = Cli.Run();
        var (help, helpOutput, _) = Cli.Run("help");

        Assert.Equal(0, bare);
        Assert.Equal(0, help);
        Assert.Contains("Commands:", bareOutput);
        Assert.Equal(bareOutput, helpOutput);
    }

    [Fact]
    public void Version_prints_the_package_version_only()
    {
        var (exit, output, errors) = Cli.Run("--version");

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, errors);
        var expected = typeof(Compliance.Cli.Commands.CheckCommand).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .Cast<System.Reflection.AssemblyInformationalVersionAttribute>().Single().InformationalVersion.Split('+')[0];
        Assert.Equal(expected + System.Environment.NewLine, output);
    }

    private static IEnumerable<string> Paths(Command command, List<string> above)
    {
        foreach (var sub in command.Subcommands)
        {
            var path = above.Append(sub.Name).ToList();
            yield return string.Join(' ', path);
            foreach (var deeper in Paths(sub, path))
            {
                yield return deeper;
            }
        }
    }

    private static Command Find(string path) =>
        path.Split(' ').Aggregate((Command)Cli.Tree(TextWriter.Null), (command, name) => command.Subcommands.Single(s => s.Name == name));
}
