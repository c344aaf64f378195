using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Compliance.Engine.Audit;
using Compliance.Engine.Audit.History;

namespace Compliance.Engine.Tests.AuditTrail;

/// <summary>
/// A log of 100,000 events (the bad-input size, ~27 MB): it verifies, with its committed history, an
/// append lands on it, and one edited event deep inside is found at its line, within seconds and without a crash.
/// </summary>
public sealed class LargeAuditLogTests : IDisposable
{
    private const int Events = 100_000;
    private static readonly DateTimeOffset Start = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    // Built once for both tests (each still commits it into a repository of its own).
    private static readonly Lazy<(string Text, string Head)> Chain = new(() =>
    {
        // Chained directly: appending one by one would re-read the growing log 100,000 times.
        var text = new StringBuilder();
        var previous = AuditEvent.Genesis;
        AuditEvent? last = null;
        for (var seq = 1; seq <= Events; seq++)
        {
            last = AuditEvent.Create(seq, Start.AddSeconds(seq), "backup-restored", "job:backup", null, new Dictionary<string, string> { ["n"] = seq.ToString(System.Globalization.CultureInfo.InvariantCulture) }, previous, "e" + seq);
            text.Append(last.ToLine()).Append('\n');
            previous = last.Hash;
        }

        return (text.ToString(), AuditLogText.Head(last!));
    });

    private readonly TestProgramme _programme = new();

    public LargeAuditLogTests()
    {
        _programme.Write(AuditLog.DefaultPath, Chain.Value.Text);
        _programme.Write(AuditLog.DefaultPath + ".head", Chain.Value.Head);
        _programme.Commit("100,000 audit events", "2026-10-27T10:00:00Z");
    }

    private AuditLog Log => AuditLog.ForRoot(_programme.Root);

    private AuditVerification Verify() => AuditLogSource.For(_programme.Root, null).Verify().Result;

    [Fact]
    public void A_log_of_100000_events_verifies_with_its_history_and_takes_an_append()
    {
        var committed = Verify();
        var appended = Log.Append("deploy", "alice@acme.example", null, new Dictionary<string, string>(), () => Start.AddDays(30));
        var after = Verify();

        Assert.True(committed.Valid, committed.Message);
        Assert.Equal(Events, committed.Events);
        Assert.Equal(AuditHistoryState.Extends, committed.History!.State);
        Assert.Equal(Events + 1, appended.Seq);
        Assert.True(after.Valid, after.Message);
        Assert.Equal(Events + 1, after.Events);
    }

    [Fact]
    public void One_edited_event_deep_in_a_log_of_100000_events_is_found_at_its_line()
    {
        var lines = File.ReadAllLines(Log.Path);
        lines[69_999] = lines[69_999].Replace("job:backup", "job:backuq", StringComparison.Ordinal);
        File.WriteAllText(Log.Path, string.Join("\n", lines) + "\n");

        var result = Verify();

        Assert.False(result.Valid);
        Assert.Equal(AuditProblem.Tampered, result.Problem);
        Assert.Equal(70_000, result.Line);
    }

    public void Dispose() => _programme.Dispose();
}
