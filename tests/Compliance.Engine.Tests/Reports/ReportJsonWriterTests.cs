using System;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Compliance.Engine.Checks;
using Compliance.Engine.Period;
using Compliance.Engine.Reports;

namespace Compliance.Engine.Tests;

/// <summary>
/// The JSON report is written field by field; these hold it to what System.Text.Json's serializer writes for the
/// same records with the report's settings, byte for byte, so a field added to a record and not to the writer fails.
/// </summary>
public class ReportJsonWriterTests
{
    private static readonly JsonSerializerOptions Serializer = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        NewLine = "\n",
    };

    [Fact]
    public void The_example_programme_with_a_period_is_written_as_the_serializer_writes_it()
    {
        var options = new CheckOptions(RepoRoot(), new DateOnly(2026, 11, 1)) { Period = new DayRange(new DateOnly(2026, 1, 1), new DateOnly(2026, 10, 31)) };
        var document = JsonReport.Build(ComplianceCheck.Run(options));

        // Every section the writer has is present, so that each is compared.
        Assert.NotNull(document.Period);
        Assert.NotEmpty(document.Findings);
        Assert.NotEmpty(document.Artifacts);
        Assert.NotEmpty(document.Vendors);
        Assert.NotEmpty(document.Policies);
        Assert.NotEmpty(document.Coverage);
        Assert.NotEmpty(document.Breaches);
        Assert.NotEmpty(document.Retention);
        Assert.Equal(JsonSerializer.Serialize(document, Serializer), ReportJsonWriter.Write(document));
    }

    [Fact]
    public void Nulls_are_left_out_and_empty_lists_kept_as_the_serializer_does()
    {
        var commit = new ReportCommit("abc", "A <a@b>", "a@example.invalid", "2026-10-01T12:00:00+00:00", "2026-10-01T12:00:00+00:00", false, "Summary with \"quotes\", é and <html>");
        var document = new ReportDocument(
            JsonReport.Schema,
            "2026-11-01",
            new ReportProgramme(null, null),
            new ReportProvenance(false, "no git repository contains the programme root", null, null),
            new ReportSummary(1, 0, 0, false),
            new[] { new ReportFinding("CMP1001", "error", "m", "f", null, null, null, null, null, null, null), new ReportFinding("CMP1002", "warning", "m", "f", "p", 1, 2, 3, 4, "t", "W-1") },
            new[] { new ReportWaiver("W-1", "CMP1101", "X", null, null, null, null, WaiverState.Expired, 0), new ReportWaiver("W-2", "CMP1101", "Y", "r", "alice", "2026-01-01", "2027-01-01", WaiverState.InForce, 2) },
            new[] { new ReportEvidenceRequirement("C/e", 30, EvidenceState.Missing, null, null, null, null) },
            new[] { new ReportArtifact("p", "p.evidence.yaml", "C/e", null, "job:x", "00", null, "missing", null, commit, true) },
            new[] { new ReportVendor("v", "V", true, Array.Empty<string>(), BaaState.Missing, null, null, null, null, null, Array.Empty<string>()) },
            new[] { new ReportPolicy("P", "T", "policies/p.md", "1", null, "2026-01-01", "2027-01-01", false, null) },
            new[] { new ReportDeletion("evidence/x", commit, commit) })
        {
            Role = Model.Documents.ProgrammeRole.BusinessAssociate,
            Incomplete = new[] { new ReportIncomplete("control", "C-<1>", null, "controls/c.yaml", 2, 9), new ReportIncomplete("evidence requirement", "e", "C-2", "controls/c.yaml", 12, 15) },
            Period = new ReportPeriod("2026-01-01", "2026-10-31", 304, null,
                new[] { new ReportFrameworkCoverage("hipaa", 10, 5, 5000) },
                new[] { new ReportPeriodException("CMP1901", PeriodExceptionKind.RequirementUncovered, "C/e", "2026-02-01", "2026-02-03", 3, null, null, null, "gap", null, "a.json") },
                new[] { new ReportRequirementTimeline("C/e", "C", 30, new[] { "hipaa" }, 304, 300, 0, new[] { new ReportTimelineSegment("2026-01-01", "2026-01-31", 31, PeriodDayState.NotDefined) }) },
                new[] { new ReportPeriodWaiver("W-1", "CMP1101", "X", "2026-01-01", "2026-01-02", 2) }),
        };

        Assert.Equal(JsonSerializer.Serialize(document, Serializer), ReportJsonWriter.Write(document));
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Compliance.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Compliance.sln not found above the test folder.");
    }
}
