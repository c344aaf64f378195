using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Compliance.EndToEnd.Tests.Harness;

namespace Compliance.EndToEnd.Tests;

/// <summary>-p:CompliancePeriod reaches the check through the MSBuild task: the period's results are in the report, and a past gap never fails the build.</summary>
public sealed class PeriodBuildTests
{
    [Fact]
    public void CompliancePeriodPropertyPutsThePeriodInTheReportAndItsExceptionsAreWarnings()
    {
        using var repo = ProgrammeRepo.FromFixture("valid");

        // The fixture is committed on 2026-01-15: every day before that is outside its history.
        var result = repo.Build(null, "-p:CompliancePeriod=2026-01-01..2026-01-31");

        Assert.Equal(0, result.ExitCode);
        var report = Directory.GetFiles(repo.Root, "compliance.json", SearchOption.AllDirectories).Single(f => f.Contains("artifacts", StringComparison.Ordinal));
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        var period = json.RootElement.GetProperty("period");
        Assert.Equal("2026-01-01", period.GetProperty("start").GetString());
        Assert.Equal("2026-01-31", period.GetProperty("end").GetString());
        Assert.All(result.ComplianceDiagnostics.Where(d => d.Contains(": warning CMP27", StringComparison.Ordinal) || d.Contains(": error CMP27", StringComparison.Ordinal)),
            d => Assert.Contains(": warning CMP27", d));
        Assert.DoesNotContain(result.Errors, e => e.Contains("CMP27", StringComparison.Ordinal));
    }
}
