using System;
using System.IO;
using System.Linq;
using Compliance.Engine.Audit;
using Compliance.Engine.Checks;
using Compliance.Engine.Collection;

namespace Compliance.Engine.Tests.Collection;

/// <summary>Collectors are real scripts written by the test and run by the real process runner.</summary>
public class CollectorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    private const string Folder = "evidence/cry-01/kms-keys";

    private static void Script(TestProgramme programme, string name, string body)
    {
        var path = programme.Write($"scripts/{name}", "#!/bin/sh\n" + body);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static CollectionOutcome CollectOnce(TestProgramme programme, Func<string, string?>? environment = null)
    {
        var check = programme.Check(DateOnly.FromDateTime(Now.UtcDateTime));
        var planned = CollectionPlan.Select(check, CollectionMode.All, null);
        return Assert.Single(EvidenceCollection.Run(programme.Root, check.Programme, planned, () => Now, environment ?? (_ => null)));
    }

    private static string[] FolderFiles(TestProgramme programme) =>
        Directory.GetFiles(Path.Combine(programme.Root, Folder)).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToArray()!;

    [Fact]
    public void A_succeeding_collector_writes_artifact_sidecar_and_event_that_the_check_accepts()
    {
        using var programme = new TestProgramme(git: false);
        Script(programme, "ok.sh", "printf '{\"keys\": 5}\\n'");
        CollectorProgramme.Declare(programme, "[scripts/ok.sh]");

        var outcome = CollectOnce(programme);

        Assert.True(outcome.Collected, outcome.Run.Message);
        Assert.Equal($"{Folder}/kms-2026-11-01.json", outcome.Stored!.Artifact);
        Assert.Equal("{\"keys\": 5}\n", File.ReadAllText(Path.Combine(programme.Root, outcome.Stored.Artifact)));
        var recorded = Assert.Single(AuditLog.ForRoot(programme.Root).Read());
        Assert.Equal("job:kms-export", recorded.Actor);
        Assert.Equal("[\"scripts/ok.sh\"]", recorded.Field("command"));
        var check = programme.Check(new DateOnly(2026, 11, 1));
        Assert.Equal(EvidenceState.Fresh, Assert.Single(check.Evidence).State);
        Assert.Equal($"{Folder}/kms-2026-11-01.json", check.Evidence[0].Latest!.Path.Relative);
        Assert.DoesNotContain(TestProgramme.Lines(check), l => l.Contains("error"));
    }

    [Fact]
    public void A_collector_that_writes_its_output_file_produces_the_artifact()
    {
        using var programme = new TestProgramme(git: false);
        Script(programme, "to-file.sh", "printf 'from file\\n' > \"$1\"");
        CollectorProgramme.Declare(programme, "[scripts/to-file.sh, \"{output}\"]");

        var outcome = CollectOnce(programme);

        Assert.True(outcome.Collected, outcome.Run.Message);
        Assert.Equal("from file\n", File.ReadAllText(Path.Combine(programme.Root, outcome.Stored!.Artifact)));
    }

    [Fact]
    public void A_collector_that_exits_3_fails_and_leaves_nothing_behind()
    {
        using var programme = new TestProgramme(git: false);
        Script(programme, "fail.sh", "printf 'partial'\necho 'token expired' >&2\nexit 3");
        CollectorProgramme.Declare(programme, "[scripts/fail.sh]");
        var before = FolderFiles(programme);

        var outcome = CollectOnce(programme);

        Assert.Equal(CollectorFailure.NonZeroExit, outcome.Run.Failure);
        Assert.Equal(3, outcome.Run.ExitCode);
        Assert.Equal("token expired", outcome.Run.ErrorOutput);
        Assert.Equal(before, FolderFiles(programme));
        Assert.Empty(AuditLog.ForRoot(programme.Root).Read());
    }

    [Fact]
    public void A_collector_that_sleeps_past_its_limit_is_stopped_and_leaves_nothing_behind()
    {
        using var programme = new TestProgramme(git: false);
        Script(programme, "slow.sh", "printf 'started'\n/bin/sleep 30");
        CollectorProgramme.Declare(programme, "[scripts/slow.sh]", timeoutSeconds: 1);
        var before = FolderFiles(programme);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var outcome = CollectOnce(programme);

        Assert.Equal(CollectorFailure.TimedOut, outcome.Run.Failure);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
        Assert.Equal(before, FolderFiles(programme));
    }

    [Fact]
    public void A_collector_that_prints_100_MiB_is_stopped_at_the_limit_and_leaves_nothing_behind()
    {
        using var programme = new TestProgramme(git: false);
        Script(programme, "huge.sh", "/usr/bin/head -c 104857600 /dev/zero");
        CollectorProgramme.Declare(programme, "[scripts/huge.sh]");
        var before = FolderFiles(programme);

        var outcome = CollectOnce(programme);

        Assert.Equal(CollectorFailure.OutputTooLarge, outcome.Run.Failure);
        Assert.True(outcome.Run.OutputBytes <= CollectorLimits.MaxOutputBytes + (1 << 16));
        Assert.Equal(before, FolderFiles(programme));
    }

    [Fact]
    public void A_collector_whose_output_lands_outside_evidence_is_refused_and_the_outside_file_is_untouched()
    {
        using var programme = new TestProgramme(git: false);
        var outside = programme.Write("outside.txt", "not evidence");
        Script(programme, "escape.sh", $"/bin/ln -s '{outside}' \"$1\"");
        CollectorProgramme.Declare(programme, "[scripts/escape.sh, \"{output}\"]");
        var before = FolderFiles(programme);

        var outcome = CollectOnce(programme);

        Assert.Equal(CollectorFailure.OutputOutsideEvidence, outcome.Run.Failure);
        Assert.Equal(before, FolderFiles(programme));
        Assert.Equal("not evidence\n", File.ReadAllText(outside));
    }

    [Fact]
    public void An_output_name_that_is_a_path_is_a_finding_and_no_collector_is_declared()
    {
        using var programme = new TestProgramme(git: false);
        CollectorProgramme.Declare(programme, "[scripts/ok.sh]", output: "../../../outside-{date}.json");

        var check = programme.Check();

        Assert.Contains(TestProgramme.Lines(check, "CMP0"), l => l.Contains("is not a plain file name"));
        Assert.Empty(CollectionPlan.Select(check, CollectionMode.All, null));
    }

    [Fact]
    public void A_collector_sees_only_the_variables_it_declares()
    {
        using var programme = new TestProgramme(git: false);
        Script(programme, "env.sh", "/usr/bin/env");
        CollectorProgramme.Declare(programme, "[scripts/env.sh]", env: "[DECLARED_TOKEN]");
        Environment.SetEnvironmentVariable("DECLARED_TOKEN", "passed-through");
        Environment.SetEnvironmentVariable("UNDECLARED_SECRET", "must-not-leak");
        try
        {
            var outcome = CollectOnce(programme, Environment.GetEnvironmentVariable);

            Assert.True(outcome.Collected, outcome.Run.Message);
            var artifact = File.ReadAllText(Path.Combine(programme.Root, outcome.Stored!.Artifact));
            Assert.Contains("DECLARED_TOKEN=passed-through", artifact);
            Assert.DoesNotContain("UNDECLARED_SECRET", artifact);
            Assert.DoesNotContain("must-not-leak", artifact);
            Assert.DoesNotContain("PATH=", artifact);
        }
        finally
        {
            Environment.SetEnvironmentVariable("DECLARED_TOKEN", null);
            Environment.SetEnvironmentVariable("UNDECLARED_SECRET", null);
        }
    }

    [Fact]
    public void A_second_run_on_the_same_day_never_overwrites_the_first_artifact()
    {
        using var programme = new TestProgramme(git: false);
        Script(programme, "ok.sh", "printf 'first\\n'");
        CollectorProgramme.Declare(programme, "[scripts/ok.sh]");
        Assert.True(CollectOnce(programme).Collected);
        Script(programme, "ok.sh", "printf 'second\\n'");

        var again = CollectOnce(programme);

        Assert.Equal(CollectorFailure.ArtifactExists, again.Run.Failure);
        Assert.Equal("first\n", File.ReadAllText(Path.Combine(programme.Root, Folder, "kms-2026-11-01.json")));
    }

    [Theory]
    [InlineData("2026-11-05", EvidenceState.Fresh, false)] // 16 days old: 14 days left, not inside the 14-day window
    [InlineData("2026-11-06", EvidenceState.NearlyStale, true)] // 17 days old: 13 days left
    [InlineData("2026-11-19", EvidenceState.NearlyStale, true)] // 30 days old: the last fresh day
    [InlineData("2026-11-20", EvidenceState.Stale, true)] // 31 days old
    public void Due_follows_the_checks_freshness_at_its_boundaries(string asOf, EvidenceState state, bool due)
    {
        using var programme = new TestProgramme(git: false);
        CollectorProgramme.Declare(programme, "[scripts/ok.sh]");

        var check = programme.Check(DateOnly.Parse(asOf));
        var planned = CollectionPlan.Select(check, CollectionMode.Due, null);

        Assert.Equal(state, Assert.Single(check.Evidence).State);
        Assert.Equal(due, planned.Count == 1);
        Assert.Single(CollectionPlan.Select(check, CollectionMode.All, null));
    }

    [Fact]
    public void Due_includes_a_requirement_with_no_evidence_at_all()
    {
        using var programme = new TestProgramme(git: false);
        CollectorProgramme.Declare(programme, "[scripts/ok.sh]");
        programme.Delete($"{Folder}/kms-2026-10-20.json.evidence.yaml");
        programme.Delete($"{Folder}/kms-2026-10-20.json");

        var planned = Assert.Single(CollectionPlan.Select(programme.Check(), CollectionMode.Due, null));

        Assert.Equal(EvidenceState.Missing, planned.State);
    }
}
