using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;

namespace Compliance.EndToEnd.Tests.Harness;

/// <summary>What a finished child process left: its exit code, stdout and stderr interleaved as they arrived, and its run time.</summary>
internal sealed record ProcessResult(int ExitCode, string Output, TimeSpan Elapsed);

/// <summary>Runs a command with arguments passed as a list (no shell quoting), a clean environment and a time limit.</summary>
internal static class ProcessRunner
{
    public static ProcessResult Run(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string?> environment,
        TimeSpan timeout)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                startInfo.Environment.Remove(name);
            }
            else
            {
                startInfo.Environment[name] = value;
            }
        }

        var output = new StringBuilder();
        void Append(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.Append(e.Data).Append('\n');
            }
        }

        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += Append;
        process.ErrorDataReceived += Append;
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        if (!process.WaitForExit((int)timeout.TotalMilliseconds))
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited between the time-out and the kill.
            }

            process.WaitForExit();
            string partial;
            lock (output)
            {
                partial = output.ToString();
            }

            throw new TimeoutException($"'{fileName} {string.Join(" ", startInfo.ArgumentList)}' did not finish within {timeout.TotalSeconds:0} s in {workingDirectory}. Output so far:\n{partial}");
        }

        // The parameterless wait also waits for the redirected streams to drain.
        process.WaitForExit();
        stopwatch.Stop();
        lock (output)
        {
            return new ProcessResult(process.ExitCode, output.ToString(), stopwatch.Elapsed);
        }
    }
}
