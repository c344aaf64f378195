using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Compliance.Engine.Reports;
using Compliance.Engine.Period;
using Compliance.Engine.Tests.Collection;

namespace Compliance.Engine.Tests.Period;

/// <summary>
/// The people dimension from the identity provider's access-review exports (CMP2706): each committed
/// export shows the IdP from the day it was collected until the next one; a revoked person still
/// active there, or in a PHI group, is an exception on those days.
/// </summary>
public class IdentityPeriodTests
{
    private static readonly DayRange Half = new(new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30));

    private static ScimFixture Export(bool bobActive, bool bobInPhiGroup = false) => new ScimFixture()
        .User(ScimFixture.Babs, "bjensen@example.com")
        .User(ScimFixture.Mandy, "bob@acme.example", active: bobActive)
        .Group(ScimFixture.TourGuides, bobInPhiGroup ? new[] { ScimFixture.Babs, ScimFixture.Mandy } : new[] { ScimFixture.Babs });

    /// <summary>bob active, then revoked on 03-31 (committed 04-01); exports on 01-05 and 04-10 still show him, the one of 05-20 does not.</summary>
    private static TestProgramme Programme(ScimFixture third, string? thirdSha = null)
    {
        var programme = new TestProgramme(git: false);
        programme.Write("controls/programme.yaml", """
            programme:
              id: acme
              name: Acme Health
              scope:
                - framework: mini
              identity_provider:
                phi_groups: [Tour Guides]
                access_review: CRY-01/kms-keys
            """);
        var people = File.ReadAllText(Path.Combine(programme.Root, "policies/people.yaml"));
        programme.Write("policies/people.yaml", people.Replace("status: active\n", "status: active\n    idp_user: bjensen@example.com\n", StringComparison.Ordinal)
            .Replace("status: revoked\n    revoked_on: 2026-06-30", "status: active", StringComparison.Ordinal));
        programme.Delete("evidence/cry-01/kms-keys/kms-2026-10-20.json");
        programme.Delete("evidence/cry-01/kms-keys/kms-2026-10-20.json.evidence.yaml");
        programme.AddEvidence("scim-2026-01-05.json", Export(bobActive: true).Json(), "2026-01-05");
        programme.Git("init", "-q", "-b", "main");
        programme.Commit("Programme and the first access review", "2026-01-05T09:00:00Z");

        programme.Write("policies/people.yaml", File.ReadAllText(Path.Combine(programme.Root, "policies/people.yaml"))
            .Replace("role: Engineer\n    phi_access: true\n    status: active", "role: Engineer\n    phi_access: true\n    status: revoked\n    revoked_on: 2026-03-31", StringComparison.Ordinal));
        programme.Commit("Revoke bob", "2026-04-01T09:00:00Z");

        programme.AddEvidence("scim-2026-04-10.json", Export(bobActive: true).Json(), "2026-04-10");
        programme.Commit("Access review 04-10", "2026-04-11T09:00:00Z");
        programme.AddEvidence("scim-2026-05-20.json", third.Json(), "2026-05-20", sha: thirdSha);
        programme.Commit("Access review 05-20", "2026-05-20T09:00:00Z");
        return programme;
    }

    private static PeriodException[] IdpExceptions(TestProgramme programme) =>
        programme.Check(Half.End, o => o with { Period = Half }).Period!.Exceptions.Where(e => e.RuleId == "CMP2706").ToArray();

    [Fact]
    public void A_revoked_person_still_active_in_the_idp_is_an_exception_from_the_revocation_until_the_export_that_shows_them_gone()
    {
        using var programme = Programme(Export(bobActive: false));

        var exception = Assert.Single(IdpExceptions(programme));

        Assert.Equal(("bob", "2026-04-01..2026-05-19", PeriodExceptionKind.RevokedActiveInIdp), (exception.Target, exception.Days.ToString(), exception.Kind));
        Assert.Equal("evidence/cry-01/kms-keys/scim-2026-01-05.json.evidence.yaml", exception.Before);
        Assert.Equal("evidence/cry-01/kms-keys/scim-2026-05-20.json.evidence.yaml", exception.After);
        Assert.Equal("policies/people.yaml", exception.Location!.Path);
        Assert.Contains("'bob@acme.example' active or in a PHI group from 2026-04-01 to 2026-05-19 (49 days;", exception.Message);
    }

    [Fact]
    public void The_json_report_carries_the_exports_on_either_side_of_the_exception()
    {
        using var programme = Programme(Export(bobActive: false));

        var json = JsonDocument.Parse(JsonReport.Render(programme.Check(Half.End, o => o with { Period = Half }))).RootElement;

        var exception = json.GetProperty("period").GetProperty("exceptions").EnumerateArray().Single(e => e.GetProperty("rule").GetString() == "CMP2706");
        Assert.Equal("evidence/cry-01/kms-keys/scim-2026-01-05.json.evidence.yaml", exception.GetProperty("artifactBefore").GetString());
        Assert.Equal("evidence/cry-01/kms-keys/scim-2026-05-20.json.evidence.yaml", exception.GetProperty("artifactAfter").GetString());
        Assert.Equal("2026-04-01", exception.GetProperty("start").GetString());
    }

    [Fact]
    public void An_inactive_account_still_in_a_phi_group_keeps_the_exception_open_to_the_periods_end()
    {
        using var programme = Programme(Export(bobActive: false, bobInPhiGroup: true));

        var exception = Assert.Single(IdpExceptions(programme));

        Assert.Equal("2026-04-01..2026-06-30", exception.Days.ToString());
        Assert.Null(exception.After);
    }

    [Fact]
    public void An_export_never_committed_intact_shows_nothing_so_the_earlier_export_stands_for_its_days()
    {
        using var programme = Programme(Export(bobActive: false), thirdSha: new string('0', 64));

        // The 05-20 export never matched its sidecar: the 04-10 export, which still shows bob, stands to the end.
        var exception = Assert.Single(IdpExceptions(programme));
        Assert.Equal("2026-04-01..2026-06-30", exception.Days.ToString());
        Assert.Null(exception.After);
    }

    [Fact]
    public void An_export_committed_intact_and_edited_later_still_shows_the_day_it_was_collected()
    {
        using var programme = Programme(Export(bobActive: false));
        programme.Write("evidence/cry-01/kms-keys/scim-2026-05-20.json", Export(bobActive: true).Json());
        programme.Commit("Edit the 05-20 export", "2026-05-21T09:00:00Z");

        Assert.Equal("2026-04-01..2026-05-19", Assert.Single(IdpExceptions(programme)).Days.ToString());
    }

    [Fact]
    public void Without_an_identity_provider_the_period_reports_no_idp_exception()
    {
        using var programme = Programme(Export(bobActive: true));
        programme.Write("controls/programme.yaml", """
            programme:
              id: acme
              name: Acme Health
              scope:
                - framework: mini
            """);
        programme.Commit("No IdP", "2026-06-01T09:00:00Z");

        Assert.Empty(IdpExceptions(programme));
    }
}
