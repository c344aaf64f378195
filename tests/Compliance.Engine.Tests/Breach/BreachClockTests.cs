using System.Linq;

namespace Compliance.Engine.Tests.Breach;

/// <summary>The covered entity's clocks (164.404-164.408) for a programme whose role is covered-entity (the default).</summary>
public class BreachClockTests
{
    private static void Incident(TestProgramme programme, string discovered, int individuals, string extra = "", string states = "") =>
        programme.Write("policies/incidents.yaml", $"""
            incidents:
              - id: INC-1
                title: Misdirected records
                discovered_on: {discovered}
                breach: true
                individuals_affected: {individuals}
            {states}{extra}
            """);

    [Fact]
    public void Day_60_is_the_deadline_and_day_61_is_late()
    {
        using var programme = new TestProgramme(git: false);
        Incident(programme, "2026-09-02", 10); // 2026-09-02 + 60 days = 2026-11-01

        var onTheDay = TestProgramme.Lines(programme.Check());
        Assert.Contains("policies/incidents.yaml(2,9): warning CMP1705: Breach 'INC-1': notice to individuals is due by 2026-11-01, in 0 days. Fix: Send the notice before the deadline shown and record its date.", onTheDay);
        Assert.DoesNotContain(onTheDay, l => l.Contains("CMP1701"));

        var dayAfter = TestProgramme.Lines(programme.Check(new System.DateOnly(2026, 11, 2)));
        Assert.Contains("policies/incidents.yaml(2,9): error CMP1701: Breach 'INC-1' (discovered 2026-09-02, 10 individuals): individuals not notified, and the deadline of 2026-11-01 passed 1 days ago. Fix: Notify the affected individuals now and record individuals_notified_on; document any law-enforcement delay (164.412) in law_enforcement_delay.", dayAfter);
    }

    [Fact]
    public void Late_notice_is_an_error_even_once_sent()
    {
        using var programme = new TestProgramme(git: false);
        Incident(programme, "2026-08-01", 10, "    individuals_notified_on: 2026-10-05\n");

        Assert.Contains(TestProgramme.Lines(programme.Check()), l => l.Contains("error CMP1701: Breach 'INC-1' (discovered 2026-08-01): individuals were notified on 2026-10-05, 5 days after the deadline of 2026-09-30."));
    }

    [Theory]
    [InlineData(499, false)]
    [InlineData(500, true)]
    public void Five_hundred_or_more_individuals_need_HHS_in_the_same_window(int individuals, bool hhsDue)
    {
        using var programme = new TestProgramme(git: false);
        Incident(programme, "2026-08-01", individuals, "    individuals_notified_on: 2026-10-20\n");

        var lines = TestProgramme.Lines(programme.Check());
        Assert.Equal(hhsDue, lines.Any(l => l.Contains("error CMP1702") && l.Contains("HHS not notified, and the deadline of 2026-09-30 passed 32 days ago")));
        Assert.DoesNotContain(lines, l => l.Contains("CMP1704")); // the annual log of 2026 is due 2027-03-01
    }

    [Theory]
    [InlineData(500, false)]
    [InlineData(501, true)]
    public void More_than_500_residents_of_a_state_need_the_media(int residents, bool mediaDue)
    {
        using var programme = new TestProgramme(git: false);
        Incident(programme, "2026-08-01", 600, "    individuals_notified_on: 2026-08-20\n    hhs_notified_on: 2026-08-20\n", $"    states:\n      - state: CA\n        residents: {residents}\n");

        Assert.Equal(mediaDue, TestProgramme.Lines(programme.Check()).Any(l => l.Contains("error CMP1703") && l.Contains("the media (CA) not notified")));
    }

    [Fact]
    public void A_small_breach_across_a_year_end_is_due_in_the_next_years_annual_log()
    {
        using var programme = new TestProgramme(git: false);
        Incident(programme, "2026-12-20", 12, "    individuals_notified_on: 2027-01-10\n");

        // 2026-12-31 + 60 days = 2027-03-01; individuals were due 2027-02-18 and were notified in time.
        Assert.Contains(TestProgramme.Lines(programme.Check(new System.DateOnly(2027, 2, 20))), l => l.Contains("warning CMP1705: Breach 'INC-1': notice to HHS (annual log) is due by 2027-03-01, in 9 days."));
        Assert.Contains(TestProgramme.Lines(programme.Check(new System.DateOnly(2027, 3, 2))), l => l.Contains("error CMP1704") && l.Contains("deadline of 2027-03-01 passed 1 days ago"));
        Assert.DoesNotContain(TestProgramme.Lines(programme.Check(new System.DateOnly(2027, 3, 2))), l => l.Contains("CMP1701"));
    }

    [Fact]
    public void A_law_enforcement_delay_moves_the_deadline()
    {
        using var programme = new TestProgramme(git: false);
        Incident(programme, "2026-08-01", 10, "    law_enforcement_delay:\n      statement_on: 2026-09-01\n      form: written\n      agency: FBI field office\n      until: 2026-11-15\n      evidence: evidence/inc/le.md\n");

        Assert.DoesNotContain(TestProgramme.Lines(programme.Check()), l => l.Contains("CMP1701"));
    }

    [Fact]
    public void Not_a_breach_starts_no_clock()
    {
        using var programme = new TestProgramme(git: false);
        programme.Write("policies/incidents.yaml", """
            incidents:
              - id: INC-1
                title: Phishing email reported
                discovered_on: 2026-01-02
                breach: false
            """);

        Assert.Empty(TestProgramme.Lines(programme.Check()));
    }
}
