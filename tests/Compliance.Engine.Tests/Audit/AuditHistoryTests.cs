using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Compliance.Cli.Commands;
using Compliance.Engine.Audit;
using Compliance.Engine.Audit.History;

namespace Compliance.Engine.Tests.AuditTrail;

/// <summary>
/// Commits that rewrite the log with its head file recomputed to match: the work tree and HEAD agree and
/// the chain verifies, so only the walk over every committed version can see what was removed or changed.
/// </summary>
public class AuditHistoryTests
{
    private static readonly DateTimeOffset Start = new(2026, 10, 1, 9, 0, 0, TimeSpan.Zero);

    private sealed record Entry(string Type, string Actor, string Note);

    private static readonly Entry[] Original =
    {
        new("backup-restored", "job:backup", "one"),
        new("deploy-reviewed", "alice@acme.example", "two"),
        new("backup-restored", "job:backup", "three"),
        new("backup-restored", "job:backup", "four"),
    };

    /// <summary>A programme whose log got its four events over two commits.</summary>
    private static TestProgramme WithCommittedLog()
    {
        var programme = new TestProgramme();
        WriteLog(programme, Original.Take(2).ToArray());
        programme.Commit("Audit events 1-2", "2026-10-26T10:00:00Z");
        WriteLog(programme, Original);
        programme.Commit("Audit events 3-4", "2026-10-27T10:00:00Z");
        return programme;
    }

    /// <summary>Writes a whole, valid chain of these entries, with its head file, as a rewriter would.</summary>
    private static void WriteLog(TestProgramme programme, IReadOnlyList<Entry> entries)
    {
        var text = string.Empty;
        AuditLogText.Appended? last = null;
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            last = AuditLogText.Append(text, e.Type, e.Actor, null, new Dictionary<string, string> { ["note"] = e.Note }, Start.AddHours(Index(e)), "id-" + e.Note);
            text = last.Content;
        }

