using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Compliance.Engine.Period;
using Compliance.Engine.Reports;
using Compliance.Engine.Tests.Collection;

namespace Compliance.Engine.Tests.Period;

/// <summary>
/// The as-of CMP1403 and CMP1404 asked per day over the period (CMP2707, CMP2708): each committed export
/// shows the IdP from its collection until the next one, and entitlement is the people registry's on each day.
/// </summary>
public class PhiGroupPeriodTests
{
    private static readonly DayRange Half = new(new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30));

    private const string Mallory = "5d48a0a8-e3aa-4b8b-8e3e-4a6c1a8c2f11";

    private const string Sidecars = "evidence/cry-01/kms-keys/";

    /// <summary>Babs is alice (entitled); Mandy is bob; Mallory is nobody in the registry unless a test adds her.</summary>
    private static string Export(bool bobInGroup, bool malloryInGroup = false) => new ScimFixture()
        .User(ScimFixture.Babs, "bjensen@example.com")
        .User(ScimFixture.Mandy, "bob@acme.example")
        .User(Mallory, "mallory@elsewhere.example")
        .Group(ScimFixture.TourGuides, new[] { ScimFixture.Babs }.Concat(bobInGroup ? new[] { ScimFixture.Mandy } : Array.Empty<string>())
            .Concat(malloryInGroup ? new[] { Mallory } : Array.Empty<string>()).ToArray())
        .Json();

    /// <summary>alice entitled, bob active without phi_access; the first access review, of 01-05, committed that day.</summary>
    private static TestProgramme Programme(string first)
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
        programme.Write("policies/people.yaml", People(bobEntitled: false));
        programme.Delete("evidence/cry-01/kms-keys/kms-2026-10-20.json");
        programme.Delete("evidence/cry-01/kms-keys/kms-2026-10-20.json.evidence.yaml");
        programme.AddEvidence("scim-2026-01-05.json", first, "2026-01-05");
        programme.Git("init", "-q", "-b", "main");
        programme.Commit("Programme and the first access review", "2026-01-05T09:00:00Z");
        return programme;
    }

    private static string People(bool bobEntitled, bool withMallory = false) => $"""
        people:
          - id: alice
            name: Alice
            email: alice@acme.example
            idp_user: bjensen@example.com
            role: Security Officer
            phi_access: true
            status: active
          - id: bob
            name: Bob
            email: bob@acme.example
            role: Engineer
            phi_access: {(bobEntitled ? "true" : "false")}
            status: active
        """ + (withMallory ? """

          - id: mallory
            name: Mallory
            email: mallory@elsewhere.example
            role: Contractor
            phi_access: true
            status: active
        """ : string.Empty);

    private static void Review(TestProgramme programme, string day, string export, string? sha = null)
    {
        programme.AddEvidence($"scim-{day}.json", export, day, sha: sha);
        programme.Commit($"Access review {day}", $"{day}T09:00:00Z");
    }

    private static PeriodException[] Exceptions(TestProgramme programme, string rule) =>
        programme.Check(Half.End, o => o with { Period = Half }).Period!.Exceptions.Where(e => e.RuleId == rule).ToArray();

    [Fact]
    public void An_unentitled_member_is_an_exception_until_the_export_that_no_longer_shows_them()
    {
        using var programme = Programme(Export(bobInGroup: true));
        Review(programme, "2026-04-10", Export(bobInGroup: false));

        var exception = Assert.Single(Exceptions(programme, "CMP2707"));

        Assert.Equal(("bob", "2026-01-05..2026-04-09", PeriodExceptionKind.PhiMemberNotEntitledInIdp), (exception.Target, exception.Days.ToString(), exception.Kind));
        Assert.Equal((Sidecars + "scim-2026-01-05.json.evidence.yaml", Sidecars + "scim-2026-04-10.json.evidence.yaml"), (exception.Before, exception.After));
        Assert.Equal("policies/people.yaml", exception.Location!.Path);
        Assert.True(exception.BoundedByAccessReviews);
        Assert.Contains("showed 'bob@acme.example' active in the PHI group(s) Tour Guides from 2026-01-05 to 2026-04-09 (95 days;", exception.Message);
    }

    [Fact]
    public void Entitlement_granted_mid_period_ends_the_exception_on_the_day_its_commit_landed()
    {
        using var programme = Programme(Export(bobInGroup: true));
        programme.Write("policies/people.yaml", People(bobEntitled: true));
        programme.Commit("Grant bob PHI access", "2026-03-15T09:00:00Z");
        Review(programme, "2026-04-10", Export(bobInGroup: true));

        var exception = Assert.Single(Exceptions(programme, "CMP2707"));

        Assert.Equal("2026-01-05..2026-03-14", exception.Days.ToString());
        Assert.Null(exception.After);
        Assert.Contains("from 2026-03-15 the people registry's history no longer makes it one", exception.Message);
    }

    [Fact]
    public void A_membership_added_and_removed_between_two_exports_is_seen_by_neither()
    {
        // The IdP had bob in the group from 02-01 to 03-01, but no export was collected in between.
        using var programme = Programme(Export(bobInGroup: false));
        Review(programme, "2026-04-10", Export(bobInGroup: false));

        Assert.Empty(Exceptions(programme, "CMP2707"));
    }

    [Fact]
    public void An_unreadable_export_says_nothing_for_its_days()
    {
        using var programme = Programme(Export(bobInGroup: true));
        Review(programme, "2026-03-01", "not a SCIM export");
        Review(programme, "2026-04-10", Export(bobInGroup: true));

        var exceptions = Exceptions(programme, "CMP2707");

        Assert.Equal(new[] { "2026-01-05..2026-02-28", "2026-04-10..2026-06-30" }, exceptions.Select(e => e.Days.ToString()));
        Assert.Null(exceptions[0].After);
        Assert.Contains($"the next export, {Sidecars}scim-2026-03-01.json.evidence.yaml, could not be read, so its days show nothing", exceptions[0].Message);
    }

    [Fact]
    public void A_revoked_members_days_are_cmp2706s_not_cmp2707s()
    {
        using var programme = Programme(Export(bobInGroup: true));
        programme.Write("policies/people.yaml", People(bobEntitled: false).Replace("phi_access: false\n    status: active", "phi_access: false\n    status: revoked\n    revoked_on: 2026-02-01", StringComparison.Ordinal));
        programme.Commit("Revoke bob", "2026-02-01T09:00:00Z");

        Assert.Equal("2026-01-05..2026-01-31", Assert.Single(Exceptions(programme, "CMP2707")).Days.ToString());
        Assert.Equal("2026-02-01..2026-06-30", Assert.Single(Exceptions(programme, "CMP2706")).Days.ToString());
    }

    [Fact]
    public void An_unknown_member_is_an_exception_except_on_the_days_the_registry_named_them()
    {
        using var programme = Programme(Export(bobInGroup: false, malloryInGroup: true));
        programme.Write("policies/people.yaml", People(bobEntitled: false, withMallory: true));
        programme.Commit("Register mallory", "2026-02-01T09:00:00Z");
        programme.Write("policies/people.yaml", People(bobEntitled: false));
        programme.Commit("Remove mallory from the registry", "2026-03-01T09:00:00Z");
        Review(programme, "2026-04-10", Export(bobInGroup: false, malloryInGroup: true));
        Review(programme, "2026-05-20", Export(bobInGroup: false));

        var exceptions = Exceptions(programme, "CMP2708");

        Assert.Equal(new[] { "2026-01-05..2026-01-31", "2026-03-01..2026-05-19" }, exceptions.Select(e => e.Days.ToString()));
        Assert.All(exceptions, e => Assert.Equal(("mallory@elsewhere.example", PeriodExceptionKind.PhiMemberUnknownInIdp, "controls/programme.yaml"), (e.Target, e.Kind, e.Location!.Path)));
        Assert.Equal((Sidecars + "scim-2026-01-05.json.evidence.yaml", Sidecars + "scim-2026-05-20.json.evidence.yaml"), (exceptions[1].Before, exceptions[1].After));
        Assert.Empty(Exceptions(programme, "CMP2707"));
    }

    [Fact]
    public void The_json_report_and_the_findings_carry_the_membership_exceptions_as_the_other_period_exceptions()
    {
        using var programme = Programme(Export(bobInGroup: true, malloryInGroup: true));
        Review(programme, "2026-04-10", Export(bobInGroup: false));
        var result = programme.Check(Half.End, o => o with { Period = Half });

        var json = JsonDocument.Parse(JsonReport.Render(result)).RootElement.GetProperty("period").GetProperty("exceptions").EnumerateArray().ToList();

        var notEntitled = json.Single(e => e.GetProperty("rule").GetString() == "CMP2707");
        Assert.Equal(("2026-01-05", "2026-04-09", Sidecars + "scim-2026-04-10.json.evidence.yaml"),
            (notEntitled.GetProperty("start").GetString(), notEntitled.GetProperty("end").GetString(), notEntitled.GetProperty("artifactAfter").GetString()));
        Assert.Equal("mallory@elsewhere.example", json.Single(e => e.GetProperty("rule").GetString() == "CMP2708").GetProperty("target").GetString());
        Assert.Contains(result.Findings, f => f.RuleId == "CMP2707" && f.Target == "bob" && f.Location!.Path == "policies/people.yaml");
        Assert.Contains(result.Findings, f => f.RuleId == "CMP2708" && f.Target == "mallory@elsewhere.example");
    }
}
