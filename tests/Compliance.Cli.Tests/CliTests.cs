using System;
using System.IO;
using System.Linq;
using Compliance.Cli;
using Compliance.Cli.Commands;

using Compliance.Engine.Tests;

namespace Compliance.Cli.Tests;

public class CliTests
{
    private static readonly Func<DateTime> NotTheClock = () => throw new InvalidOperationException("The clock must not be read when --as-of is given.");

    [Fact]
    public void Check_exits_zero_when_compliant_and_writes_both_reports_atomically()
    {
        using var programme = new TestProgramme();
        var output = new StringWriter();

        var exit = CheckCommand.Run(new[] { "check", "--root", programme.Root, "--as-of", "2026-11-01" }.Skip(1).ToArray(), output, NotTheClock);

        Assert.Equal(0, exit);
        var reports = Path.Combine(programme.Root, "artifacts", "compliance");
        Assert.Equal(new[] { "compliance.json", "compliance.sarif" }, Directory.GetFiles(reports).Select(Path.GetFileName).OrderBy(n => n));
        Assert.Contains("Summary: 0 error(s), 0 warning(s), 0 waived;", output.ToString());
    }

    [Fact]
    public void Check_exits_one_when_not_compliant_and_prints_canonical_lines_last()
    {
        using var programme = new TestProgramme();
        programme.Delete("evidence/baa/cloud.md");
        var output = new StringWriter();

        var exit = CheckCommand.Run(new[] { "--root", programme.Root, "--as-of", "2026-11-01", "--msbuild" }, output, NotTheClock);

        Assert.Equal(1, exit);
        Assert.Contains("): error CMP1205: ", output.ToString());

        // For MSBuild the paths are full, like the compiler's, so that IDEs open the file; otherwise repo-relative.
        Assert.Contains($"\n{Path.Combine(programme.Root, "policies/vendors.yaml")}(", output.ToString());
        var plain = new StringWriter();
        CheckCommand.Run(new[] { "--root", programme.Root, "--as-of", "2026-11-01" }, plain, NotTheClock);
        Assert.Contains("\npolicies/vendors.yaml(", plain.ToString());
        Assert.DoesNotContain(programme.Root, plain.ToString().Split('\n').Where(l => l.Contains(": error CMP", StringComparison.Ordinal)).First());
    }

    [Fact]
    public void Without_an_as_of_date_the_check_runs_as_of_today_in_utc()
    {
        Assert.Equal(new DateOnly(2030, 1, 2), Clock.ResolveAsOf(null, () => new DateTime(2030, 1, 2, 23, 59, 0, DateTimeKind.Utc)));
        Assert.Equal(new DateOnly(2026, 11, 1), Clock.ResolveAsOf("2026-11-01", NotTheClock));
    }

    [Theory]
    [InlineData("--as-of", "01/11/2026", "--as-of takes a date as YYYY-MM-DD, not '01/11/2026'.")]
    [InlineData("--format", "xml", "--format takes text, json or sarif, not 'xml'.")]
    [InlineData("--colour", "auto", "Unknown option '--colour'.")]
    public void Wrong_usage_is_refused_with_a_message(string option, string value, string message)
    {
        using var programme = new TestProgramme(git: false);
        var error = Assert.Throws<UsageException>(() => CheckCommand.Run(new[] { "--root", programme.Root, option, value }, new StringWriter(), () => DateTime.UnixEpoch));
        Assert.Equal(message, error.Message);
    }
}
