using System;
using System.IO;
using System.Linq;

namespace Compliance.Engine.Tests;

public class HistoryTests
{
    [Fact]
    public void Provenance_names_the_commit_that_added_and_last_changed_a_policy()
    {
        using var programme = new TestProgramme();
        programme.Write("policies/security.md", File.ReadAllText(Path.Combine(programme.Root, "policies/security.md")).Replace("# Security Policy", "# Security Policy\n\nRevised."));
        programme.Commit("Revise security policy", "2026-10-28T08:30:00Z");

        var result = programme.Check();
        var history = result.Provenance.Find("policies/security.md")!;

        Assert.True(result.Provenance.Available);
        Assert.Equal("Initial programme", history.Added.Summary);
        Assert.Equal("Revise security policy", history.LastChanged.Summary);
        Assert.Equal("Test Author", history.LastChanged.AuthorName);
        Assert.False(history.LastChanged.Signed);
        Assert.Equal(2, history.Changes.Count);
    }

    [Fact]
    public void A_merge_credits_evidence_to_the_branch_commit_that_added_it_and_a_deletion_on_a_branch_still_counts()
    {
        using var programme = new TestProgramme();
        programme.Git("checkout", "-q", "-b", "evidence-drop");
        programme.AddEvidence("2026-10-27.json", "{\"keys\": 3}\n", "2026-10-27");
        programme.Commit("Add key inventory on a branch", "2026-10-27T09:00:00Z");
        programme.Delete("evidence/cry-01/kms-keys/kms-2026-10-20.json");
        programme.Commit("Drop old inventory on the branch", "2026-10-27T10:00:00Z");
        programme.Git("checkout", "-q", "main");
        programme.Write("policies/security.md", File.ReadAllText(Path.Combine(programme.Root, "policies/security.md")) + "\nMain-line edit.\n");
        programme.Commit("Edit policy on main", "2026-10-28T09:00:00Z");
        programme.Git(new System.Collections.Generic.Dictionary<string, string> { ["GIT_AUTHOR_DATE"] = "2026-10-29T09:00:00Z", ["GIT_COMMITTER_DATE"] = "2026-10-29T09:00:00Z" },
            "merge", "-q", "--no-ff", "-m", "Merge evidence-drop", "evidence-drop");

        var result = programme.Check();
        var added = result.Provenance.Find("evidence/cry-01/kms-keys/2026-10-27.json")!;
        var policy = result.Provenance.Find("policies/security.md")!;

        Assert.Equal(5, result.Provenance.CommitsWalked);
        Assert.Equal("Add key inventory on a branch", added.Added.Summary);
        Assert.Equal(1, added.ChangeCount);
        Assert.Equal("Edit policy on main", policy.LastChanged.Summary);
        Assert.Equal(2, policy.Changes.Count);
        var deletion = Assert.Single(result.Provenance.Deletions, d => d.Path == "evidence/cry-01/kms-keys/kms-2026-10-20.json");
        Assert.Equal("Drop old inventory on the branch", deletion.DeletedBy.Summary);
    }

    [Fact]
    public void Deleting_evidence_within_six_years_is_a_retention_error_naming_the_commit()
    {
        using var programme = new TestProgramme();
        programme.AddEvidence("2026-10-30.json", "{}\n", "2026-10-30");
        programme.Commit("Add evidence", "2026-10-30T10:00:00Z");
        programme.Delete("evidence/cry-01/kms-keys/2026-10-30.json");
        programme.Delete("evidence/cry-01/kms-keys/2026-10-30.json.evidence.yaml");
        programme.Commit("Tidy up evidence", "2026-10-31T10:00:00Z");
        var sha = programme.Git("rev-parse", "--short=12", "HEAD").Trim();

        var lines = TestProgramme.Lines(programme.Check()).Where(l => l.Contains("CMP1601")).ToList();

        Assert.Equal(2, lines.Count);
        Assert.Matches($@"^evidence/cry-01/kms-keys/2026-10-30\.json\(1,1\): error CMP1601: 'evidence/cry-01/kms-keys/2026-10-30\.json' was deleted by commit {sha} \(Test Author, 2026-10-31\); commit [0-9a-f]{{12}} added it on 2026-10-30 and it was in effect until then \(nothing retired or superseded it\), so it must be kept until at least 2032-10-31\. Fix: ", lines[0]);
    }

