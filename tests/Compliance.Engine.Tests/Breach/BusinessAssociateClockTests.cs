using System.Linq;
using Compliance.Engine.Checks;
using static Compliance.Engine.Tests.Breach.BreachProgrammes;

namespace Compliance.Engine.Tests.Breach;

/// <summary>A business associate's own clock (164.410) per covered entity, its BAA windows and delegated duties.</summary>
public class BusinessAssociateClockTests
{
    [Fact]
    public void Day_60_is_the_last_day_to_notify_the_covered_entity_and_day_61_is_late()
    {
        using var programme = WithRole("business-associate");
        Incident(programme, "2026-09-02", 10, CoveredEntities(("CE-B", null))); // day 60 = 2026-11-01

        var onTheDay = TestProgramme.Lines(programme.Check());
        Assert.Contains(onTheDay, l => l.Contains("warning CMP1705: Breach 'INC-1': notice to the covered entity 'CE-B' is due by 2026-11-01, in 0 days."));
        Assert.DoesNotContain(onTheDay, l => l.Contains("CMP1706"));

        var dayAfter = TestProgramme.Lines(programme.Check(new System.DateOnly(2026, 11, 2)));
        Assert.Contains(dayAfter, l => l.Contains("error CMP1706: Breach 'INC-1' (discovered 2026-09-02, 10 individuals): the covered entity 'CE-B' not notified, and the deadline of 2026-11-01 passed 1 days ago."));
    }

    [Theory]
    [InlineData("2026-11-01", false)] // day 60
    [InlineData("2026-11-02", true)]  // day 61
    public void A_notice_sent_on_day_61_is_late(string notifiedOn, bool late)
    {
        using var programme = WithRole("business-associate");
        Incident(programme, "2026-09-02", 10, CoveredEntities(("CE-B", notifiedOn)));

        var lines = TestProgramme.Lines(programme.Check(new System.DateOnly(2026, 12, 1)));
        Assert.Equal(late, lines.Any(l => l.Contains("error CMP1706") && l.Contains("were notified on 2026-11-02, 1 days after the deadline of 2026-11-01")));
        var notice = programme.Check(new System.DateOnly(2026, 12, 1)).Breaches.Single().Notices.Single();
        Assert.Equal(late ? NoticeState.SentLate : NoticeState.SentOnTime, notice.State);
        Assert.Equal(NoticeRecipient.CoveredEntity, notice.Recipient);
        Assert.Equal("CE-B", notice.CoveredEntity!.Id);
        Assert.Equal("164.410(b)", notice.LegalBasis.Citation);
    }

    [Theory]
    [InlineData("2026-09-12", false)] // day 10 of a 10-day BAA window
    [InlineData("2026-09-13", true)]  // day 11
    public void A_BAA_window_of_10_days_is_its_own_deadline(string notifiedOn, bool late)
    {
        using var programme = WithRole("business-associate");
        Incident(programme, "2026-09-02", 10, CoveredEntities(("CE-A", notifiedOn)) + "    individuals_notified_on: 2026-09-20\n");

        var lines = TestProgramme.Lines(programme.Check());
        Assert.Equal(late, lines.Any(l => l.Contains("error CMP1707") && l.Contains("deadline of 2026-09-12 (the BAA's 10 days)")));
        Assert.DoesNotContain(lines, l => l.Contains("CMP1706"));
        var notice = programme.Check().Breaches.Single().Notices.First(n => n.Recipient == NoticeRecipient.CoveredEntity);
        Assert.Equal("Alder Clinic", notice.LegalBasis.AgreementOf);
        Assert.Equal(new System.DateOnly(2026, 9, 12), notice.Deadline);
    }

    [Fact]
    public void Past_day_60_the_regulation_rule_reports_not_the_BAA_rule()
    {
        using var programme = WithRole("business-associate");
        Incident(programme, "2026-08-01", 10, CoveredEntities(("CE-A", "2026-10-05")) + "    individuals_notified_on: 2026-08-05\n");

        var lines = TestProgramme.Lines(programme.Check());
        Assert.Contains(lines, l => l.Contains("error CMP1706") && l.Contains("5 days after the deadline of 2026-09-30"));
        Assert.DoesNotContain(lines, l => l.Contains("CMP1707"));
    }

