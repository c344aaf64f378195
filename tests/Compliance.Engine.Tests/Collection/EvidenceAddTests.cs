using System;
using System.IO;
using System.Linq;
using System.Threading;
using Compliance.Cli.Commands;
using Compliance.Engine.Audit;
using Compliance.Engine.Collection;
using Compliance.Engine.Loading;

namespace Compliance.Engine.Tests.Collection;

public sealed class EvidenceAddTests : IDisposable
{
    // The sources come from outside the programme, as a collected file would: one folder per test, removed after it.
    private readonly string _sources = Directory.CreateTempSubdirectory("compliance-evidence-add-").FullName;
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    private static EvidenceAddResult Add(TestProgramme programme, string source, string control = "CRY-01", string requirement = "kms-keys", string? collectedOn = null, string? collector = "alice", string? name = null) =>
        EvidenceAddition.Add(
            new EvidenceAddRequest(programme.Root, source, control, requirement, collectedOn is null ? null : DateOnly.Parse(collectedOn), collector, "Key inventory: 3 keys", name),
            ProgrammeLoader.Load(programme.Root),
            () => Now);

    public void Dispose() => Directory.Delete(_sources, recursive: true);

    private string Source(TestProgramme programme, string content = "{\"keys\": 4}\n")
    {
        var path = Path.Combine(_sources, $"source-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Add_stores_artifact_and_sidecar_that_the_check_accepts_and_records_an_audit_event()
    {
        using var programme = new TestProgramme(git: false);
        var result = Add(programme, Source(programme), name: "kms-2026-11-01.json");

        Assert.True(result.Added, result.Message);
        Assert.Equal("evidence/cry-01/kms-keys/kms-2026-11-01.json", result.Stored!.Artifact);
        var check = programme.Check();
        var status = Assert.Single(check.Evidence);
        Assert.Equal("evidence/cry-01/kms-keys/kms-2026-11-01.json", status.Latest!.Path.Relative);
        Assert.True(status.Latest.HashMatches);
        Assert.DoesNotContain(TestProgramme.Lines(check), l => l.Contains("error"));
        var recorded = Assert.Single(AuditLog.ForRoot(programme.Root).Read());
        Assert.Equal(AuditEventTypes.EvidenceCollected, recorded.Type);
        Assert.Equal("alice", recorded.Actor);
        Assert.Equal("evidence-add", recorded.Field("method"));
        Assert.Equal("sha256:" + result.Stored.Sha256, recorded.Artifact);
    }

    [Fact]
    public void Add_refuses_an_existing_artifact_and_leaves_it_unchanged()
    {
        using var programme = new TestProgramme(git: false);
        var before = File.ReadAllText(Path.Combine(programme.Root, "evidence/cry-01/kms-keys/kms-2026-10-20.json"));

        var result = Add(programme, Source(programme, "replaced"), name: "kms-2026-10-20.json");

        Assert.Equal(EvidenceAddRefusal.ArtifactExists, result.Refusal);
        Assert.Equal(before, File.ReadAllText(Path.Combine(programme.Root, "evidence/cry-01/kms-keys/kms-2026-10-20.json")));
        AssertNoStagingLeft(programme);
    }

    [Theory]
    [InlineData("NOPE-01", "kms-keys", EvidenceAddRefusal.UnknownControl)]
    [InlineData("CRY-01", "no-such-requirement", EvidenceAddRefusal.UnknownRequirement)]
    public void Add_refuses_an_unknown_control_or_requirement(string control, string requirement, EvidenceAddRefusal expected)
    {
        using var programme = new TestProgramme(git: false);
        var result = Add(programme, Source(programme), control, requirement);

        Assert.Equal(expected, result.Refusal);
        Assert.False(Directory.Exists(Path.Combine(programme.Root, "evidence/nope-01")));
    }

    [Theory]
    [InlineData("bob", EvidenceAddRefusal.CollectorNotActive)]
    [InlineData("mallory", EvidenceAddRefusal.UnknownCollector)]
    [InlineData("job:not-declared", EvidenceAddRefusal.UndeclaredJob)]
    [InlineData(null, EvidenceAddRefusal.CollectorRequired)]
    public void Add_refuses_a_collector_that_is_not_an_active_person_or_declared_job(string? collector, EvidenceAddRefusal expected)
    {
        using var programme = new TestProgramme(git: false);
        var result = Add(programme, Source(programme), collector: collector, name: "new.json");

        Assert.Equal(expected, result.Refusal);
        Assert.False(File.Exists(Path.Combine(programme.Root, "evidence/cry-01/kms-keys/new.json")));
        Assert.Empty(AuditLog.ForRoot(programme.Root).Read());
    }

    [Fact]
    public void Add_accepts_a_revoked_person_for_a_day_before_the_revocation_and_a_declared_job()
    {
        using var programme = new TestProgramme(git: false);
        Assert.True(Add(programme, Source(programme), collector: "bob", collectedOn: "2026-06-29", name: "old.json").Added);
        Assert.Equal(EvidenceAddRefusal.CollectorNotActive, Add(programme, Source(programme), collector: "bob", collectedOn: "2026-06-30", name: "day-of.json").Refusal);

        CollectorProgramme.Declare(programme, "[/bin/true]");
        Assert.True(Add(programme, Source(programme), collector: "job:kms-export", name: "job.json").Added);
    }

    [Fact]
    public void Add_refuses_collected_on_after_today_by_the_clock_and_accepts_today()
    {
        using var programme = new TestProgramme(git: false);
        Assert.Equal(EvidenceAddRefusal.CollectedInFuture, Add(programme, Source(programme), collectedOn: "2026-11-02", name: "tomorrow.json").Refusal);
        Assert.True(Add(programme, Source(programme), collectedOn: "2026-11-01", name: "today.json").Added);
    }

    [Fact]
    public void Add_refuses_a_symbolic_link_a_device_and_a_folder_as_source()
    {
        using var programme = new TestProgramme(git: false);
        var target = Source(programme);
        var link = Path.Combine(_sources, $"link-{Guid.NewGuid():N}.json");
        File.CreateSymbolicLink(link, target);

        Assert.Equal(EvidenceAddRefusal.SourceNotRegularFile, Add(programme, link, name: "a.json").Refusal);
        Assert.Equal(EvidenceAddRefusal.SourceNotRegularFile, Add(programme, _sources, name: "b.json").Refusal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(EvidenceAddRefusal.SourceNotRegularFile, Add(programme, "/dev/null", name: "c.json").Refusal);
        }

        Assert.Equal(EvidenceAddRefusal.SourceMissing, Add(programme, target + ".missing", name: "d.json").Refusal);
        Assert.Single(Directory.GetFiles(Path.Combine(programme.Root, "evidence/cry-01/kms-keys"), "*.json"));
    }

    [Fact]
    public void Add_refuses_a_name_that_is_a_path_or_a_sidecar()
    {
        using var programme = new TestProgramme(git: false);
        Assert.Equal(EvidenceAddRefusal.InvalidName, Add(programme, Source(programme), name: "../escape.json").Refusal);
        Assert.Equal(EvidenceAddRefusal.InvalidName, Add(programme, Source(programme), name: "x.evidence.yaml").Refusal);
    }

    [Fact]
    public void Two_concurrent_adds_of_the_same_name_store_exactly_one_intact_artifact()
    {
        using var programme = new TestProgramme(git: false);
        var sources = Enumerable.Range(0, 8).Select(i => Source(programme, new string((char)('a' + i), 100_000))).ToArray();
        using var start = new Barrier(sources.Length);

        var programmeModel = ProgrammeLoader.Load(programme.Root);
        var results = new EvidenceAddResult[sources.Length];
        var threads = sources.Select((source, i) => new Thread(() =>
        {
            start.SignalAndWait();
            results[i] = EvidenceAddition.Add(new EvidenceAddRequest(programme.Root, source, "CRY-01", "kms-keys", null, "alice", null, "race.json"), programmeModel, () => Now);
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        var winner = Assert.Single(results, r => r.Added);
        Assert.All(results.Where(r => !r.Added), r => Assert.Equal(EvidenceAddRefusal.ArtifactExists, r.Refusal));
        var stored = File.ReadAllText(Path.Combine(programme.Root, winner.Stored!.Artifact));
        Assert.Equal(winner.Stored.Sha256, EvidenceStore.Sha256Hex(System.Text.Encoding.UTF8.GetBytes(stored)));
        Assert.Contains(sources, s => File.ReadAllText(s) == stored);
        Assert.Single(AuditLog.ForRoot(programme.Root).Read());
        AssertNoStagingLeft(programme);
        Assert.DoesNotContain(TestProgramme.Lines(programme.Check()), l => l.Contains("error"));
    }

    [Fact]
    public void Evidence_add_command_prints_the_paths_to_commit_and_exits_one_when_refused()
    {
        using var programme = new TestProgramme(git: false);
        var source = Source(programme);
        var output = new StringWriter();

        var exit = EvidenceCommand.Run(new[] { "add", source, "--control", "CRY-01", "--requirement", "kms-keys", "--collector", "alice@acme.example", "--name", "cli.json", "--root", programme.Root }, output, () => Now);
        var again = EvidenceCommand.Run(new[] { "add", source, "--control", "CRY-01", "--requirement", "kms-keys", "--collector", "alice", "--name", "cli.json", "--root", programme.Root }, output, () => Now);

        Assert.Equal(0, exit);
        Assert.Equal(1, again);
        Assert.Contains("  evidence/cry-01/kms-keys/cli.json.evidence.yaml", output.ToString());
        Assert.Contains("refused (ArtifactExists)", output.ToString());
        Assert.Contains("collector: \"alice\"", File.ReadAllText(Path.Combine(programme.Root, "evidence/cry-01/kms-keys/cli.json.evidence.yaml")));
    }

    private static void AssertNoStagingLeft(TestProgramme programme) =>
        Assert.Empty(Directory.GetFiles(Path.Combine(programme.Root, "evidence"), ".staging-*", SearchOption.AllDirectories));
}
