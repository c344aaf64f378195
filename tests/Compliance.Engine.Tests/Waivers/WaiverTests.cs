using System.Linq;
using Compliance.Engine.Checks;

namespace Compliance.Engine.Tests;

public class WaiverTests
{
    internal static void Waiver(TestProgramme programme, string rule, string target, string expires) => programme.Write("policies/waivers.yaml", $"""
        waivers:
          - id: WVR-1
            rule: {rule}
            target: {target}
            reason: Renewal in legal review.
            approved_by: alice
            approved_on: 2026-10-01
            expires_on: {expires}
        """);

    internal static void ExpiredBaa(TestProgramme programme) => programme.Write("policies/vendors.yaml", """
        vendors:
          - id: cloud
            name: Cloud Inc
            handles_phi: true
            services:
              - id: kms.cloud.example
                name: KMS
            baa:
              signed_on: 2025-01-01
              effective_on: 2025-01-01
              expires_on: 2026-10-15
              evidence: evidence/baa/cloud.md
        """);

    [Fact]
    public void A_waiver_in_force_turns_the_finding_into_a_warning_until_its_last_day()
    {
        using var programme = new TestProgramme(git: false);
        ExpiredBaa(programme);
        Waiver(programme, "CMP1201", "cloud", "2026-11-01");

        var result = programme.Check();

        var finding = Assert.Single(result.Findings, f => f.RuleId == "CMP1201");
        Assert.Equal(Model.Diagnostics.Severity.Warning, finding.Severity);
        Assert.Equal("WVR-1", finding.WaivedBy);
        Assert.EndsWith("Waived by WVR-1 until 2026-11-01.", finding.Message);
        Assert.True(result.Passed);
        Assert.Equal(new WaiverStatus("WVR-1", WaiverState.InForce, 1) { DaysLeft = 0 }, Assert.Single(result.Waivers));
    }

    [Fact]
    public void An_expired_waiver_is_an_error_and_waives_nothing()
    {
        using var programme = new TestProgramme(git: false);
        ExpiredBaa(programme);
        Waiver(programme, "CMP1201", "cloud", "2026-10-31");

        var lines = TestProgramme.Lines(programme.Check());

        Assert.Contains(lines, l => l.Contains("error CMP1201"));
        Assert.Contains("policies/waivers.yaml(2,9): error CMP1501: The waiver 'WVR-1' of CMP1201 on 'cloud' expired on 2026-10-31; the 1 finding(s) it covered are reported in full. Fix: Fix the finding the waiver covered, or have the waiver renewed with a new expires_on and approval.", lines);
    }

    [Fact]
    public void A_waiver_that_matches_nothing_is_an_error()
    {
        using var programme = new TestProgramme(git: false);
        Waiver(programme, "CMP1201", "cloud", "2026-12-31");

        Assert.Contains("policies/waivers.yaml(2,9): error CMP1502: The waiver 'WVR-1' of CMP1201 on 'cloud' matches no finding. Fix: Delete the waiver: what it waived is fixed, or its rule or target is wrong.", TestProgramme.Lines(programme.Check()));
    }

    [Fact]
    public void A_waiver_of_a_structural_rule_is_refused()
    {
        using var programme = new TestProgramme(git: false);
        Waiver(programme, "CMP0031", "CRY-01", "2026-12-31");

        Assert.Contains(programme.Check().Findings, f => f.RuleId == "CMP1503" && f.Location!.Line == 3);
    }

    [Fact]
    public void A_waiver_approved_by_a_revoked_person_is_an_error()
    {
        using var programme = new TestProgramme(git: false);
        ExpiredBaa(programme);
        programme.Write("policies/waivers.yaml", """
            waivers:
              - id: WVR-1
                rule: CMP1201
                target: cloud
                reason: Renewal in legal review.
                approved_by: bob
                approved_on: 2026-05-01
                expires_on: 2026-12-31
            """);

        Assert.Contains(TestProgramme.Lines(programme.Check()), l => l.Contains("error CMP1401: 'bob' approved waiver 'WVR-1' but was revoked on 2026-06-30."));
    }
}