    [Fact]
    public void Deleting_after_six_years_and_moving_with_git_mv_are_not_retention_errors()
    {
        using var programme = new TestProgramme();
        programme.Git("mv", "evidence/cry-01/kms-keys/kms-2026-10-20.json", "evidence/cry-01/kms-keys/kms-keys-2026-10-20.json");
        programme.Write("evidence/cry-01/kms-keys/kms-2026-10-20.json.evidence.yaml",
            File.ReadAllText(Path.Combine(programme.Root, "evidence/cry-01/kms-keys/kms-2026-10-20.json.evidence.yaml")).Replace("artifact: kms-2026-10-20.json", "artifact: kms-keys-2026-10-20.json"));
        programme.Commit("Rename evidence", "2026-10-26T10:00:00Z");

        Assert.DoesNotContain(TestProgramme.Lines(programme.Check()), l => l.Contains("CMP1601"));

        // A policy is retired first, then deleted once six years have passed since its retirement.
        programme.Write("policies/security.md", File.ReadAllText(Path.Combine(programme.Root, "policies/security.md")).Replace("governs: [CRY-01]", "governs: [CRY-01]\nstatus: retired\nretired_on: 2026-10-26"));
        programme.Commit("Retire policy", "2026-10-26T11:00:00Z");
        programme.Delete("policies/security.md");
        programme.Commit("Delete the retired policy", "2032-10-27T10:00:00Z");
        Assert.DoesNotContain(TestProgramme.Lines(programme.Check(new DateOnly(2032, 10, 28))), l => l.Contains("CMP1601"));
    }

    [Fact]
    public void A_file_deleted_and_restored_is_retained()
    {
        using var programme = new TestProgramme();
        var policy = File.ReadAllText(Path.Combine(programme.Root, "policies/security.md"));
        programme.Delete("policies/security.md");
        programme.Commit("Oops", "2026-10-26T10:00:00Z");
        programme.Write("policies/security.md", policy);
        programme.Commit("Restore", "2026-10-27T10:00:00Z");

        Assert.DoesNotContain(TestProgramme.Lines(programme.Check()), l => l.Contains("CMP1601"));
    }

    [Fact]
    public void A_shallow_clone_warns_once_and_runs_the_other_checks()
    {
        using var source = new TestProgramme();
        programmeCommit(source);
        var clone = Path.Combine(Path.GetTempPath(), "compliance-shallow-" + Guid.NewGuid().ToString("N"));
        try
        {
            source.Git("clone", "-q", "--depth", "1", "file://" + source.Root, clone);
            File.Delete(Path.Combine(clone, "evidence/baa/cloud.md"));

            var result = ComplianceCheck.Run(new CheckOptions(clone, TestProgramme.AsOf));
            var lines = TestProgramme.Lines(result, includeProvenance: true);

            Assert.Equal("compliance: warning CMP1001: Git provenance is unavailable: the repository is a shallow clone, so the commits that added and deleted files are missing. Provenance, retention and commit-date checks were skipped; the other checks ran. Fix: Build from a full clone: in GitHub Actions set 'fetch-depth: 0' on actions/checkout; elsewhere run 'git fetch --unshallow'.", lines[0]);
            Assert.Contains(lines, l => l.Contains("error CMP1205"));
            Assert.NotNull(result.Provenance.Head);
        }
        finally
        {
            Directory.Delete(clone, recursive: true);
        }

        static void programmeCommit(TestProgramme p)
        {
            p.Write("controls/extra.yaml", "controls: []");
            p.Commit("Second", "2026-10-26T10:00:00Z");
        }
    }

    [Fact]
    public void No_repository_warns_that_provenance_is_unavailable()
    {
        using var programme = new TestProgramme(git: false);

        var result = programme.Check();

        Assert.Contains(TestProgramme.Lines(result, includeProvenance: true), l => l.StartsWith("compliance: warning CMP1001: Git provenance is unavailable: no git repository contains the programme root.", StringComparison.Ordinal));
        Assert.True(result.Passed);
    }
}