    [Fact]
    public void A_delegated_individual_notice_is_the_business_associates_duty_and_names_the_covered_entity()
    {
        using var programme = WithRole("business-associate");
        Incident(programme, "2026-08-01", 10, CoveredEntities(("CE-A", "2026-08-03")));

        var result = programme.Check();
        Assert.Contains(TestProgramme.Lines(result), l => l.Contains("error CMP1701") && l.Contains("individuals (delegated by 'CE-A') not notified, and the deadline of 2026-09-30 passed 32 days ago"));
        var individuals = result.Breaches.Single().Notices.Single(n => n.Recipient == NoticeRecipient.Individuals);
        Assert.Equal("CE-A", individuals.DelegatedBy!.Id);
        Assert.Equal(NoticeState.Overdue, individuals.State);
        // HHS and the media were not delegated: the covered entity files them, not the business associate.
        Assert.DoesNotContain(result.Breaches.Single().Notices, n => n.Recipient is NoticeRecipient.HhsAnnualLog or NoticeRecipient.Hhs or NoticeRecipient.Media);
    }

    [Fact]
    public void A_notice_not_delegated_is_not_on_the_business_associates_clock()
    {
        using var programme = WithRole("business-associate");
        Incident(programme, "2026-08-01", 10, CoveredEntities(("CE-B", "2026-08-03")));

        var result = programme.Check();
        Assert.DoesNotContain(TestProgramme.Lines(result), l => l.Contains("CMP1701") || l.Contains("CMP1704"));
        Assert.Equal(new[] { NoticeRecipient.CoveredEntity }, result.Breaches.Single().Notices.Select(n => n.Recipient));
        Assert.Equal(BreachCapacity.BusinessAssociate, result.Breaches.Single().Capacity);
    }

    [Fact]
    public void Each_affected_covered_entity_has_its_own_clock()
    {
        using var programme = WithRole("business-associate");
        Incident(programme, "2026-08-01", 10, CoveredEntities(("CE-A", "2026-08-05"), ("CE-B", null)) + "    individuals_notified_on: 2026-08-06\n");

        var lines = TestProgramme.Lines(programme.Check());
        Assert.Contains(lines, l => l.Contains("error CMP1706") && l.Contains("the covered entity 'CE-B' not notified"));
        Assert.DoesNotContain(lines, l => l.Contains("'CE-A'"));
    }

    [Fact]
    public void A_business_associate_breach_without_covered_entities_is_a_structural_error()
    {
        using var programme = WithRole("business-associate");
        Incident(programme, "2026-08-01", 10);

        Assert.Contains(TestProgramme.Lines(programme.Check(), "CMP0"), l => l.Contains("error CMP0026: The breach 'INC-1' names no covered entity"));
    }

    [Fact]
    public void A_covered_entity_listing_covered_entities_on_an_incident_is_refused()
    {
        using var programme = new TestProgramme(git: false);
        Incident(programme, "2026-08-01", 10, CoveredEntities(("CE-A", "2026-08-05")));

        Assert.Contains(TestProgramme.Lines(programme.Check(), "CMP0"), l => l.Contains("error CMP0015") && l.Contains("but the programme's role is covered-entity"));
    }

    [Fact]
    public void Both_roles_act_as_business_associate_only_for_incidents_that_name_covered_entities()
    {
        using var programme = WithRole("both");
        programme.Write("policies/incidents.yaml", """
            incidents:
              - id: INC-OWN
                title: Own members' records
                discovered_on: 2026-08-01
                breach: true
                individuals_affected: 10
              - id: INC-CLIENT
                title: A client plan's records
                discovered_on: 2026-08-01
                breach: true
                individuals_affected: 10
                covered_entities:
                  - covered_entity: CE-B
                    notified_on: 2026-08-10
            """);

        var breaches = programme.Check().Breaches.ToDictionary(b => b.IncidentId);
        Assert.Equal(BreachCapacity.CoveredEntity, breaches["INC-OWN"].Capacity);
        Assert.Contains(breaches["INC-OWN"].Notices, n => n.Recipient == NoticeRecipient.Individuals && n.DelegatedBy is null);
        Assert.Equal(BreachCapacity.BusinessAssociate, breaches["INC-CLIENT"].Capacity);
        Assert.Equal(NoticeState.SentOnTime, breaches["INC-CLIENT"].Notices.Single().State);
    }
}
