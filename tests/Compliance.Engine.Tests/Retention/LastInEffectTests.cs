using System;
using System.IO;
using System.Linq;
using Compliance.Engine.Checks;

namespace Compliance.Engine.Tests.Retention;

/// <summary>Retention from the later of creation and "last in effect" (164.316(b)(2)(i)), over policies/, evidence/ and controls/.</summary>
public class LastInEffectTests
{
    private static void RetireSecurityPolicy(TestProgramme programme, string retiredOn, string commitDate)
    {
        var path = Path.Combine(programme.Root, "policies/security.md");
        programme.Write("policies/security.md", File.ReadAllText(path).Replace("governs: [CRY-01]", $"governs: [CRY-01]\nstatus: retired\nretired_on: {retiredOn}"));
        programme.Commit("Retire the security policy", commitDate);
    }

    private static string[] Retention(CheckResult result) => TestProgramme.Lines(result).Where(l => l.Contains("CMP1601")).ToArray();

    [Fact]
    public void A_retired_policy_deleted_within_six_years_of_its_retirement_is_a_retention_error()
    {
        using var programme = new TestProgramme();
        RetireSecurityPolicy(programme, "2026-10-26", "2026-10-26T11:00:00Z");
        programme.Delete("policies/security.md");
        programme.Commit("Delete the retired policy", "2030-01-02T10:00:00Z");

        var line = Assert.Single(Retention(programme.Check(new DateOnly(2030, 1, 3))));
        Assert.Contains("it was retired on 2026-10-26, so it must be kept until at least 2032-10-26.", line);
    }

    [Fact]
    public void A_retired_policy_deleted_after_six_years_is_not_a_retention_error_and_is_listed_until_then()
    {
        using var programme = new TestProgramme();
        RetireSecurityPolicy(programme, "2026-10-26", "2026-10-26T11:00:00Z");

        var retained = programme.Check().Retention.Single(d => d.Path == "policies/security.md");
        Assert.Equal(EffectEnd.Retired, retained.EffectEnd);
        Assert.Equal(new DateOnly(2032, 10, 26), retained.RetainUntil);
        Assert.Null(retained.DeletedOn);
        Assert.Equal(Compliance.Engine.Checks.PolicyReviewState.Retired, programme.Check(new DateOnly(2030, 1, 1)).Policies.Single().Review);

        programme.Delete("policies/security.md");
        programme.Commit("Delete the retired policy", "2032-10-27T10:00:00Z");
        Assert.Empty(Retention(programme.Check(new DateOnly(2032, 10, 28))));
    }

    [Fact]
    public void A_policy_that_was_never_retired_was_in_effect_until_deleted()
    {
        using var programme = new TestProgramme();
        programme.Delete("policies/security.md");
        programme.Commit("Delete the policy", "2033-01-01T10:00:00Z"); // more than six years after it was created

        var line = Assert.Single(Retention(programme.Check(new DateOnly(2033, 1, 2))));
        Assert.Contains("it was in effect until then (nothing retired or superseded it), so it must be kept until at least 2039-01-01.", line);
    }

    [Theory]
    [InlineData("2032-10-01T10:00:00Z", true)]  // 5 years 11 months after a newer artifact superseded it
    [InlineData("2032-11-02T10:00:00Z", false)] // more than six years after
    public void An_artifact_is_kept_six_years_after_a_newer_one_superseded_it(string deletedAt, bool violation)
    {
        using var programme = new TestProgramme();
        programme.AddEvidence("kms-2026-11-01.json", "{\"keys\": 4}\n", "2026-11-01");
        programme.Commit("Collect the key inventory again", "2026-11-01T10:00:00Z");
        programme.Delete("evidence/cry-01/kms-keys/kms-2026-10-20.json");
        programme.Delete("evidence/cry-01/kms-keys/kms-2026-10-20.json.evidence.yaml");
        programme.Commit("Delete the superseded inventory", deletedAt);

        var lines = Retention(programme.Check(new DateOnly(2032, 11, 3)));
        Assert.Equal(violation ? 2 : 0, lines.Length); // the artifact and its sidecar
        if (violation)
        {
            Assert.Contains(lines, l => l.StartsWith("evidence/cry-01/kms-keys/kms-2026-10-20.json(1,1): error CMP1601:", StringComparison.Ordinal)
                && l.Contains("'evidence/cry-01/kms-keys/kms-2026-11-01.json' superseded it on 2026-11-01, so it must be kept until at least 2032-11-01."));
        }
    }

    [Fact]
    public void A_superseded_artifact_still_present_is_listed_with_its_retain_until_day()
    {
        using var programme = new TestProgramme();
        programme.AddEvidence("kms-2026-11-01.json", "{\"keys\": 4}\n", "2026-11-01");
        programme.Commit("Collect the key inventory again", "2026-11-01T10:00:00Z");

        var retained = programme.Check().Retention.Single(d => d.Path == "evidence/cry-01/kms-keys/kms-2026-10-20.json");
        Assert.Equal(EffectEnd.Superseded, retained.EffectEnd);
        Assert.Equal("evidence/cry-01/kms-keys/kms-2026-11-01.json", retained.SupersededBy);
        Assert.Equal(new DateOnly(2032, 11, 1), retained.RetainUntil);
    }

    [Fact]
    public void A_moved_policy_keeps_its_history_and_is_not_a_deletion()
    {
        using var programme = new TestProgramme();
        var added = programme.Git("log", "--format=%H", "-1").Trim();
        programme.Git("mv", "policies/security.md", "policies/information-security.md");
        programme.Commit("Rename the security policy", "2026-10-27T10:00:00Z");

        var result = programme.Check();
        Assert.Empty(Retention(result));
        Assert.Equal(added, result.Provenance.Find("policies/information-security.md")!.Added.Sha);
    }

    [Fact]
    public void Deleting_a_decisions_file_under_controls_is_a_retention_error()
    {
        using var programme = new TestProgramme();
        programme.Write("controls/decisions.yaml", "decisions: []\n");
        programme.Commit("Add the decisions file", "2026-10-26T10:00:00Z");
        programme.Delete("controls/decisions.yaml");
        programme.Commit("Delete the decisions file", "2026-10-28T10:00:00Z");

        var line = Assert.Single(Retention(programme.Check()));
        Assert.StartsWith("controls/decisions.yaml(1,1): error CMP1601: 'controls/decisions.yaml' was deleted by commit", line);
        Assert.Contains("so it must be kept until at least 2032-10-28.", line);
    }
}
