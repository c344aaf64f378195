using System;
using System.IO;
using System.Linq;

namespace Compliance.Engine.Tests;

public class PolicyAndWorkforceTests
{
    private static void Policy(TestProgramme programme, string approvedOn, int interval = 365, string approvedBy = "alice", string owner = "alice") =>
        programme.Write("policies/security.md", $"""
            ---
            id: POL-SEC
            title: Security Policy
            owner: {owner}
            version: "1.0"
            approved_by: {approvedBy}
            approved_on: {approvedOn}
            review_interval_days: {interval}
            governs: [CRY-01]
            ---
            # Security Policy
            """);

    [Fact]
    public void An_overdue_review_is_an_error_and_the_due_day_itself_is_not()
    {
        using var programme = new TestProgramme(git: false);
        Policy(programme, "2025-11-01");
        Assert.Contains(TestProgramme.Lines(programme.Check()), l => l.Contains("warning CMP1303: The review of policy 'POL-SEC' falls due on 2026-11-01, in 0 days."));

        Policy(programme, "2025-10-31");
        Assert.Contains("policies/security.md(2,5): error CMP1301: The review of policy 'POL-SEC' was due on 2026-10-31 (365 days after its approval on 2025-10-31): 1 days overdue. Fix: Review the policy, then update version, approved_by and approved_on in its front matter.", TestProgramme.Lines(programme.Check()));
    }

    [Fact]
    public void A_review_interval_across_a_leap_day()
    {
        using var programme = new TestProgramme(git: false);
        Policy(programme, "2024-02-29");
        Assert.DoesNotContain(TestProgramme.Lines(programme.Check(new DateOnly(2025, 2, 28))), l => l.Contains("CMP1301"));
        Assert.Contains(TestProgramme.Lines(programme.Check(new DateOnly(2025, 3, 1))), l => l.Contains("error CMP1301") && l.Contains("due on 2025-02-28"));
    }

    [Fact]
    public void A_policy_approved_by_a_revoked_person_is_an_error()
    {
        using var programme = new TestProgramme(git: false);
        Policy(programme, "2026-03-01", approvedBy: "bob");

        Assert.Contains("policies/security.md(6,14): error CMP1302: Policy 'POL-SEC' is approved by 'bob', whose access was revoked on 2026-06-30. Fix: Have an active member of the workforce approve the policy and record it in approved_by.", TestProgramme.Lines(programme.Check()));
    }

    [Fact]
    public void A_revoked_owner_is_an_error_from_the_day_of_revocation()
    {
        using var programme = new TestProgramme(git: false);
        var controls = Path.Combine(programme.Root, "controls/controls.yaml");
        File.WriteAllText(controls, File.ReadAllText(controls).Replace("owner: alice", "owner: bob"));

        Assert.DoesNotContain(TestProgramme.Lines(programme.Check(new DateOnly(2026, 6, 29))), l => l.Contains("CMP1401"));
        var line = Assert.Single(TestProgramme.Lines(programme.Check(new DateOnly(2026, 6, 30))), l => l.Contains("CMP1401"));
        Assert.Equal("controls/controls.yaml(5,12): error CMP1401: 'bob' owns control 'CRY-01' but was revoked on 2026-06-30. Fix: Reassign the item to an active person (45 CFR 164.308(a)(1)(ii)(C), 164.308(a)(3)(ii)(C)).", line);
    }

    [Fact]
    public void Evidence_collected_by_a_revoked_person_is_an_error()
    {
        using var programme = new TestProgramme(git: false);
        programme.AddEvidence("manual.md", "review\n", "2026-10-30", collector: "bob");

        Assert.Contains(TestProgramme.Lines(programme.Check()), l => l.Contains("error CMP1401: 'evidence/cry-01/kms-keys/manual.md' was collected on 2026-10-30 by 'bob', whose access was revoked on 2026-06-30."));
    }
}
