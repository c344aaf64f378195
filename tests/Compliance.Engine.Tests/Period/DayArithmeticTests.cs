using System;
using System.Linq;
using Compliance.Engine.Git;
using Compliance.Engine.Period;

namespace Compliance.Engine.Tests.Period;

public class DayArithmeticTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd");

    private static DayRange R(string start, string end) => new(D(start), D(end));

    private static readonly DayRange Year = R("2026-01-01", "2026-12-31");

    private static readonly CommitInfo AnyCommit = new("0000000000000000000000000000000000000000", "a", "a@x", default, default, false, "c");

    private static ArtifactVersion Artifact(string start, string end, string sha = "abc") => new(R(start, end), AnyCommit, sha);

    [Fact]
    public void Ranges_are_inclusive_at_both_ends()
    {
        Assert.Equal(31, R("2026-01-01", "2026-01-31").Days);
        Assert.Equal(1, R("2026-03-05", "2026-03-05").Days);
        Assert.Null(DayRange.Between(D("2026-03-05"), D("2026-03-04")));
    }

    [Fact]
    public void Union_merges_overlapping_and_touching_ranges_but_not_ranges_a_day_apart()
    {
        var set = DaySet.Of(new[] { R("2026-01-10", "2026-01-20"), R("2026-01-01", "2026-01-09"), R("2026-01-15", "2026-01-25"), R("2026-01-27", "2026-01-28") });

        Assert.Equal("2026-01-01..2026-01-25, 2026-01-27..2026-01-28", set.ToString());
        Assert.Equal(27, set.Days);
    }

    [Fact]
    public void Difference_cuts_holes_and_keeps_the_edges_exactly()
    {
        var set = DaySet.Of(Year).Except(DaySet.Of(new[] { R("2026-01-01", "2026-01-01"), R("2026-03-01", "2026-03-31"), R("2026-12-31", "2027-02-01") }));

        Assert.Equal("2026-01-02..2026-02-28, 2026-04-01..2026-12-30", set.ToString());
    }

    [Fact]
    public void Difference_of_a_set_with_itself_or_a_superset_is_empty()
    {
        var set = DaySet.Of(new[] { R("2026-02-01", "2026-02-10"), R("2026-05-01", "2026-05-02") });

        Assert.True(set.Except(set).IsEmpty);
        Assert.True(set.Except(DaySet.Of(Year)).IsEmpty);
    }

    [Fact]
    public void Intersection_keeps_only_shared_days_across_several_ranges()
    {
        var a = DaySet.Of(new[] { R("2026-01-01", "2026-01-10"), R("2026-01-20", "2026-01-30") });
        var b = DaySet.Of(new[] { R("2026-01-05", "2026-01-25") });

        Assert.Equal("2026-01-05..2026-01-10, 2026-01-20..2026-01-25", a.Intersect(b).ToString());
    }

    [Fact]
    public void An_artifact_collected_before_the_period_and_committed_inside_it_counts_from_its_commit()
    {
        // Collected 2025-12-20, fresh for 30 days (to 2026-01-19); committed 2026-01-05.
        var covered = EvidenceCoverage.Covered(R("2026-01-05", "2026-12-31"), D("2025-12-20"), 30, "abc", new[] { Artifact("2026-01-05", "2026-12-31") });

        Assert.Equal("2026-01-05..2026-01-19", covered.Intersect(Year).ToString());
    }

    [Fact]
    public void Freshness_ending_on_the_periods_last_day_leaves_no_gap()
    {
        var period = R("2026-01-01", "2026-03-31");
        var covered = EvidenceCoverage.Covered(R("2025-12-01", "2026-12-31"), D("2026-01-01"), 89, "abc", new[] { Artifact("2025-12-01", "2026-12-31") });

        var timeline = EvidenceCoverage.Timeline(period, DaySet.Of(period), covered, DaySet.Empty);

        var only = Assert.Single(timeline);
        Assert.Equal(PeriodDayState.Fresh, only.State);
        Assert.Equal(period, only.Days);
    }

    [Fact]
    public void A_leap_day_is_a_day_of_the_period_and_of_the_freshness_window()
    {
        var february = R("2028-02-01", "2028-02-29");
        Assert.Equal(29, february.Days);

        // Collected 2028-02-28, fresh for 1 day: through the leap day, stale from 1 March.
        var covered = EvidenceCoverage.Covered(R("2028-02-28", "2028-03-31"), D("2028-02-28"), 1, "abc", new[] { Artifact("2028-02-28", "2028-03-31") });
        Assert.Equal("2028-02-28..2028-02-29", covered.ToString());
    }

    [Fact]
    public void An_artifact_deleted_mid_period_stops_covering_on_the_day_it_was_deleted()
    {
        // The artifact's only version held 2026-01-01..2026-06-14: it was deleted on 2026-06-15.
        var covered = EvidenceCoverage.Covered(R("2026-01-01", "2026-12-31"), D("2026-01-01"), 365, "abc", new[] { Artifact("2026-01-01", "2026-06-14") });
        var timeline = EvidenceCoverage.Timeline(Year, DaySet.Of(Year), covered, DaySet.Empty);

        Assert.Equal(new[] { (R("2026-01-01", "2026-06-14"), PeriodDayState.Fresh), (R("2026-06-15", "2026-12-31"), PeriodDayState.Stale) },
            timeline.Select(s => (s.Days, s.State)));
    }

    [Fact]
    public void A_tampered_artifact_stops_covering_from_the_commit_that_changed_its_content()
    {
        var covered = EvidenceCoverage.Covered(R("2026-01-01", "2026-12-31"), D("2026-01-01"), 365, "abc",
            new[] { Artifact("2026-01-01", "2026-04-09"), Artifact("2026-04-10", "2026-12-31", sha: "edited") });

        Assert.Equal("2026-01-01..2026-04-09", covered.ToString());
    }

    [Fact]
    public void A_requirement_added_mid_period_is_not_defined_before_its_commit_and_missing_after_until_covered()
    {
        var defined = DaySet.Of(R("2026-07-01", "2026-12-31"));
        var covered = DaySet.Of(R("2026-07-15", "2026-12-31"));

        var timeline = EvidenceCoverage.Timeline(Year, defined, covered, DaySet.Empty);

        Assert.Equal(new[]
        {
            (R("2026-01-01", "2026-06-30"), PeriodDayState.NotDefined),
            (R("2026-07-01", "2026-07-14"), PeriodDayState.Missing),
            (R("2026-07-15", "2026-12-31"), PeriodDayState.Fresh),
        }, timeline.Select(s => (s.Days, s.State)));
    }

    [Fact]
    public void A_waiver_covering_part_of_a_gap_leaves_the_rest_of_the_gap_stale()
    {
        var covered = DaySet.Of(R("2026-01-01", "2026-03-31"));
        var waived = DaySet.Of(R("2026-04-10", "2026-04-30"));

        var timeline = EvidenceCoverage.Timeline(R("2026-01-01", "2026-05-31"), DaySet.Of(Year), covered, waived);

        Assert.Equal(new[]
        {
            (R("2026-01-01", "2026-03-31"), PeriodDayState.Fresh),
            (R("2026-04-01", "2026-04-09"), PeriodDayState.Stale),
            (R("2026-04-10", "2026-04-30"), PeriodDayState.Waived),
            (R("2026-05-01", "2026-05-31"), PeriodDayState.Stale),
        }, timeline.Select(s => (s.Days, s.State)));
    }

    [Theory]
    [InlineData("2026-01-01..2026-09-30", true)]
    [InlineData("2026-09-30..2026-01-01", false)]
    [InlineData("2026-01-01", false)]
    [InlineData("2026-02-30..2026-03-01", false)]
    public void A_period_is_read_only_as_two_ordered_iso_dates(string text, bool valid)
    {
        var period = DayRange.TryParse(text, out var error);

        Assert.Equal(valid, period is not null);
        Assert.Equal(valid, error is null);
    }
}
