using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;

namespace Compliance.Packaging.Tests;

public sealed record RunResult(int ExitCode, string Output)
{
    public override string ToString() => $"exit {ExitCode}\n{Output}";
}

/// <summary>Runs a process with a clean environment: nothing inherited from the MSBuild or test host that runs us.</summary>
public static class Run
{
    public static RunResult Process(string file, string arguments, string workingDirectory, IDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            var name = (string)entry.Key;
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("DOTNET_HOST", StringComparison.OrdinalIgnoreCase) || name == "NUGET_PACKAGES")
            {
                start.Environment.Remove(name);
            }
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.Append(e.Data).Append('\n'); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.Append(e.Data).Append('\n'); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {arguments} did not finish in time.\n{output}");
        }

        process.WaitForExit();
        return new RunResult(process.ExitCode, output.ToString());
    }

    public static RunResult Dotnet(string arguments, string workingDirectory, IDictionary<string, string>? environment = null) =>
        Process("dotnet", arguments, workingDirectory, environment);

    public static void Git(string repo, string arguments, string date = "2026-10-02T10:00:00Z")
    {
        var result = Process("git", $"-c user.name=Tester -c user.email=tester@tiny.example -c commit.gpgsign=false {arguments}", repo, new Dictionary<string, string>
        {
            ["GIT_AUTHOR_DATE"] = date,
            ["GIT_COMMITTER_DATE"] = date,
        });
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {arguments} failed: {result}");
        }
    }
}
