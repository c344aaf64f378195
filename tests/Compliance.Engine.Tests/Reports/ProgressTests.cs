using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Compliance.Cli.Commands;
using Compliance.Cli.Progress;
using Compliance.Engine.Progress;
using Compliance.Engine.Tests.AuditTrail;
using Compliance.Tests.Shared;

namespace Compliance.Engine.Tests;

/// <summary>Progress of the history walk and the site render: on a terminal's stderr only.</summary>
public class ProgressTests
{
    private static readonly Func<DateTime> NotTheClock = () => throw new InvalidOperationException("The check read the clock.");

    [Fact]
    public void When_stderr_is_not_a_terminal_there_is_no_progress_at_all()
    {
        var stderr = new StringWriter();

        var progress = ConsoleProgress.For(stderrIsTerminal: false, stderr);

        Assert.Same(NoProgress.Instance, progress);
        using var programme = new TestProgramme();
        CheckCommand.Run(new[] { "--root", programme.Root, "--as-of", "2026-11-01", "--no-cache", "--site", Path.Combine(programme.Root, "artifacts/site") }, TextWriter.Null, NotTheClock, progress: progress);
        Assert.Equal(string.Empty, stderr.ToString());
    }

    [Fact]
    public async System.Threading.Tasks.Task The_CLI_with_redirected_stderr_prints_no_progress_lines()
    {
        using var programme = new TestProgramme();
        var start = TestCli.StartInfo(CliProcess.Path, new[] { "check", "--root", programme.Root, "--as-of", "2026-11-01", "--no-cache", "--site", Path.Combine(programme.Root, "artifacts/site") });

        start.Environment.Remove("GITHUB_STEP_SUMMARY");
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var errors = await stderr;

        Assert.True(process.ExitCode == 0, stdout + errors);
        Assert.Equal(string.Empty, errors);
        Assert.DoesNotContain("git history:", stdout);
    }

    [Fact]
    public void On_a_terminal_the_history_walk_and_the_site_render_report_count_total_and_rate()
    {
        var terminal = new StringWriter();
        using var programme = new TestProgramme();

        CheckCommand.Run(new[] { "--root", programme.Root, "--as-of", "2026-11-01", "--no-cache", "--site", Path.Combine(programme.Root, "artifacts/site") }, TextWriter.Null, NotTheClock, progress: new TerminalProgress(terminal));

        // Each operation rewrites its line in place (\r) and ends it once (\n): what stays on screen is the last rewrite.
        var lines = terminal.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l[(l.LastIndexOf('\r') + 1)..]).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Matches(@"^git history: ([0-9]+)/\1 \([0-9]+/s\) in [0-9]+\.[0-9] s *$", lines[0]);
        Assert.Matches(@"^site pages: ([0-9]+)/\1 \([0-9]+/s\) in [0-9]+\.[0-9] s *$", lines[1]);
    }
}
