using System;
using System.IO;
using System.Linq;
using Compliance.Cli;
using Compliance.Cli.Commands;

namespace Compliance.Engine.Tests.AuditTrail;

public class SharedLogTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 9, 30, 0, TimeSpan.Zero);

    private static (int Exit, string Output, string Errors) Audit(string root, params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var exit = AuditCommand.Run(args.Concat(new[] { "--root", root }).ToArray(), output, () => Now, errors);
        return (exit, output.ToString(), errors.ToString());
    }

    private static (int Exit, string Output, string Errors) Push(string root, string id, string type = "backup-restored") =>
        Audit(root, "append", "--type", type, "--actor", "job:ci", "--field", "n=" + id, "--id", id, "--push");

    [Fact]
    public void A_pushed_event_lands_on_the_ref_of_the_remote_and_not_in_the_work_tree()
    {
        using var remote = new SharedLogRemote();
        var runner = remote.Clone();

        var (exit, output, _) = Push(runner, "run-1");

        Assert.Equal(0, exit);
        Assert.Contains("id run-1 to refs/heads/compliance-audit on origin after 1 attempt(s)", output);
        Assert.Equal(new[] { "run-1" }, remote.RemoteEvents().Select(e => e.Id));
        Assert.True(remote.VerifyRemote().Valid);
        Assert.False(File.Exists(Path.Combine(runner, "evidence/audit/audit-log.jsonl")));
    }

    [Fact]
    public void Runners_with_stale_clones_append_on_top_of_each_other()
    {
        using var remote = new SharedLogRemote();
        var first = remote.Clone();
        var second = remote.Clone();

        Assert.Equal(0, Push(first, "a").Exit);
        Assert.Equal(0, Push(second, "b").Exit);
        Assert.Equal(0, Push(first, "c").Exit);

        Assert.Equal(new[] { "a", "b", "c" }, remote.RemoteEvents().Select(e => e.Id));
        Assert.Equal(new long[] { 1, 2, 3 }, remote.RemoteEvents().Select(e => e.Seq));
        Assert.True(remote.VerifyRemote().Valid);
    }

    [Fact]
    public void Retrying_an_event_whose_push_already_landed_does_not_add_it_twice()
    {
        using var remote = new SharedLogRemote();
        var runner = remote.Clone();
        var other = remote.Clone();
        Assert.Equal(0, Push(runner, "deploy-42").Exit);
        Assert.Equal(0, Push(other, "other").Exit);

        var (exit, output, _) = Push(other, "deploy-42");

        Assert.Equal(0, exit);
        Assert.Contains("already landed", output);
        Assert.Equal(new[] { "deploy-42", "other" }, remote.RemoteEvents().Select(e => e.Id));
    }

    [Fact]
    public void A_remote_that_refuses_the_push_for_another_reason_is_a_clear_error_tried_once()
    {
        using var remote = new SharedLogRemote();
        var hook = Path.Combine(remote.Bare, "hooks", "pre-receive");
        var counter = Path.Combine(remote.Bare, "pushes-seen");
        File.WriteAllText(hook, $"#!/bin/sh\necho seen >> '{counter}'\necho 'permission denied to job:ci' >&2\nexit 1\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(hook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var runner = remote.Clone();

        var (exit, output, _) = Push(runner, "denied");

        Assert.Equal(1, exit);
        Assert.Contains("error CMP2207", output);
        Assert.Contains("retrying cannot fix that", output);
        Assert.Contains("pre-receive hook declined", output);
        Assert.Single(File.ReadAllLines(counter));
        Assert.Null(remote.RemoteLog());
    }

    [Fact]
    public void Verify_and_query_read_the_log_from_the_ref_after_a_plain_fetch()
    {
        using var remote = new SharedLogRemote();
        Assert.Equal(0, Push(remote.Clone(), "one").Exit);
        Assert.Equal(0, Push(remote.Clone(), "two", type: "deploy-reviewed").Exit);
        var auditor = remote.Clone();

        var verify = Audit(auditor, "verify");
        var query = Audit(auditor, "query", "--type", "deploy-reviewed");

        Assert.Equal(0, verify.Exit);
        Assert.Equal("refs/heads/compliance-audit:audit-log.jsonl: 2 event(s), hash chain intact.", verify.Output.Trim());
        Assert.Equal(0, query.Exit);
        Assert.StartsWith("1 event(s)", query.Output);
        Assert.Contains("n=two", query.Output);
    }

    [Fact]
    public void A_programme_that_names_a_ref_the_clone_lacks_fails_verification_and_the_build()
    {
        using var remote = new SharedLogRemote();
        var runner = remote.Clone();

        var verify = Audit(runner, "verify");
        var build = ComplianceCheck.Run(new CheckOptions(runner, TestProgramme.AsOf));

        Assert.Equal(1, verify.Exit);
        Assert.StartsWith("refs/heads/compliance-audit:audit-log.jsonl(1,1): error CMP2205: The programme keeps its audit log on refs/heads/compliance-audit, but this clone has neither it nor refs/remotes/origin/compliance-audit.", verify.Output);
        Assert.Contains(build.Findings, f => f.RuleId == "CMP2205");
    }

    [Fact]
    public void A_ref_that_holds_something_other_than_a_log_is_refused_by_append_and_verify()
    {
        using var remote = new SharedLogRemote();
        var runner = remote.Clone();
        SharedLogRemote.Run(runner, "push", "-q", "origin", "main:" + SharedLogRemote.LogRef);
        SharedLogRemote.Run(runner, "fetch", "-q", "origin");

        var append = Push(runner, "x");
        var verify = Audit(runner, "verify");

        Assert.Equal(1, append.Exit);
        Assert.Contains("error CMP2207", append.Output);
        Assert.Contains("holds no audit-log.jsonl, so it is not an audit log", append.Output);
        Assert.Equal(1, verify.Exit);
        Assert.Contains("error CMP2205", verify.Output);
    }

    [Fact]
    public void Push_without_a_ref_in_the_programme_is_a_usage_error()
    {
        using var programme = new TestProgramme();

        var error = Assert.Throws<UsageException>(() => Audit(programme.Root, "append", "--type", "x", "--actor", "job:ci", "--push"));

        Assert.Contains("audit_log: { ref: refs/heads/compliance-audit }", error.Message);
    }

    [Fact]
    public void The_gate_records_its_decision_on_the_shared_ref_with_push()
    {
        using var remote = new SharedLogRemote();
        var runner = remote.Clone();
        var output = new StringWriter();

        var exit = GateCommand.Run(new[] { "--actor", "alice@acme.example", "--runner", "prod", "--root", runner, "--push", "--id", "gate-1" }, new StringReader(string.Empty), output, () => Now);

        Assert.Equal(1, exit); // no runner is declared, so the gate denies; the decision is recorded all the same.
        Assert.Contains("in refs/heads/compliance-audit on origin", output.ToString());
        Assert.Equal("gate-decision", Assert.Single(remote.RemoteEvents()).Type);
    }
}
