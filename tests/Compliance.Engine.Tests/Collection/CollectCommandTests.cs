using System;
using System.IO;
using System.Linq;
using Compliance.Cli.Commands;

namespace Compliance.Engine.Tests.Collection;

public class CollectCommandTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    private static TestProgramme WithCollector(string body)
    {
        var programme = new TestProgramme(git: false);
        var path = programme.Write("scripts/collect.sh", "#!/bin/sh\n" + body);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        CollectorProgramme.Declare(programme, "[scripts/collect.sh]");
        programme.Git("init", "-q", "-b", "main");
        programme.Commit("Programme with a collector", "2026-10-25T10:00:00Z");
        return programme;
    }

    private static (int Exit, string Output) Collect(TestProgramme programme, params string[] args)
    {
        var output = new StringWriter();
        var exit = CollectCommand.Run(args.Concat(new[] { "--root", programme.Root }).ToArray(), output, () => Now, _ => null);
        return (exit, output.ToString());
    }

    [Fact]
    public void Dry_run_lists_what_would_run_and_why_and_runs_nothing()
    {
        using var programme = WithCollector("printf 'x\\n'");

        var (exit, output) = Collect(programme, "--all", "--dry-run");

        Assert.Equal(0, exit);
        Assert.Contains("would run CRY-01/kms-keys: job:kms-export scripts/collect.sh (evidence Fresh, not due)", output);
        Assert.False(File.Exists(Path.Combine(programme.Root, "evidence/cry-01/kms-keys/kms-2026-11-01.json")));
    }

    [Fact]
    public void Commit_makes_one_commit_listing_what_was_collected()
    {
        using var programme = WithCollector("printf 'x\\n'");
        programme.Git("config", "user.name", "Collector Job");
        programme.Git("config", "user.email", "collect@acme.example");

        var (exit, output) = Collect(programme, "--all", "--commit");

        Assert.Equal(0, exit);
        Assert.Contains("committed ", output);
        var message = programme.Git("log", "-1", "--format=%B");
        Assert.Contains("Collect evidence: 1 artifact(s)", message);
        Assert.Contains("- evidence/cry-01/kms-keys/kms-2026-11-01.json (job:kms-export, Fresh, audit event 1)", message);
        // Everything collected is committed; only the audit log's lock file (never evidence) stays untracked.
        Assert.Equal("?? evidence/audit/audit-log.jsonl.lock", programme.Git("status", "--porcelain").Trim());
    }

    [Fact]
    public void Collect_refuses_to_run_on_a_branch_other_than_the_default()
    {
        using var programme = WithCollector("printf 'x\\n' > /dev/null; printf 'ran\\n'");
        programme.Git("checkout", "-q", "-b", "feature");

        var (exit, output) = Collect(programme, "--all");

        Assert.Equal(1, exit);
        Assert.Contains("collect runs only on the default branch 'main', not on 'feature'", output);
        Assert.False(File.Exists(Path.Combine(programme.Root, "evidence/cry-01/kms-keys/kms-2026-11-01.json")));
    }

    [Fact]
    public void A_failing_collector_exits_one_with_its_error()
    {
        using var programme = WithCollector("echo 'no token' >&2; exit 3");

        var (exit, output) = Collect(programme, "--all");

        Assert.Equal(1, exit);
        Assert.Contains("compliance: error: collector job:kms-export for CRY-01/kms-keys failed (NonZeroExit): the command exited with 3. Its error output: no token", output);
    }

    [Fact]
    public void A_changed_collector_command_is_called_out_by_the_check()
    {
        using var programme = WithCollector("printf 'x\\n'");
        Assert.DoesNotContain(TestProgramme.Lines(programme.Check(), "CMP10"), l => l.Contains("CMP1004"));

        CollectorProgramme.Declare(programme, "[scripts/collect.sh, --exfiltrate]");

        var line = Assert.Single(TestProgramme.Lines(programme.Check(), "CMP10"), l => l.Contains("CMP1004"));
        Assert.Contains("changed since HEAD: it ran [scripts/collect.sh] as job:kms-export with env []; it will run [scripts/collect.sh, --exfiltrate]", line);
        Assert.StartsWith("controls/controls.yaml(", line);
    }
}