        programme.Write(AuditLog.DefaultPath, text);
        programme.Write(AuditLog.DefaultPath + ".head", last!.Head);
    }

    private static int Index(Entry entry) => Array.FindIndex(Original, o => o.Note == entry.Note) is var i and >= 0 ? i : 9;

    private static AuditVerification Verify(TestProgramme programme) => AuditLogSource.For(programme.Root, null).Verify().Result;

    private static string Sha(TestProgramme programme) => programme.Git("rev-parse", "HEAD").Trim();

    [Fact]
    public void An_intact_history_of_appends_extends_version_by_version()
    {
        using var programme = WithCommittedLog();

        var result = Verify(programme);

        Assert.True(result.Valid, result.Message);
        Assert.Equal(AuditHistoryState.Extends, result.History!.State);
        Assert.Equal(2, result.History.Versions);
    }

    [Fact]
    public void Commits_that_leave_the_log_alone_add_no_version_to_compare()
    {
        using var programme = WithCommittedLog();
        programme.Write("policies/notes.md", "# Notes\n");
        programme.Commit("Add notes", "2026-10-28T10:00:00Z");
        programme.Write("policies/notes.md", "# Notes, revised\n");
        programme.Commit("Revise notes", "2026-10-29T10:00:00Z");

        var result = Verify(programme);

        Assert.True(result.Valid, result.Message);
        Assert.Equal(2, result.History!.Versions);
    }

    [Fact]
    public void Head_files_laid_out_by_hand_are_read_and_still_judged()
    {
        // Not the bytes an append writes, so the check cannot match the head file by its blob ID and must read it.
        using var programme = new TestProgramme();
        WriteLog(programme, Original.Take(2).ToArray());
        var events = AuditLog.ForRoot(programme.Root).Read();
        programme.Write(AuditLog.DefaultPath + ".head", $"{{ \"seq\": 2, \"hash\": \"{events[1].Hash}\" }}\n");
        programme.Commit("Audit events 1-2", "2026-10-26T10:00:00Z");
        WriteLog(programme, Original);
        programme.Commit("Audit events 3-4", "2026-10-27T10:00:00Z");
        programme.Write(AuditLog.DefaultPath + ".head", $"{{ \"seq\": 3, \"hash\": \"{events[1].Hash}\" }}\n");
        programme.Commit("Hand-edit head", "2026-10-28T10:00:00Z");
        var offending = Sha(programme);
        WriteLog(programme, Original);
        programme.Commit("Restore head", "2026-10-29T10:00:00Z");

        var result = Verify(programme);

        Assert.Equal(AuditProblem.HistoryRewritten, result.Problem);
        Assert.Equal(offending, result.History!.Commit);
        Assert.Equal(AuditHistoryChange.HeadRewritten, result.History.Change);
    }

    [Fact]
    public void Head_files_laid_out_by_hand_that_match_the_log_extend()
    {
        using var programme = new TestProgramme();
        WriteLog(programme, Original.Take(2).ToArray());
        var events = AuditLog.ForRoot(programme.Root).Read();
        programme.Write(AuditLog.DefaultPath + ".head", $"{{ \"seq\": 2, \"hash\": \"{events[1].Hash}\" }}\n");
        programme.Commit("Audit events 1-2", "2026-10-26T10:00:00Z");
        WriteLog(programme, Original);
        programme.Commit("Audit events 3-4", "2026-10-27T10:00:00Z");

        var result = Verify(programme);

        Assert.True(result.Valid, result.Message);
        Assert.Equal(2, result.History!.Versions);
    }

    [Fact]
    public void A_commit_that_truncates_the_log_and_its_head_file_is_named_with_its_author_and_the_first_removed_event()
    {
        using var programme = WithCommittedLog();
        WriteLog(programme, Original.Take(2).ToArray());
        programme.Commit("Tidy the log", "2026-10-28T10:00:00Z");

        var result = Verify(programme);

        Assert.False(result.Valid);
        Assert.Equal(AuditProblem.HistoryRewritten, result.Problem);
        Assert.Equal(Sha(programme), result.History!.Commit);
        Assert.Equal("Test Author <author@acme.example>", result.History.Author);
        Assert.Equal(AuditHistoryChange.Removed, result.History.Change);
        Assert.Equal(3, result.History.FirstChangedSeq);
        Assert.Contains($"Commit {Sha(programme)[..12]} by Test Author <author@acme.example> on 2026-10-28 ('Tidy the log') cut the log from 4 to 2 event(s), removing event seq 3 (id id-three)", result.Message);
    }

    [Fact]
    public void A_commit_that_edits_an_earlier_event_and_rechains_the_rest_is_named()
    {
        using var programme = WithCommittedLog();
        var edited = Original.ToArray();
        edited[1] = edited[1] with { Actor = "mallory@acme.example" };
        WriteLog(programme, edited);
        programme.Commit("Fix actor", "2026-10-28T10:00:00Z");

        var result = Verify(programme);

        Assert.Equal(AuditProblem.HistoryRewritten, result.Problem);
        Assert.Equal(AuditHistoryChange.Edited, result.History!.Change);
        Assert.Equal(2, result.History.FirstChangedSeq);
        Assert.Equal(Sha(programme), result.History.Commit);
    }

    [Fact]
    public void A_commit_that_reorders_events_is_named_as_a_reorder()
    {
        using var programme = WithCommittedLog();
        WriteLog(programme, new[] { Original[0], Original[2], Original[1], Original[3] });
        programme.Commit("Sort the log", "2026-10-28T10:00:00Z");

        var result = Verify(programme);

        Assert.Equal(AuditProblem.HistoryRewritten, result.Problem);
        Assert.Equal(AuditHistoryChange.Reordered, result.History!.Change);
        Assert.Equal(2, result.History.FirstChangedSeq);
    }

    [Fact]
    public void A_commit_that_rewrites_only_the_head_file_is_named_even_after_later_appends()
    {
        using var programme = WithCommittedLog();
        var events = AuditLog.ForRoot(programme.Root).Read();
        programme.Write(AuditLog.DefaultPath + ".head", AuditLogText.Head(events[1]));
        programme.Commit("Reset head", "2026-10-28T10:00:00Z");
        var offending = Sha(programme);
        WriteLog(programme, Original);
        programme.Commit("Restore head", "2026-10-29T10:00:00Z");

        var result = Verify(programme);

        Assert.Equal(AuditProblem.HistoryRewritten, result.Problem);
        Assert.Equal(offending, result.History!.Commit);
    }

    [Fact]
    public void A_rewrite_fails_the_build_and_audit_verify_with_CMP2206_at_the_first_changed_event()
    {
        using var programme = WithCommittedLog();
        WriteLog(programme, Original.Take(2).ToArray());
        programme.Commit("Tidy the log", "2026-10-28T10:00:00Z");

        var build = programme.Check();
        var output = new StringWriter();
        var exit = AuditCommand.Run(new[] { "verify", "--root", programme.Root }, output, () => Start);

        var finding = Assert.Single(build.Findings, f => f.RuleId == "CMP2206");
        Assert.Equal(3, finding.Location!.Line);
        Assert.Equal(1, exit);
        Assert.StartsWith("evidence/audit/audit-log.jsonl(3,1): error CMP2206: Commit ", output.ToString());
    }
}
