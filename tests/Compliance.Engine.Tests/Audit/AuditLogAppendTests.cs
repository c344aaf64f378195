using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Compliance.Engine.Audit;

namespace Compliance.Engine.Tests;

/// <summary>The append writes at the end of the log; what each point of a crash leaves, and how the next append handles it.</summary>
public class AuditLogAppendTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("compliance-audit-append-").FullName;

    private AuditLog Log => new(Path.Combine(_folder, "audit-log.jsonl"));

    private static Func<DateTimeOffset> At(int minute) => () => new DateTimeOffset(2026, 10, 1, 12, 0, 0, TimeSpan.Zero).AddMinutes(minute);

    private AuditEvent Append(int n, string? id = null) =>
        Log.Append("deploy", "alice@acme.example", null, new Dictionary<string, string> { ["n"] = n.ToString() }, At(n), id: id);

    private void Seed(int events)
    {
        for (var i = 1; i <= events; i++)
        {
            Append(i);
        }
    }

    [Fact]
    public void An_append_extends_the_same_file_in_place_rather_than_replacing_it()
    {
        Seed(3);
        var before = File.ReadAllBytes(Log.Path);
        using var reader = new FileStream(Log.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);

        Append(4);

        // A replaced file would leave this handle on the old content; an in-place append shows it the new line.
        var seen = new StreamReader(reader).ReadToEnd();
        Assert.StartsWith(Encoding.UTF8.GetString(before), seen);
        Assert.Contains("\"seq\":4", seen);
        Assert.True(Log.Verify().Valid);
    }

    [Fact]
    public void A_torn_tail_from_a_crashed_append_is_detected_and_the_next_append_replaces_it_keeping_every_event()
    {
        Seed(3);
        var acknowledged = File.ReadAllText(Log.Path);
        File.AppendAllText(Log.Path, "{\"seq\":4,\"time\":\"2026-10-01T12:0");

        Assert.False(Log.Verify().Valid);
        var appended = Append(4);

        Assert.Equal(4, appended.Seq);
        var text = File.ReadAllText(Log.Path);
        Assert.StartsWith(acknowledged, text);
        Assert.DoesNotContain("12:0\"", text.Substring(acknowledged.Length, 40));
        Assert.Equal(4, Log.Read().Count);
        Assert.True(Log.Verify().Valid);
    }

    [Fact]
    public void A_line_written_before_a_crash_that_kept_the_old_head_is_kept_and_the_head_catches_up()
    {
        Seed(3);
        var oldHead = File.ReadAllText(Log.HeadPath);
        Append(4);
        File.WriteAllText(Log.HeadPath, oldHead);
        Assert.True(Log.Verify().Valid);

        var appended = Append(5);

        Assert.Equal(5, appended.Seq);
        Assert.Equal(5, Log.Read().Count);
        Assert.Contains("\"seq\":5", File.ReadAllText(Log.HeadPath));
        Assert.True(Log.Verify().Valid);
    }

    [Fact]
    public void A_partial_line_where_the_head_records_a_whole_event_is_a_cut_and_nothing_is_appended()
    {
        Seed(3);
        var lines = File.ReadAllLines(Log.Path);
        var cut = string.Join("\n", lines[..2]) + "\n" + lines[2][..20];
        File.WriteAllText(Log.Path, cut);

        Assert.Throws<InvalidDataException>(() => Append(4));
        Assert.Equal(cut, File.ReadAllText(Log.Path));
    }

    [Fact]
    public void A_last_event_without_its_newline_is_kept_and_the_next_event_follows_it()
    {
        Seed(2);
        var text = File.ReadAllText(Log.Path);
        File.WriteAllText(Log.Path, text.TrimEnd('\n'));

        Assert.Equal(3, Append(3).Seq);
        Assert.True(Log.Verify().Valid);
        Assert.Equal(3, File.ReadAllLines(Log.Path).Length);
    }

    [Fact]
    public void An_event_id_is_still_appended_exactly_once_when_it_lies_far_from_the_end()
    {
        Append(1, id: "run-1");
        for (var i = 2; i <= 300; i++)
        {
            Append(i);
        }

        var again = Append(999, id: "run-1");

        Assert.Equal(1, again.Seq);
        Assert.Equal(300, Log.Read().Count);
    }

    [Fact]
    public void The_tail_is_found_when_the_last_event_is_larger_than_the_read_window()
    {
        Seed(2);
        Log.Append("deploy", "alice@acme.example", null, new Dictionary<string, string> { ["big"] = new string('x', 40_000) }, At(3));

        Assert.Equal(4, Append(4).Seq);
        Assert.True(Log.Verify().Valid);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
