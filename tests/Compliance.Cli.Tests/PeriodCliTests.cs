using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Compliance.Cli;
using Compliance.Cli.Commands;

using Compliance.Engine.Tests;
using Compliance.Engine.Tests.Period;

namespace Compliance.Cli.Tests;

public class PeriodCliTests
{
    private static readonly Func<DateTime> NotTheClock = () => throw new InvalidOperationException("The clock must not be read when --as-of is given.");

    [Fact]
    public void Check_with_a_period_writes_the_period_results_into_the_json_report()
    {
        using var programme = YearFixture.Build();
        var output = new StringWriter();

        CheckCommand.Run(new[] { "--root", programme.Root, "--as-of", "2026-12-31", "--period", "2026-01-01..2026-12-31", "--format", "json" }, output, NotTheClock);

        using var json = JsonDocument.Parse(output.ToString());
        var period = json.RootElement.GetProperty("period");
        Assert.Equal("2026-01-01", period.GetProperty("start").GetString());
        Assert.Equal("2026-12-31", period.GetProperty("end").GetString());
        Assert.Equal(10, period.GetProperty("exceptions").GetArrayLength());
        var first = period.GetProperty("exceptions").EnumerateArray().First(e => e.GetProperty("rule").GetString() == "CMP2703");
        Assert.Equal("2026-06-01", first.GetProperty("start").GetString());
        Assert.Equal("baa-not-in-force", first.GetProperty("kind").GetString());
        Assert.Equal("mini", period.GetProperty("frameworks")[0].GetProperty("framework").GetString());
    }

    [Fact]
    public void Check_without_a_period_writes_no_period_section()
    {
        using var programme = new TestProgramme();
        var output = new StringWriter();

        CheckCommand.Run(new[] { "--root", programme.Root, "--as-of", "2026-11-01", "--format", "json" }, output, NotTheClock);

        using var json = JsonDocument.Parse(output.ToString());
        Assert.False(json.RootElement.TryGetProperty("period", out _));
    }

    [Fact]
    public void The_period_report_is_byte_identical_across_runs()
    {
        using var programme = YearFixture.Build();
        string Run()
        {
            var output = new StringWriter();
            CheckCommand.Run(new[] { "--root", programme.Root, "--as-of", "2026-12-31", "--period", "2026-01-01..2026-12-31", "--format", "json" }, output, NotTheClock);
            return output.ToString();
        }

        Assert.Equal(Run(), Run());
    }

    [Theory]
    [InlineData("2026-09-30..2026-01-01")]
    [InlineData("2026-01-01")]
    [InlineData("2026-01-01..2026-13-01")]
    public void A_malformed_period_is_a_usage_error(string text)
    {
        Assert.Throws<UsageException>(() => PeriodOption.Resolve(text));
    }
}
