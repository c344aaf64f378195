using System.IO;
using System.Linq;
using Compliance.Model.Binding;

namespace Compliance.Engine.Tests.Checks;

/// <summary>
/// CMP1003: every date that records the past (<see cref="PastDateFields"/>) is held to the as-of date (2026-11-01 here),
/// whatever file kind it is in. Dates that look ahead (expires_on, effective_on, a law-enforcement delay) are exempt.
/// </summary>
public sealed class PastDateTests
{
    private static void Replace(TestProgramme programme, string relative, string from, string to)
    {
        var path = Path.Combine(programme.Root, relative);
        var text = File.ReadAllText(path);
        Assert.Contains(from, text);
        File.WriteAllText(path, text.Replace(from, to));
    }

    private static string[] Future(TestProgramme programme) =>
        TestProgramme.Lines(programme.Check(), rulePrefix: "CMP1003").ToArray();

    [Fact]
    public void A_policy_approved_after_the_as_of_date_is_an_error()
    {
        using var programme = new TestProgramme(git: false);
        Replace(programme, "policies/security.md", "approved_on: 2026-03-01", "approved_on: 2026-12-01");

        Assert.Equal(
            new[] { "policies/security.md(7,14): error CMP1003: The field 'approved_on' of policy 'POL-SEC' says it was approved on 2026-12-01, after the as-of date 2026-11-01: a date that records what already happened cannot lie in the future. Fix: Correct the date to the day it happened, or run the check with a later as-of date." },
            Future(programme));
    }

    [Fact]
    public void A_BAA_signed_after_the_as_of_date_is_an_error()
    {
        using var programme = new TestProgramme(git: false);
        Replace(programme, "policies/vendors.yaml", "signed_on: 2025-01-01", "signed_on: 2026-11-02");

        Assert.Contains("policies/vendors.yaml(9,18): error CMP1003: The field 'signed_on' of", Assert.Single(Future(programme)));
    }

    [Fact]
    public void A_revocation_recorded_after_the_as_of_date_is_an_error()
    {
        using var programme = new TestProgramme(git: false);
        Replace(programme, "policies/people.yaml", "revoked_on: 2026-06-30", "revoked_on: 2027-06-30");

        Assert.Contains("says it was revoked on 2027-06-30", Assert.Single(Future(programme)));
    }

    [Fact]
    public void An_incident_discovered_a_notice_sent_and_a_statement_made_after_the_as_of_date_are_errors_but_a_delays_end_is_not()
    {
        using var programme = new TestProgramme(git: false);
        programme.Write("policies/incidents.yaml", """
            incidents:
              - id: INC-1
                title: Misdirected records
                discovered_on: 2026-11-20
                breach: true
                individuals_affected: 10
                individuals_notified_on: 2026-11-25
                law_enforcement_delay:
                  statement_on: 2026-11-21
                  form: written
                  agency: County sheriff
                  until: 2026-12-31
                  evidence: evidence/incidents/inc-1-statement.md
            """);

        var lines = Future(programme);
        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, l => l.Contains("'statement_on' of"));
        Assert.Contains(lines, l => l.Contains("'discovered_on' of incident 'INC-1' says it was discovered on 2026-11-20"));
        Assert.Contains(lines, l => l.Contains("'individuals_notified_on' of incident 'INC-1' says it was notified to individuals on 2026-11-25"));
    }

    [Fact]
    public void The_as_of_date_itself_is_not_in_the_future()
    {
        using var programme = new TestProgramme(git: false);
        Replace(programme, "policies/security.md", "approved_on: 2026-03-01", "approved_on: 2026-11-01");

        Assert.Empty(Future(programme));
    }

    [Fact]
    public void Forward_looking_fields_are_not_listed_as_past_dates()
    {
        foreach (var key in new[] { "expires_on", "effective_on", "until", "due_on" })
        {
            Assert.Null(PastDateFields.Find(key));
        }
    }
}
