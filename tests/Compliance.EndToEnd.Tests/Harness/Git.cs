using System;
using System.Collections.Generic;
using System.Globalization;

namespace Compliance.EndToEnd.Tests.Harness;

/// <summary>
/// The git CLI with a fixed identity and fixed dates, and with the user's and the system's git
/// configuration shut out, so that every commit a test makes is the same on every machine.
/// </summary>
internal static class Git
{
    public const string AuthorName = "Compliance Test";
    public const string AuthorEmail = "compliance-test@example.invalid";

    /// <summary>The date of a fixture's first commit.</summary>
    public static readonly DateTimeOffset DefaultDate = new(2026, 1, 15, 10, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static string Run(string repo, DateTimeOffset date, params string[] arguments)
    {
        var stamp = date.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
        var environment = new Dictionary<string, string?>
        {
            ["GIT_AUTHOR_NAME"] = AuthorName,
            ["GIT_AUTHOR_EMAIL"] = AuthorEmail,
            ["GIT_AUTHOR_DATE"] = stamp,
            ["GIT_COMMITTER_NAME"] = AuthorName,
            ["GIT_COMMITTER_EMAIL"] = AuthorEmail,
            ["GIT_COMMITTER_DATE"] = stamp,
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["GIT_CONFIG_GLOBAL"] = "/dev/null",
            ["GIT_TERMINAL_PROMPT"] = "0",
            ["LC_ALL"] = "C",
        };
        var all = new List<string>
        {
            "-c", "init.defaultBranch=main",
            "-c", "commit.gpgsign=false",
            "-c", "core.autocrlf=false",
        };
        all.AddRange(arguments);
        var result = ProcessRunner.Run("git", all, repo, environment, Timeout);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(" ", arguments)} failed with exit code {result.ExitCode} in {repo}:\n{result.Output}");
        }

        return result.Output.Trim();
    }
}
