using System.IO;
using System.Linq;
using Compliance.Engine.Checks;

namespace Compliance.Engine.Tests;

public class EvidenceCheckTests
{
    private const string MissingFix = "Fix: Collect the evidence, store it under evidence/ with a NAME.evidence.yaml sidecar naming this control and requirement.";

    [Fact]
    public void A_valid_programme_has_no_findings()
    {
        using var programme = new TestProgramme();
        var result = programme.Check();
        Assert.Empty(TestProgramme.Lines(result, rulePrefix: null));
        Assert.True(result.Passed);
        Assert.Equal(EvidenceState.Fresh, Assert.Single(result.Evidence).State);
    }

    [Fact]
    public void Missing_evidence_is_an_error_at_the_evidence_requirement()
    {
        using var programme = new TestProgramme();
        programme.Delete("evidence/cry-01/kms-keys/kms-2026-10-20.json.evidence.yaml");
        programme.Delete("evidence/cry-01/kms-keys/kms-2026-10-20.json");
        programme.Commit("Remove", "2026-10-26T10:00:00Z");

        var lines = TestProgramme.Lines(programme.Check()).Where(l => l.Contains("CMP1101")).ToList();

        Assert.Equal($"controls/controls.yaml(9,13): error CMP1101: No artifact has been collected for the evidence requirement 'CRY-01/kms-keys'. {MissingFix}", Assert.Single(lines));
    }

    [Theory]
    [InlineData("2026-10-20", EvidenceState.Fresh, null)]
    [InlineData("2026-10-02", EvidenceState.NearlyStale, "warning CMP1103")] // age 30 = freshness: still fresh, last day
    [InlineData("2026-10-01", EvidenceState.Stale, "error CMP1102")] // age 31: stale
    [InlineData("2026-10-16", EvidenceState.Fresh, null)] // 14 days left of 30; window = min(14, 30/2) = 14: not yet inside it
    [InlineData("2026-10-15", EvidenceState.NearlyStale, "warning CMP1103")] // 13 days left: inside the window
    public void Freshness_boundaries(string collectedOn, EvidenceState expected, string? finding)
    {
        using var programme = new TestProgramme(git: false);
        programme.Delete("evidence/cry-01/kms-keys/kms-2026-10-20.json.evidence.yaml");
        programme.Delete("evidence/cry-01/kms-keys/kms-2026-10-20.json");
        programme.AddEvidence("kms.json", "{}\n", collectedOn);

        var result = programme.Check();
        var status = Assert.Single(result.Evidence);

        Assert.Equal(expected, status.State);
        var gate = TestProgramme.Lines(result).Where(l => l.Contains("CMP110")).ToList();
        if (finding is null)
        {
            Assert.Empty(gate);
        }
        else
        {
            Assert.Contains(gate, l => l.Contains(finding));
        }
    }

    [Fact]
    public void Stale_evidence_message_names_dates_and_window()
    {
        using var programme = new TestProgramme(git: false);
        programme.Delete("evidence/cry-01/kms-keys/kms-2026-10-20.json.evidence.yaml");
        programme.AddEvidence("old.json", "{}\n", "2026-09-01");

        var line = Assert.Single(TestProgramme.Lines(programme.Check()), l => l.Contains("CMP1102"));

        Assert.Equal("controls/controls.yaml(9,13): error CMP1102: The evidence for 'CRY-01/kms-keys' is stale: the latest artifact (evidence/cry-01/kms-keys/old.json) was collected on 2026-09-01, 61 days before 2026-11-01; it stays fresh for 30 days (until 2026-10-01). Fix: Collect the evidence again and commit the new artifact with its sidecar.", line);
    }

    [Fact]
    public void Only_the_newest_intact_artifact_counts()
    {
        using var programme = new TestProgramme(git: false);
        programme.AddEvidence("older.json", "{\"old\": true}\n", "2026-06-01");

        var result = programme.Check();

        Assert.Equal(EvidenceState.Fresh, Assert.Single(result.Evidence).State);
        Assert.Equal("evidence/cry-01/kms-keys/kms-2026-10-20.json", result.Evidence[0].Latest!.Path.Relative);
    }

    [Fact]
    public void A_tampered_artifact_is_a_hash_mismatch_and_does_not_count()
    {
        using var programme = new TestProgramme();
        File.AppendAllText(Path.Combine(programme.Root, "evidence/cry-01/kms-keys/kms-2026-10-20.json"), "edited\n");
        programme.Commit("Edit evidence", "2026-10-26T10:00:00Z");

        var lines = TestProgramme.Lines(programme.Check());

        Assert.Contains(lines, l => l.StartsWith("evidence/cry-01/kms-keys/kms-2026-10-20.json.evidence.yaml(7,11): error CMP1104: The SHA-256 of 'evidence/cry-01/kms-keys/kms-2026-10-20.json' is ", System.StringComparison.Ordinal) && l.Contains("the artifact was modified."));
        Assert.Contains(lines, l => l.Contains("error CMP1101: None of the 1 artifacts recorded for 'CRY-01/kms-keys' is usable"));
    }

