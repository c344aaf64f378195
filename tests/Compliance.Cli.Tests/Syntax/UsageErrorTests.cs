namespace Compliance.Cli.Tests.Syntax;

public class UsageErrorTests
{
    [Theory]
    [InlineData(new[] { "chek" }, "compliance: Unknown command 'chek'.", "See 'compliance --help'.")]
    [InlineData(new[] { "check", "--colour", "auto" }, "compliance: Unknown option '--colour'.", "See 'compliance check --help'.")]
    [InlineData(new[] { "check", "--root" }, "compliance: --root needs a value.", "See 'compliance check --help'.")]
    [InlineData(new[] { "audit" }, "compliance: audit takes append, verify, query or anchor.", "See 'compliance audit --help'.")]
    [InlineData(new[] { "audit", "query", "--format", "xml", "--root", "." }, "compliance: --format takes text or json, not 'xml'.", "See 'compliance audit query --help'.")]
    [InlineData(new[] { "evidence" }, "compliance: evidence takes a subcommand: add.", "See 'compliance evidence --help'.")]
    [InlineData(new[] { "check", "--msbuild=yes" }, "compliance: Unrecognized command or argument 'yes'.", "See 'compliance check --help'.")]
    public void A_usage_error_exits_two_with_the_message_on_stderr_and_nothing_on_stdout(string[] args, string message, string hint)
    {
        var (exit, output, errors) = Cli.Run(args);

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith(message + System.Environment.NewLine, errors);
        Assert.EndsWith(hint + System.Environment.NewLine, errors);
    }

    [Theory]
    [InlineData(new[] { "chek" }, "'chek' was not matched. Did you mean one of the following?", "check")]
    [InlineData(new[] { "check", "--roott", "." }, "'--roott' was not matched. Did you mean one of the following?", "--root")]
    [InlineData(new[] { "audit", "appnd" }, "'appnd' was not matched. Did you mean one of the following?", "append")]
    [InlineData(new[] { "gate", "--runer", "ci" }, "'--runer' was not matched. Did you mean one of the following?", "--runner")]
    public void A_mistyped_command_or_option_is_answered_with_did_you_mean(string[] args, string question, string suggestion)
    {
        var (exit, _, errors) = Cli.Run(args);

        Assert.Equal(2, exit);
        var lines = errors.ReplaceLineEndings("\n").Split('\n');
        var asked = System.Array.IndexOf(lines, question);
        Assert.True(asked > 0, errors);
        Assert.Equal(suggestion, lines[asked + 1]);
    }

    [Fact]
    public void A_stray_value_gets_no_suggestion_of_an_unrelated_name()
    {
        var (exit, _, errors) = Cli.Run("check", "--roott", "somewhere");

        Assert.Equal(2, exit);
        Assert.DoesNotContain("'somewhere' was not matched", errors);
    }

    [Fact]
    public void An_at_sign_is_a_value_never_a_response_file_to_read()
    {
        var (exit, _, errors) = Cli.Run("check", "--root", "@/etc/passwd");

        Assert.Equal(2, exit);
        Assert.Contains("The programme root", errors);
        Assert.Contains("@", errors);
    }
}
