namespace Compliance.Cli.Tests.Syntax;

/// <summary>The [suggest:POSITION] directive that shell completion scripts call (README, "Shell completion").</summary>
public class CompletionTests
{
    [Fact]
    public void A_partial_command_completes_to_the_commands_it_starts()
    {
        var (exit, output, _) = Cli.Run("[suggest:3]", "aud");

        Assert.Equal(0, exit);
        Assert.Equal(new[] { "audit" }, Lines(output));
    }

    [Fact]
    public void A_partial_option_completes_to_the_command_s_options()
    {
        var (exit, output, _) = Cli.Run("[suggest:10]", "check --re");

        Assert.Equal(0, exit);
        Assert.Equal(new[] { "--report-dir" }, Lines(output));
    }

    [Fact]
    public void A_format_completes_to_the_formats_the_command_takes()
    {
        var (exit, output, _) = Cli.Run("[suggest:15]", "check --format ");

        Assert.Equal(0, exit);
        Assert.Equal(new[] { "json", "sarif", "text" }, Lines(output));
    }

    [Fact]
    public void A_sub_command_completes_to_its_group_s_sub_commands()
    {
        var (_, output, _) = Cli.Run("[suggest:6]", "audit ");

        Assert.Subset(new System.Collections.Generic.HashSet<string>(Lines(output)), new System.Collections.Generic.HashSet<string> { "append", "query", "verify" });
    }

    private static string[] Lines(string output) => output.ReplaceLineEndings("\n").Split('\n', System.StringSplitOptions.RemoveEmptyEntries);
}
