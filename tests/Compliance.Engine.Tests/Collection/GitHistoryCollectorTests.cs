using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using Compliance.Engine.Audit;
using Compliance.Engine.Collection;

namespace Compliance.Engine.Tests.Collection;

/// <summary>builtin: git-history over a repository the test builds with real git, including ssh-signed commits made with ssh-keygen keys.</summary>
public class GitHistoryCollectorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    private static void KeyGen(string path)
    {
        using var process = Process.Start(new ProcessStartInfo("ssh-keygen", $"-q -t ed25519 -N \"\" -C test -f {path}") { RedirectStandardOutput = true, RedirectStandardError = true })!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }

    private static Dictionary<string, string> At(string iso) => new() { ["GIT_AUTHOR_DATE"] = iso, ["GIT_COMMITTER_DATE"] = iso };

    private static JsonElement CommitBySubject(JsonDocument report, string subject) =>
        report.RootElement.GetProperty("commits").EnumerateArray().Single(c => c.GetProperty("subject").GetString() == subject);

    [Fact]
    public void Git_history_reports_committers_signatures_and_changes_that_bypassed_review_deterministically()
    {
        using var programme = new TestProgramme(git: true);
        var keys = Directory.CreateTempSubdirectory("sshkeys-").FullName;
        KeyGen(Path.Combine(keys, "alice"));
        KeyGen(Path.Combine(keys, "mallory"));
        programme.Write("controls/allowed_signers", "alice@acme.example " + File.ReadAllText(Path.Combine(keys, "alice.pub")).Trim());
        var controls = Path.Combine(programme.Root, "controls/controls.yaml");
        File.WriteAllText(controls, File.ReadAllText(controls) + """
                  - id: history
                    description: Who changed main, signed or not, reviewed or not.
                    collection: automated
                    freshness_days: 30
                    collector:
                      builtin: git-history
                      branch: main
                      period_days: 30
                      allowed_signers: controls/allowed_signers

            """);
        programme.Commit("Declare the history collector", "2026-10-26T09:00:00Z");

        var ssh = new[] { "-c", "gpg.format=ssh" };
        programme.Write("a.txt", "signed by alice");
        programme.Git("add", "-A");
        programme.Git(At("2026-10-27T09:00:00Z"), ssh.Concat(new[] { "-c", "user.email=alice@acme.example", "-c", $"user.signingkey={keys}/alice.pub", "commit", "-q", "-S", "-m", "Signed by alice" }).ToArray());
        programme.Write("b.txt", "signed by mallory");
        programme.Git("add", "-A");
        programme.Git(At("2026-10-27T10:00:00Z"), ssh.Concat(new[] { "-c", "user.email=mallory@acme.example", "-c", $"user.signingkey={keys}/mallory.pub", "commit", "-q", "-S", "-m", "Signed by mallory" }).ToArray());

        programme.Git("checkout", "-q", "-b", "feature");
        programme.Write("c.txt", "feature");
        programme.Commit("Feature work", "2026-10-28T09:00:00Z");
        programme.Git("checkout", "-q", "main");
        programme.Git(At("2026-10-28T10:00:00Z"), "merge", "-q", "--no-ff", "feature", "-m", "Merge pull request #12 from acme/feature");
        programme.Git("checkout", "-q", "-b", "hotfix");
        programme.Write("d.txt", "hotfix");
        programme.Commit("Hotfix work", "2026-10-29T09:00:00Z");
        programme.Git("checkout", "-q", "main");
        programme.Git(At("2026-10-29T10:00:00Z"), "merge", "-q", "--no-ff", "hotfix", "-m", "Merge branch 'hotfix'");
        programme.Write("e.txt", "squashed");
        programme.Commit("Tidy the README (#14)", "2026-10-30T09:00:00Z");
        programme.Write("f.txt", "direct");
        programme.Commit("Push straight to main", "2026-10-31T09:00:00Z");

        var check = programme.Check(DateOnly.FromDateTime(Now.UtcDateTime));
        var planned = CollectionPlan.Select(check, CollectionMode.All, "CRY-01/history");
        var outcome = Assert.Single(EvidenceCollection.Run(programme.Root, check.Programme, planned, () => Now, _ => null));

        Assert.True(outcome.Collected, outcome.Run.Message);
        Assert.Equal("evidence/cry-01/history/git-history-2026-11-01.json", outcome.Stored!.Artifact);
        var bytes = File.ReadAllBytes(Path.Combine(programme.Root, outcome.Stored.Artifact));
        using var report = JsonDocument.Parse(bytes);
        Assert.Equal("main", report.RootElement.GetProperty("branch").GetString());
        Assert.Equal("2026-10-02", report.RootElement.GetProperty("from").GetString());

        var alice = CommitBySubject(report, "Signed by alice").GetProperty("signature");
        Assert.Equal("ssh", alice.GetProperty("kind").GetString());
        Assert.Equal("verified", alice.GetProperty("state").GetString());
        Assert.Equal("alice@acme.example", alice.GetProperty("principal").GetString());
        Assert.Equal("unknown-signer", CommitBySubject(report, "Signed by mallory").GetProperty("signature").GetProperty("state").GetString());
        Assert.Equal("unsigned", CommitBySubject(report, "Push straight to main").GetProperty("signature").GetProperty("state").GetString());

        Assert.Equal("pull-request-merge", CommitBySubject(report, "Merge pull request #12 from acme/feature").GetProperty("change").GetString());
        Assert.Equal("in-merged-branch", CommitBySubject(report, "Feature work").GetProperty("change").GetString());
        Assert.Equal("merge-without-pull-request", CommitBySubject(report, "Merge branch 'hotfix'").GetProperty("change").GetString());
        Assert.Equal("squashed-pull-request", CommitBySubject(report, "Tidy the README (#14)").GetProperty("change").GetString());
        var direct = CommitBySubject(report, "Push straight to main");
        Assert.Equal("direct-commit", direct.GetProperty("change").GetString());
        Assert.True(direct.GetProperty("bypassed_review").GetBoolean());
        Assert.False(CommitBySubject(report, "Merge pull request #12 from acme/feature").GetProperty("bypassed_review").GetBoolean());

        var committers = report.RootElement.GetProperty("committers").EnumerateArray().Select(c => c.GetProperty("email").GetString()).ToList();
        Assert.Equal(new[] { "alice@acme.example", "author@acme.example", "mallory@acme.example" }, committers);
        Assert.Equal("git-history", Assert.Single(AuditLog.ForRoot(programme.Root).Read()).Field("method") is { } method ? method["builtin:".Length..] : null);

        // Deterministic: the same history and day give the same bytes.
        var again = Compliance.Engine.Collection.Builtin.GitHistoryCollector.Collect(programme.Root, planned[0], Now);
        Assert.Equal(bytes, Assert.Single(again.Artifacts).Content);
    }

    [Fact]
    public void Git_history_without_allowed_signers_reports_a_signature_as_signed_not_verified()
    {
        using var programme = new TestProgramme(git: true);
        var keys = Directory.CreateTempSubdirectory("sshkeys-").FullName;
        KeyGen(Path.Combine(keys, "alice"));
        var controls = Path.Combine(programme.Root, "controls/controls.yaml");
        File.WriteAllText(controls, File.ReadAllText(controls) + """
                  - id: history
                    description: History.
                    collection: automated
                    freshness_days: 30
                    collector:
                      builtin: git-history

            """);
        programme.Git("add", "-A");
        programme.Git(At("2026-10-27T09:00:00Z"), "-c", "gpg.format=ssh", "-c", $"user.signingkey={keys}/alice.pub", "commit", "-q", "-S", "-m", "Signed");

        var check = programme.Check(DateOnly.FromDateTime(Now.UtcDateTime));
        var planned = CollectionPlan.Select(check, CollectionMode.All, "CRY-01/history");
        var result = Compliance.Engine.Collection.Builtin.GitHistoryCollector.Collect(programme.Root, planned[0], Now);

        using var report = JsonDocument.Parse(Assert.Single(result.Artifacts).Content);
        Assert.Equal("signed-not-verified", CommitBySubject(report, "Signed").GetProperty("signature").GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, report.RootElement.GetProperty("allowed_signers").ValueKind);
    }

    [Fact]
    public void Git_history_of_a_branch_that_does_not_exist_fails_with_its_name()
    {
        using var programme = new TestProgramme(git: true);
        var controls = Path.Combine(programme.Root, "controls/controls.yaml");
        File.WriteAllText(controls, File.ReadAllText(controls) + """
                  - id: history
                    description: History.
                    collection: automated
                    freshness_days: 30
                    collector:
                      builtin: git-history
                      branch: release

            """);

        var check = programme.Check(DateOnly.FromDateTime(Now.UtcDateTime));
        var planned = CollectionPlan.Select(check, CollectionMode.All, "CRY-01/history");
        var outcome = Assert.Single(EvidenceCollection.Run(programme.Root, check.Programme, planned, () => Now, _ => null));

        Assert.Equal(CollectorFailure.BuiltinFailed, outcome.Run.Failure);
        Assert.Contains("'release'", outcome.Run.Message);
    }
}
