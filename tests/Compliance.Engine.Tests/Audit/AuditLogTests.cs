using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Compliance.Engine.Audit;

namespace Compliance.Engine.Tests;

public class AuditLogTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "compliance-audit-" + Guid.NewGuid().ToString("N"));

    public AuditLogTests() => Directory.CreateDirectory(_folder);

    private AuditLog Log => new(Path.Combine(_folder, "audit-log.jsonl"));

    private static Func<DateTimeOffset> At(int minute) => () => new DateTimeOffset(2026, 10, 1, 12, minute, 0, TimeSpan.Zero);

    private AuditLog Seeded(int events = 5)
    {
        var log = Log;
        for (var i = 1; i <= events; i++)
        {
            log.Append("deploy", "alice@acme.example", "sha256:" + new string((char)('a' + i), 64), new Dictionary<string, string> { ["n"] = i.ToString() }, At(i));
        }

        return log;
    }

    private string[] Lines => File.ReadAllLines(Log.Path);

    private void Rewrite(IEnumerable<string> lines) => File.WriteAllText(Log.Path, string.Join("\n", lines) + "\n");

    [Fact]
    public void Events_chain_their_hashes_and_carry_time_and_actor()
    {
        var log = Seeded(3);
        var events = log.Read();

        Assert.Equal(new long[] { 1, 2, 3 }, events.Select(e => e.Seq));
        Assert.Equal(AuditEvent.Genesis, events[0].Prev);
        Assert.Equal(events[0].Hash, events[1].Prev);
        Assert.Equal(events[1].Hash, events[2].Prev);
        Assert.Equal("alice@acme.example", events[2].Actor);
        Assert.Equal(new DateTimeOffset(2026, 10, 1, 12, 3, 0, TimeSpan.Zero), events[2].Time);
        Assert.True(log.Verify().Valid);
    }

    [Fact]
    public void Many_parallel_appends_neither_corrupt_nor_interleave()
    {
        var log = Log;
        Parallel.For(0, 64, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            new AuditLog(log.Path).Append("evidence-collected", $"job:collector-{i}", null, new Dictionary<string, string> { ["i"] = i.ToString() }, At(i % 60)));

        var verification = log.Verify();
        Assert.True(verification.Valid, verification.Message);
        Assert.Equal(64, verification.Events);
        Assert.Equal(64, log.Read().Select(e => e.Field("i")).Distinct().Count());
    }

    [Fact]
    public void An_edited_event_is_named_by_line()
    {
        Seeded();
        var lines = Lines;
        lines[2] = lines[2].Replace("alice@acme.example", "mallory@acme.example");
        Rewrite(lines);

        var result = Log.Verify();
        Assert.Equal((AuditProblem.Tampered, 3), (result.Problem, result.Line));
        Assert.Equal("Line 3 (seq 3) was edited: its content no longer matches its hash.", result.Message);
    }

    [Fact]
    public void A_whitespace_edit_is_an_edit()
    {
        Seeded();
        var lines = Lines;
        lines[1] = lines[1].Replace(",\"type\"", ", \"type\"");
        Rewrite(lines);

        Assert.Equal((AuditProblem.Tampered, 2), (Log.Verify().Problem, Log.Verify().Line));
    }

    [Fact]
    public void A_deleted_event_is_named_by_line()
    {
        Seeded();
        Rewrite(Lines.Where((_, i) => i != 1));

        var result = Log.Verify();
        Assert.Equal((AuditProblem.Tampered, 2), (result.Problem, result.Line));
        Assert.Contains("does not follow line 1", result.Message);
    }

    [Fact]
    public void Reordered_events_are_named_by_line()
    {
        Seeded();
        var lines = Lines;
        (lines[3], lines[4]) = (lines[4], lines[3]);
        Rewrite(lines);

        Assert.Equal((AuditProblem.Tampered, 4), (Log.Verify().Problem, Log.Verify().Line));
    }

    [Fact]
    public void A_truncated_log_is_detected_through_its_head()
    {
        Seeded();
        Rewrite(Lines.Take(3));

        var result = Log.Verify();
        Assert.Equal((AuditProblem.Truncated, 4), (result.Problem, result.Line));
        Assert.Equal("The log ends after seq 3, but its head file records seq 5: 2 event(s) were cut off the end.", result.Message);
    }

    [Fact]
    public void A_log_without_its_head_cannot_rule_out_truncation()
    {
        Seeded();
        File.Delete(Log.HeadPath);

        Assert.Equal(AuditProblem.Truncated, Log.Verify().Problem);
    }

    [Fact]
    public void A_log_that_differs_from_its_committed_prefix_was_rewritten()
    {
        var log = Seeded(3);
        var committed = File.ReadAllText(log.Path);
        Assert.True(log.Verify(committed).Valid);

        log.Append("deploy", "alice@acme.example", null, new Dictionary<string, string>(), At(9));
        Assert.True(log.Verify(committed).Valid);

        // Rebuild a different, internally consistent log: only the committed prefix shows the rewrite.
        File.Delete(log.Path);
        File.Delete(log.HeadPath);
        var forged = Log;
        for (var i = 1; i <= 4; i++)
        {
            forged.Append("deploy", "mallory@acme.example", null, new Dictionary<string, string>(), At(i));
        }

        var result = forged.Verify(committed);
        Assert.Equal(AuditProblem.Rewritten, result.Problem);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
