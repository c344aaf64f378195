using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;

namespace Compliance.Site.Tests.Infrastructure;

/// <summary>
/// The git CLI with a fixed identity and fixed dates, and with the user's and the system's configuration
/// shut out, so that a fixture repository has the same commit IDs on every machine.
/// </summary>
internal static class Git
{
    public const string AuthorName = "Site Fixture";
    public const string AuthorEmail = "site-fixture@example.invalid";

    public static string Run(string repo, DateTimeOffset date, params string[] arguments)
    {
        var stamp = date.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = repo,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false", "-c", "core.autocrlf=false" })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var environment = new Dictionary<string, string>
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
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("git could not be started.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"git {string.Join(" ", arguments)} timed out in {repo}.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(" ", arguments)} failed ({process.ExitCode}) in {repo}:\n{output.Result}{error.Result}");
        }

        return output.Result.Trim();
    }
}
