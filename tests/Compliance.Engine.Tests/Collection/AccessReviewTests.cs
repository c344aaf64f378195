using System;
using System.IO;
using System.Linq;
using Compliance.Cli.Commands;
using Compliance.Engine.Checks;
using Compliance.Engine.Collection;

namespace Compliance.Engine.Tests.Collection;

public class AccessReviewTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 9, 30, 0, TimeSpan.Zero);

    /// <summary>alice = Babs Jensen (idp_user), bob revoked 2026-06-30 = Mandy, carol without PHI access; the export is CRY-01/kms-keys for the test.</summary>
    private static TestProgramme Programme(ScimFixture export, string collectedOn = "2026-10-31")
    {
        var programme = new TestProgramme(git: false);
        programme.Write("controls/programme.yaml", """
            programme:
              id: acme
              name: Acme Health
              scope:
                - framework: mini
              runners:
                - id: prod
              identity_provider:
                phi_groups: [Tour Guides]
                access_review: CRY-01/kms-keys
            """);
        programme.Write("policies/people.yaml", """
            people:
              - id: alice
                name: Alice
                email: alice@acme.example
                role: Security Officer
                phi_access: true
                status: active
                idp_user: bjensen@example.com
              - id: bob
                name: Bob
                email: bob@acme.example
                role: Engineer
                phi_access: true
                status: revoked
                revoked_on: 2026-06-30
              - id: carol
                name: Carol
                email: carol@acme.example
                role: Billing
                phi_access: false
                status: active
            """);
        programme.Delete("evidence/cry-01/kms-keys/kms-2026-10-20.json");
        programme.Delete("evidence/cry-01/kms-keys/kms-2026-10-20.json.evidence.yaml");
        programme.AddEvidence($"scim-{collectedOn}.json", export.Json(), collectedOn);
        return programme;
    }

    private static ScimFixture Compliant() => new ScimFixture()
        .User(ScimFixture.Babs, "bjensen@example.com")
        .User(ScimFixture.Mandy, "bob@acme.example", active: false)
        .User("carol-id", "carol", email: "carol@acme.example")
        .Group(ScimFixture.TourGuides, ScimFixture.Babs);

    private static string[] AccessLines(TestProgramme programme, DateOnly? asOf = null) =>
        TestProgramme.Lines(programme.Check(asOf)).Where(l => l.Contains("CMP140")).ToArray();

    [Fact]
    public void A_registry_that_matches_the_export_reconciles_without_findings()
    {
        using var programme = Programme(Compliant());

        var result = programme.Check();

        Assert.Empty(AccessLines(programme));
        var review = Assert.IsType<AccessReconciliation>(result.AccessReview);
        Assert.Equal(new DateOnly(2026, 10, 31), review.CollectedOn);
        Assert.Equal(3, review.Users);
        Assert.Empty(review.Findings);
    }

    [Fact]
    public void A_revoked_person_still_active_in_the_IdP_is_an_error_at_their_registry_entry()
    {
        using var programme = Programme(Compliant().User("m2", "mandy-duplicate").Group("Other").With(f => f));
        using var failing = Programme(new ScimFixture()
            .User(ScimFixture.Babs, "bjensen@example.com")
            .User(ScimFixture.Mandy, "bob@acme.example", active: true)
            .User("carol-id", "carol", email: "carol@acme.example")
            .Group(ScimFixture.TourGuides, ScimFixture.Babs));

        var line = Assert.Single(AccessLines(failing));

        Assert.StartsWith("policies/people.yaml(9,", line);
        Assert.Contains("error CMP1402: 'bob' was revoked on 2026-06-30, but the IdP export of 2026-10-31", line);
        Assert.Contains("still shows 'bob@acme.example' active", line);
        Assert.Empty(AccessLines(programme));
    }

    [Fact]
    public void A_revoked_person_still_in_a_PHI_group_is_an_error_even_when_inactive()
    {
        using var programme = Programme(Compliant().Group("EHR", ScimFixture.Mandy).Group(ScimFixture.TourGuides + " 2").With(f => f));
        using var failing = Programme(new ScimFixture()
            .User(ScimFixture.Babs, "bjensen@example.com")
            .User(ScimFixture.Mandy, "bob@acme.example", active: false)
            .Group(ScimFixture.TourGuides, ScimFixture.Babs, ScimFixture.Mandy));

        Assert.Contains("inactive and in a PHI group", Assert.Single(AccessLines(failing), l => l.Contains("CMP1402")));
        Assert.DoesNotContain(AccessLines(programme), l => l.Contains("CMP1402"));
    }

    [Theory]
    [InlineData("2026-06-29", false)] // the day before the revocation: bob may still be active
    [InlineData("2026-06-30", true)] // the revocation day: revoked from that day on, as everywhere else
    public void The_revocation_day_is_the_first_day_an_active_account_is_a_finding(string collectedOn, bool reported)
    {
        var export = new ScimFixture()
            .User(ScimFixture.Babs, "bjensen@example.com")
            .User(ScimFixture.Mandy, "bob@acme.example", active: true)
            .Group(ScimFixture.TourGuides, ScimFixture.Babs);
        using var programme = Programme(export, collectedOn);

        Assert.Equal(reported, AccessLines(programme).Any(l => l.Contains("CMP1402")));
    }

    [Fact]
    public void A_PHI_group_member_without_phi_access_is_an_error_and_passes_once_removed()
    {
        using var failing = Programme(Compliant().Group(ScimFixture.TourGuides + "-nested", "carol-id").Group(ScimFixture.TourGuides, "group-tour-guides-nested"));
        using var passing = Programme(Compliant());

        var line = Assert.Single(AccessLines(failing));

        Assert.StartsWith("policies/people.yaml(16,", line);
        Assert.Contains("error CMP1403: 'carol' has phi_access: false, but 'carol' is in the PHI group(s) Tour Guides", line);
        Assert.Empty(AccessLines(passing));
    }

    [Fact]
    public void A_PHI_group_member_unknown_to_the_registry_is_an_error_at_the_exports_sidecar()
    {
        using var failing = Programme(Compliant().User("mallory-id", "mallory@elsewhere.example").Group(ScimFixture.TourGuides, "mallory-id"));
        using var passing = Programme(Compliant().User("mallory-id", "mallory@elsewhere.example").Group("Marketing", "mallory-id"));

        var line = Assert.Single(AccessLines(failing));

        Assert.StartsWith("evidence/cry-01/kms-keys/scim-2026-10-31.json.evidence.yaml(", line);
        Assert.Contains("error CMP1404: 'mallory@elsewhere.example' is in a PHI group", line);
        Assert.Empty(AccessLines(passing));
    }

    [Fact]
    public void A_person_with_phi_access_in_no_PHI_group_is_a_warning()
    {
        using var failing = Programme(new ScimFixture()
            .User(ScimFixture.Babs, "bjensen@example.com")
            .User("carol-id", "carol", email: "carol@acme.example")
            .Group(ScimFixture.TourGuides));

        var line = Assert.Single(AccessLines(failing));

        Assert.StartsWith("policies/people.yaml(2,", line);
        Assert.Contains("warning CMP1405: 'alice' has phi_access: true, but 'bjensen@example.com' is in no PHI group", line);
    }

    [Fact]
    public void An_export_that_is_not_a_SCIM_ListResponse_is_an_error_not_a_silent_pass()
    {
        using var programme = Programme(Compliant());
        programme.Delete("evidence/cry-01/kms-keys/scim-2026-10-31.json");
        programme.Delete("evidence/cry-01/kms-keys/scim-2026-10-31.json.evidence.yaml");
        programme.AddEvidence("scim-2026-10-31.json", "{\"Resources\": []}", "2026-10-31");

        Assert.Contains("error CMP1406: The access-review export could not be read", Assert.Single(AccessLines(programme)));
    }

    [Fact]
    public void The_gate_with_an_IdP_export_denies_an_inactive_actor_or_one_without_a_PHI_group_and_allows_otherwise()
    {
        using var programme = Programme(Compliant());
        var allowed = Export(programme, Compliant());
        var inactive = Export(programme, new ScimFixture().User(ScimFixture.Babs, "bjensen@example.com", active: false).Group(ScimFixture.TourGuides, ScimFixture.Babs));
        var noGroup = Export(programme, new ScimFixture().User(ScimFixture.Babs, "bjensen@example.com").Group("Marketing", ScimFixture.Babs));

        Assert.Equal(0, Gate(programme, allowed).Exit);
        Assert.Equal(0, Gate(programme, null).Exit);
        var (exitInactive, outputInactive) = Gate(programme, inactive);
        var (exitNoGroup, outputNoGroup) = Gate(programme, noGroup);

        Assert.Equal(1, exitInactive);
        Assert.Contains("deny CMP1407: actor 'alice@acme.example' is inactive in the identity provider ('bjensen@example.com', active: false).", outputInactive);
        Assert.Equal(1, exitNoGroup);
        Assert.Contains("deny CMP1408: actor 'alice@acme.example' ('bjensen@example.com') is in none of the PHI groups Tour Guides", outputNoGroup);
    }

    private static string Export(TestProgramme programme, ScimFixture export)
    {
        var path = Path.Combine(programme.Root, $"idp-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, export.Json());
        return path;
    }

    private static (int Exit, string Output) Gate(TestProgramme programme, string? export)
    {
        var output = new StringWriter();
        var args = new[] { "--actor", "alice@acme.example", "--service", "kms.cloud.example", "--runner", "prod", "--root", programme.Root }
            .Concat(export is null ? Array.Empty<string>() : new[] { "--idp-export", export }).ToArray();
        return (GateCommand.Run(args, new StringReader(string.Empty), output, () => Now), output.ToString());
    }
}

internal static class FixtureExtensions
{
    public static ScimFixture With(this ScimFixture fixture, Func<ScimFixture, ScimFixture> change) => change(fixture);
}
