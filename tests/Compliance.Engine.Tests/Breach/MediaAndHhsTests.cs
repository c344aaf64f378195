using System.Linq;
using Compliance.Engine.Checks;
using static Compliance.Engine.Tests.Breach.BreachProgrammes;

namespace Compliance.Engine.Tests.Breach;

/// <summary>Media notice per State (164.406) and HHS notice with the individuals' for 500 or more (164.408(b)).</summary>
public class MediaAndHhsTests
{
    private const string Sent = "    individuals_notified_on: 2026-08-20\n    hhs_notified_on: 2026-08-20\n";

    [Fact]
    public void The_same_state_listed_twice_at_300_each_is_summed_to_600_and_needs_the_media()
    {
        using var programme = new TestProgramme(git: false);
        Incident(programme, "2026-08-01", 600, Sent + "    states:\n      - state: CA\n        residents: 300\n      - state: CA\n        residents: 300\n");

        var result = programme.Check();
        Assert.Contains(TestProgramme.Lines(result), l => l.Contains("error CMP1703") && l.Contains("the media (CA) not notified"));
        Assert.Equal(new[] { "CA" }, result.Breaches.Single().Notices.Single(n => n.Recipient == NoticeRecipient.Media).States);
    }

    [Fact]
    public void Six_hundred_individuals_with_no_states_cannot_decide_the_media_duty()
    {
        using var programme = new TestProgramme(git: false);
        Incident(programme, "2026-08-01", 600, Sent);

        var result = programme.Check();
        Assert.Contains(TestProgramme.Lines(result), l => l.Contains("error CMP1708: Breach 'INC-1' affects 600 individuals and records no States"));
        Assert.Equal(NoticeState.CannotBeDecided, result.Breaches.Single().Notices.Single(n => n.Recipient == NoticeRecipient.Media).State);
    }

    [Fact]
    public void States_recorded_with_none_above_500_need_no_media_notice()
    {
        using var programme = new TestProgramme(git: false);
        Incident(programme, "2026-08-01", 600, Sent + "    states:\n      - state: CA\n        residents: 300\n      - state: OR\n        residents: 300\n");

        var result = programme.Check();
        Assert.DoesNotContain(TestProgramme.Lines(result), l => l.Contains("CMP1703") || l.Contains("CMP1708"));
        Assert.Equal(NoticeState.NotRequired, result.Breaches.Single().Notices.Single(n => n.Recipient == NoticeRecipient.Media).State);
    }

    [Fact]
    public void HHS_notified_after_the_individuals_is_late_for_500_or_more()
    {
        using var programme = new TestProgramme(git: false);
        Incident(programme, "2026-08-01", 500, "    individuals_notified_on: 2026-08-20\n    hhs_notified_on: 2026-08-25\n");

        var result = programme.Check();
        Assert.Contains(TestProgramme.Lines(result), l => l.Contains("error CMP1702: Breach 'INC-1' (discovered 2026-08-01): HHS were notified on 2026-08-25, 5 days after the deadline of 2026-08-20 (the notice to individuals)."));
        Assert.Equal(NoticeState.SentLate, result.Breaches.Single().Notices.Single(n => n.Recipient == NoticeRecipient.Hhs).State);
    }

    [Fact]
    public void HHS_notified_with_the_individuals_is_on_time_and_never_later_than_day_60()
    {
        using var programme = new TestProgramme(git: false);
        Incident(programme, "2026-08-01", 500, "    individuals_notified_on: 2026-08-20\n    hhs_notified_on: 2026-08-20\n");
        Assert.DoesNotContain(TestProgramme.Lines(programme.Check()), l => l.Contains("CMP1702"));

        // Individuals notified late (day 65): HHS is still due by day 60.
        Incident(programme, "2026-08-01", 500, "    individuals_notified_on: 2026-10-05\n    hhs_notified_on: 2026-10-05\n");
        Assert.Contains(TestProgramme.Lines(programme.Check()), l => l.Contains("error CMP1702") && l.Contains("5 days after the deadline of 2026-09-30."));
    }
}
