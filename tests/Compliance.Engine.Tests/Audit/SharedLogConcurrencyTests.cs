using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace Compliance.Engine.Tests.AuditTrail;

/// <summary>
/// Many runners appending to one protected remote at once, each a separate process of the real CLI with its
/// own clone, as ephemeral CI runners are.
/// </summary>
public class SharedLogConcurrencyTests
{
    private static readonly Regex Acknowledged = new(@"^appended \S+ event seq \d+ \S+ id (\S+) to ", RegexOptions.Multiline);

    private static string[] AppendArgs(string clone, string id) =>
        new[] { "audit", "append", "--type", "backup-restored", "--actor", "job:ci", "--field", "event=" + id, "--id", id, "--push", "--root", clone };

    [Fact]
    public void Sixteen_runners_appending_25_events_each_land_all_400_exactly_once_without_rewriting_the_ref()
    {
        // The issue's 16 x 25; AUDIT_TRAIL_RUNNERS and AUDIT_TRAIL_APPENDS shrink it on a loaded machine.
        var runners = Scale("AUDIT_TRAIL_RUNNERS", 16);
        var perRunner = Scale("AUDIT_TRAIL_APPENDS", 25);
        using var remote = new SharedLogRemote();
        var clones = Enumerable.Range(0, runners).Select(_ => remote.Clone()).ToList();
        var failures = new ConcurrentBag<string>();

        Parallel.For(0, runners, new ParallelOptions { MaxDegreeOfParallelism = runners }, runner =>
        {
            for (var n = 0; n < perRunner; n++)
            {
                var id = $"r{runner}-e{n}";
                var (exit, output, error) = CliProcess.Run(AppendArgs(clones[runner], id));
                if (exit != 0 || Acknowledged.Match(output).Groups[1].Value != id)
                {
                    failures.Add($"{id}: exit {exit}: {output} {error}");
                }
            }
        });

        Assert.True(failures.IsEmpty, string.Join("\n", failures));
        var events = remote.RemoteEvents();
        var expected = Enumerable.Range(0, runners).SelectMany(r => Enumerable.Range(0, perRunner).Select(n => $"r{r}-e{n}")).OrderBy(id => id, StringComparer.Ordinal);
        Assert.Equal(expected, events.Select(e => e.Id!).OrderBy(id => id, StringComparer.Ordinal));
        Assert.True(remote.VerifyRemote().Valid, remote.VerifyRemote().Message);
        AssertRefOnlyMovedForward(remote, runners * perRunner);
    }

    [Fact]
    public void Killing_an_appender_mid_push_loses_and_duplicates_no_acknowledged_event()
    {
        const int runners = 6;
        const int perRunner = 8;
        using var remote = new SharedLogRemote();
        var clones = Enumerable.Range(0, runners).Select(_ => remote.Clone()).ToList();
        var acknowledged = new ConcurrentBag<string>();
        var killed = new ConcurrentBag<string>();
        var victim = new Random(7).Next(runners);

        Parallel.For(0, runners, new ParallelOptions { MaxDegreeOfParallelism = runners }, runner =>
        {
            for (var n = 0; n < perRunner; n++)
            {
                var id = $"r{runner}-e{n}";
                using var process = CliProcess.Start(AppendArgs(clones[runner], id));
                var output = process.StandardOutput.ReadToEndAsync();
                var error = process.StandardError.ReadToEndAsync();
                if (runner == victim && n is 2 or 5)
                {
                    // Somewhere between start-up and the push: the event may or may not have landed. Earlier than it was:
                    // the CLI starts faster now (issue 15), and a kill after the append finished tests nothing.
                    Thread.Sleep(40 + (n * 35));
                    process.Kill(entireProcessTree: true);
                    killed.Add(id);
                }

                process.WaitForExit();
                _ = error.Result;
                if (process.ExitCode == 0 && Acknowledged.Match(output.Result).Groups[1].Value == id)
                {
                    acknowledged.Add(id);
                }
            }
        });

        var ids = remote.RemoteEvents().Select(e => e.Id!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Empty(acknowledged.Except(ids));
        Assert.Empty(ids.Except(acknowledged).Except(killed));
        Assert.True(remote.VerifyRemote().Valid, remote.VerifyRemote().Message);

        // The killed runner's retry, with the same ID, lands its event exactly once whatever the kill left behind.
        foreach (var id in killed)
        {
            Assert.Equal(0, CliProcess.Run(AppendArgs(clones[victim], id)).Exit);
        }

        var after = remote.RemoteEvents().Select(e => e.Id!).ToList();
        Assert.Equal(after.Count, after.Distinct().Count());
        // A kill can come after the append already finished and was acknowledged: that ID is in both bags, and on the remote once.
        Assert.Equal(acknowledged.Concat(killed).Distinct().OrderBy(id => id, StringComparer.Ordinal), after.OrderBy(id => id, StringComparer.Ordinal));
    }

    private static int Scale(string variable, int standard) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), out var value) && value > 0 ? value : standard;

    /// <summary>Every value the ref ever held is a commit of its final history, one commit per event: nothing was rewritten.</summary>
    private static void AssertRefOnlyMovedForward(SharedLogRemote remote, int events)
    {
        var history = remote.RefHistory();
        var commits = remote.CommitsOnRef();
        Assert.Equal(events, commits.Count);
        Assert.Equal(events, history.Count);
        Assert.DoesNotContain(history, sha => !commits.Contains(sha));
    }
}