    [Theory]
    [InlineData("../../../policies/people.yaml", "it climbs out of its folder with '..'")]
    [InlineData("/etc/hostname", "it is an absolute path")]
    public void Paths_that_leave_evidence_are_refused_and_never_read(string path, string reason)
    {
        using var programme = new TestProgramme(git: false);
        programme.Write("evidence/cry-01/kms-keys/escape.evidence.yaml", $"""
            evidence:
              artifact: {path}
              control: CRY-01
              requirement: kms-keys
              collected_on: 2026-10-30
              collector: job:kms-export
              sha256: {new string('0', 64)}
            """);

        var result = programme.Check();

        var line = Assert.Single(TestProgramme.Lines(result), l => l.Contains("CMP1105"));
        Assert.Equal($"evidence/cry-01/kms-keys/escape.evidence.yaml(2,13): error CMP1105: The artifact path '{path}' is refused because {reason}; the file was not read. Fix: Use a relative path inside evidence/ without '..', without an absolute prefix and without symbolic links.", line);
        Assert.Null(result.Artifacts.Single(a => a.SidecarPath.EndsWith("escape.evidence.yaml")).ActualSha256);
    }

    [Fact]
    public void A_symbolic_link_under_evidence_is_refused()
    {
        using var programme = new TestProgramme(git: false);
        File.CreateSymbolicLink(Path.Combine(programme.Root, "evidence/cry-01/kms-keys/link.json"), "/etc/hostname");
        programme.Write("evidence/cry-01/kms-keys/link.json.evidence.yaml", $"""
            evidence:
              artifact: link.json
              control: CRY-01
              requirement: kms-keys
              collected_on: 2026-10-30
              collector: job:kms-export
              sha256: {new string('0', 64)}
            """);

        var lines = TestProgramme.Lines(programme.Check(), rulePrefix: null);

        Assert.Contains("evidence/cry-01/kms-keys/link.json.evidence.yaml(2,13): error CMP1105: The artifact path 'link.json' is refused because 'evidence/cry-01/kms-keys/link.json' is a symbolic link; the file was not read. Fix: Use a relative path inside evidence/ without '..', without an absolute prefix and without symbolic links.", lines);
        Assert.Contains(lines, l => l.StartsWith("evidence/cry-01/kms-keys/link.json(1,1): error CMP0018: This is a symbolic link, which the programme never follows", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Evidence_collected_after_the_as_of_date_is_an_error()
    {
        using var programme = new TestProgramme(git: false);
        programme.AddEvidence("future.json", "{}\n", "2026-11-05");

        var line = Assert.Single(TestProgramme.Lines(programme.Check()), l => l.Contains("CMP1107"));
        Assert.Equal("evidence/cry-01/kms-keys/future.json.evidence.yaml(5,17): error CMP1107: The field 'collected_on' of the evidence record of 'future.json' says it was collected on 2026-11-05, after the as-of date 2026-11-01: a date that records what already happened cannot lie in the future. Fix: Correct collected_on, or run the check with a later as-of date.", line);
    }

    [Fact]
    public void Evidence_collected_after_the_commit_that_added_it_is_an_error()
    {
        using var programme = new TestProgramme();
        programme.AddEvidence("backdated.json", "{}\n", "2026-10-30");
        programme.Commit("Add evidence", "2026-10-27T09:00:00Z");

        var line = Assert.Single(TestProgramme.Lines(programme.Check()), l => l.Contains("CMP1108"));
        Assert.Matches(@"^evidence/cry-01/kms-keys/backdated\.json\.evidence\.yaml\(5,17\): error CMP1108: 'evidence/cry-01/kms-keys/backdated\.json' says it was collected on 2026-10-30, but commit [0-9a-f]{12} added it on 2026-10-27\. Fix: ", line);
    }

    [Fact]
    public void Uncommitted_evidence_is_a_warning()
    {
        using var programme = new TestProgramme();
        programme.AddEvidence("new.json", "{}\n", "2026-10-30");

        var line = Assert.Single(TestProgramme.Lines(programme.Check()), l => l.Contains("CMP1109"));
        Assert.StartsWith("evidence/cry-01/kms-keys/new.json.evidence.yaml(2,3): warning CMP1109: 'evidence/cry-01/kms-keys/new.json' or its sidecar is not committed", line);
    }

    [Fact]
    public void A_file_no_sidecar_describes_is_a_warning()
    {
        using var programme = new TestProgramme(git: false);
        programme.Write("evidence/stray.csv", "a,b\n");

        var line = Assert.Single(TestProgramme.Lines(programme.Check()), l => l.Contains("CMP1110"));
        Assert.Equal("evidence/stray.csv(1,1): warning CMP1110: 'evidence/stray.csv' is under evidence/ but no sidecar describes it and no BAA names it. Fix: Add a NAME.evidence.yaml sidecar for the file, or reference it as a BAA's evidence.", line);
    }

    [Fact]
    public void Leap_day_collection_is_fresh_for_exactly_its_window()
    {
        using var programme = new TestProgramme(git: false);
        programme.Write("controls/controls.yaml", File.ReadAllText(Path.Combine(programme.Root, "controls/controls.yaml")).Replace("freshness_days: 30", "freshness_days: 366"));
        programme.Delete("evidence/cry-01/kms-keys/kms-2026-10-20.json.evidence.yaml");
        programme.AddEvidence("leap.json", "{}\n", "2024-02-29");

        // 2024-02-29 + 366 days = 2025-03-01: the last fresh day.
        Assert.Equal(EvidenceState.NearlyStale, programme.Check(new System.DateOnly(2025, 3, 1)).Evidence[0].State);
        Assert.Equal(EvidenceState.Stale, programme.Check(new System.DateOnly(2025, 3, 2)).Evidence[0].State);
    }
}
