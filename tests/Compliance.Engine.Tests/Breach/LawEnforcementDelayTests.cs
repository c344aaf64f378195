using System.Linq;
using Compliance.Engine.Checks;
using static Compliance.Engine.Tests.Breach.BreachProgrammes;

namespace Compliance.Engine.Tests.Breach;

/// <summary>164.412: written delays for the time stated, oral ones for at most 30 days, applied to every clock.</summary>
public class LawEnforcementDelayTests
{
    [Fact]
    public void An_oral_delay_of_31_days_without_a_written_statement_is_capped_at_30()
    {
        using var programme = new TestProgramme(git: false);
        // Discovered 2026-07-01 (day 60 = 2026-08-30); oral statement 2026-08-20 asks until 2026-09-20 (31 days).
        Incident(programme, "2026-07-01", 10, Delay("2026-08-20", "oral", "2026-09-20"));

        var result = programme.Check(new System.DateOnly(2026, 9, 20));
        var lines = TestProgramme.Lines(result);
        Assert.Contains(lines, l => l.Contains("warning CMP1709: Breach 'INC-1': the oral statement of 2026-08-20 by Portland Police Bureau, Det. Ruiz delays notice for at most 30 days, to 2026-09-19, not to the 2026-09-20 it asked for."));
        Assert.Contains(lines, l => l.Contains("error CMP1701") && l.Contains("deadline of 2026-09-19 passed 1 days ago"));
        var delay = result.Breaches.Single().Delay!;
        Assert.True(delay.Capped);
        Assert.Equal(StatementForm.Oral, delay.Form);
    }

    [Fact]
    public void An_oral_delay_followed_by_a_written_statement_within_30_days_runs_to_its_end()
    {
        using var programme = new TestProgramme(git: false);
        Incident(programme, "2026-07-01", 10, Delay("2026-08-20", "oral", "2026-09-20", writtenOn: "2026-09-01"));

        var lines = TestProgramme.Lines(programme.Check(new System.DateOnly(2026, 9, 20)));
        Assert.DoesNotContain(lines, l => l.Contains("CMP1709") || l.Contains("CMP1701"));
    }

    [Fact]
    public void A_written_delay_moves_the_deadline_to_its_end_and_no_further()
    {
        using var programme = new TestProgramme(git: false);
        Incident(programme, "2026-07-01", 10, Delay("2026-08-20", "written", "2026-10-15"));

        Assert.DoesNotContain(TestProgramme.Lines(programme.Check(new System.DateOnly(2026, 10, 15))), l => l.Contains("CMP1701") || l.Contains("CMP1709"));
        Assert.Contains(TestProgramme.Lines(programme.Check(new System.DateOnly(2026, 10, 16))), l => l.Contains("error CMP1701") && l.Contains("deadline of 2026-10-15 passed 1 days ago"));
        var notice = programme.Check().Breaches.Single().Notices.Single(n => n.Recipient == NoticeRecipient.Individuals);
        Assert.NotNull(notice.DelayedBy);
    }

    [Fact]
    public void A_delay_past_the_year_end_deadline_moves_the_annual_log()
    {
        using var programme = new TestProgramme(git: false);
        // Annual log of 2026 due 2027-03-01; a written delay to 2027-03-20 moves it.
        Incident(programme, "2026-12-10", 12, Delay("2026-12-15", "written", "2027-03-20") + "    individuals_notified_on: 2027-03-20\n");

        Assert.DoesNotContain(TestProgramme.Lines(programme.Check(new System.DateOnly(2027, 3, 15))), l => l.Contains("CMP1704"));
        Assert.Contains(TestProgramme.Lines(programme.Check(new System.DateOnly(2027, 3, 21))), l => l.Contains("error CMP1704") && l.Contains("deadline of 2027-03-20 passed 1 days ago"));
        var log = programme.Check(new System.DateOnly(2027, 3, 21)).Breaches.Single().Notices.Single(n => n.Recipient == NoticeRecipient.HhsAnnualLog);
        Assert.Equal("164.408(c)", log.LegalBasis.Citation);
        Assert.NotNull(log.DelayedBy);
    }

    [Fact]
    public void A_delay_moves_the_business_associates_notice_to_the_covered_entity()
    {
        using var programme = WithRole("business-associate");
        Incident(programme, "2026-07-01", 10, CoveredEntities(("CE-B", null)) + Delay("2026-08-20", "written", "2026-10-15"));

        Assert.DoesNotContain(TestProgramme.Lines(programme.Check(new System.DateOnly(2026, 10, 1))), l => l.Contains("CMP1706"));
        Assert.Contains(TestProgramme.Lines(programme.Check(new System.DateOnly(2026, 10, 16))), l => l.Contains("error CMP1706") && l.Contains("deadline of 2026-10-15 passed 1 days ago"));
    }

    [Fact]
    public void A_delay_ending_before_its_statement_is_inconsistent()
    {
        using var programme = new TestProgramme(git: false);
        Incident(programme, "2026-07-01", 10, Delay("2026-08-20", "written", "2026-08-01"));

        Assert.Contains(TestProgramme.Lines(programme.Check(), "CMP0"), l => l.Contains("error CMP0025") && l.Contains("ends on 2026-08-01, before its statement of 2026-08-20"));
    }
}
