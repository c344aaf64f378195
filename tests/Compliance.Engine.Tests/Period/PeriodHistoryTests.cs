using System;
using System.Linq;
using Compliance.Engine.Period;

namespace Compliance.Engine.Tests.Period;

public class PeriodHistoryTests
{
    private static readonly DayRange Year2026 = new(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));

    private static CheckResult CheckYear(TestProgramme programme, DayRange? period = null) =>
        programme.Check(new DateOnly(2026, 12, 31), o => o with { Period = period ?? Year2026 });

    [Fact]
    public void The_year_fixture_reports_exactly_the_exceptions_worked_out_by_hand()
    {
        using var programme = YearFixture.Build();

        var result = CheckYear(programme).Period!;

        Assert.Null(result.UnavailableReason);
        Assert.Equal(new[]
        {
            "CMP2701 CRY-01/kms-keys 2026-01-10..2026-01-19 EvidenceStale",
            "CMP2701 CRY-01/kms-keys 2026-04-01..2026-04-14 EvidenceStale",
            "CMP2701 CRY-01/kms-keys 2026-06-01..2026-06-09 EvidenceStale",
            "CMP2701 CRY-01/kms-keys 2026-08-01..2026-08-04 EvidenceStale",
            "CMP2701 IAM-01/review 2026-08-01..2026-08-24 EvidenceMissing",
            "CMP2701 IAM-01/review 2026-11-24..2026-12-31 EvidenceStale",
            "CMP2702 M-2 2026-07-15..2026-07-31 RequirementUncovered",
            "CMP2703 cloud 2026-06-01..2026-06-19 BaaNotInForce",
            "CMP2704 POL-SEC 2026-03-02..2026-03-04 PolicyReviewOverdue",
            "CMP2705 IAM-01 2026-08-01..2026-08-19 RevokedOwner",
        }, result.Exceptions.Select(e => $"{e.RuleId} {e.Target} {e.Days} {e.Kind}").OrderBy(l => l, StringComparer.Ordinal));
    }

    [Fact]
    public void A_waiver_covering_part_of_a_gap_is_listed_with_its_days_and_shown_as_waived()
    {
        using var programme = YearFixture.Build();

        var result = CheckYear(programme).Period!;

        var waiver = Assert.Single(result.Waivers);
        Assert.Equal(("WVR-2026-001", "CRY-01/kms-keys", "2026-05-16..2026-05-31"), (waiver.WaiverId, waiver.Target, waiver.Days.ToString()));
        var kms = result.Requirements.Single(r => r.Key == "CRY-01/kms-keys");
        Assert.Contains(kms.Segments, s => s.State == PeriodDayState.Waived && s.Days.ToString() == "2026-05-16..2026-05-31");
        Assert.Equal(16, kms.WaivedDays);
    }

    [Fact]
    public void An_exception_names_the_artifacts_on_either_side_of_the_gap_and_points_at_the_requirement()
    {
        using var programme = YearFixture.Build();

        var gap = CheckYear(programme).Period!.Exceptions.Single(e => e.Target == "CRY-01/kms-keys" && e.Days.Start == new DateOnly(2026, 8, 1));

        Assert.Equal("evidence/cry-01/kms-keys/kms-2026-07-10.json.evidence.yaml", gap.Before);
        Assert.Equal("evidence/cry-01/kms-keys/kms-2026-08-05.json.evidence.yaml", gap.After);
        Assert.Equal("controls/controls.yaml", gap.Location!.Path);
        Assert.Contains("from 2026-08-01 to 2026-08-04 (4 days", gap.Message);
    }

    [Fact]
    public void Framework_coverage_counts_requirement_days_fresh_out_of_those_defined()
    {
        using var programme = YearFixture.Build();

        var mini = Assert.Single(CheckYear(programme).Period!.Frameworks);

        // CRY-01/kms-keys: 365 days, gaps 10 + 14 + 25 (16 waived, not fresh) + 4 = 53. IAM-01/review: 153 days from 08-01, gaps 24 + 38.
        Assert.Equal(365 + 153, mini.RequirementDays);
        Assert.Equal(365 - 53 + 153 - 62, mini.FreshDays);
    }

    [Fact]
    public void A_requirement_added_mid_period_is_not_defined_before_its_control_was_committed()
    {
        using var programme = YearFixture.Build();

        var review = CheckYear(programme).Period!.Requirements.Single(r => r.Key == "IAM-01/review");

        Assert.Equal(new DayRange(new DateOnly(2026, 1, 1), new DateOnly(2026, 7, 31)), review.Segments[0].Days);
        Assert.Equal(PeriodDayState.NotDefined, review.Segments[0].State);
    }

    [Fact]
    public void Period_exceptions_are_warnings_at_the_definition_so_a_past_gap_never_fails_the_build()
    {
        using var programme = YearFixture.Build();

        var findings = CheckYear(programme).Findings.Where(f => f.RuleId.StartsWith("CMP27", StringComparison.Ordinal)).ToList();

        Assert.Equal(10, findings.Count);
        Assert.All(findings, f => Assert.Equal(Model.Diagnostics.Severity.Warning, f.Severity));
        Assert.All(findings, f => Assert.NotNull(f.Location));
    }

    [Fact]
    public void The_same_commit_and_period_give_the_same_results()
    {
        using var programme = YearFixture.Build();

        var first = CheckYear(programme).Period!;
        var second = CheckYear(programme).Period!;

        Assert.Equal(first.Exceptions, second.Exceptions);
        Assert.Equal(first.Frameworks, second.Frameworks);
    }

    [Fact]
    public void Without_git_history_the_period_says_why_and_reports_nothing()
    {
        using var programme = new TestProgramme(git: false);

        var result = CheckYear(programme).Period!;

        Assert.NotNull(result.UnavailableReason);
        Assert.Empty(result.Exceptions);
    }
}
