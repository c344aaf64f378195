using System;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Compliance.Model.Documents;

namespace Compliance.Engine.Collection;

/// <summary>
/// Runs one declared collector's command: argv (no shell) in the repository root, with only the
/// variables it lists, under a time limit and an output size limit. Its standard output, or the
/// file it writes to {output}, is left at the staging path; on any failure nothing is left there.
/// </summary>
public static class CollectorProcess
{
    public static CollectorRun Run(string root, CollectorDefinition collector, string stagingPath, Func<string, string?> readEnvironment, TimeSpan? timeoutOverride = null)
    {
        try
        {
            var run = Execute(root, collector, stagingPath, readEnvironment, timeoutOverride ?? TimeSpan.FromSeconds(collector.TimeoutSeconds));
            if (!run.Succeeded)
            {
                EvidenceStore.DeleteQuietly(stagingPath);
            }

            return run;
        }
        catch
        {
            EvidenceStore.DeleteQuietly(stagingPath);
            throw;
        }
    }

    private static CollectorRun Execute(string root, CollectorDefinition collector, string stagingPath, Func<string, string?> readEnvironment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(Executable(root, collector.Run[0]))
        {
            WorkingDirectory = root,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var argument in collector.Run.Skip(1))
        {
            start.ArgumentList.Add(argument.Replace(CollectorDefinition.OutputPlaceholder, stagingPath));
        }

        // A clean environment: a collector sees the credentials it declares and nothing else of the job's.
        start.Environment.Clear();
        foreach (var name in collector.Environment)
        {
            if (readEnvironment(name.Value) is { } value)
            {
                start.Environment[name.Value] = value;
            }
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception ex)
        {
            return new CollectorRun(CollectorFailure.CouldNotStart, null, 0, string.Empty, $"the command '{collector.Run[0]}' could not be started: {ex.Message}.");
        }

        using (process)
        {
            process.StandardInput.Close();
            var toFile = !collector.WritesOutputFile;
            var stdout = Task.Run(() => Capture(process.StandardOutput.BaseStream, toFile ? stagingPath : null));
            var stderr = Task.Run(() => ReadHead(process.StandardError.BaseStream));
            var clock = Stopwatch.StartNew();
            var outputEnded = stdout.Wait(timeout);
            if (outputEnded && stdout.Result.OverLimit)
            {
                Kill(process);
                return new CollectorRun(CollectorFailure.OutputTooLarge, null, stdout.Result.Bytes, string.Empty, $"its output passed the limit of {CollectorLimits.MaxOutputBytes / (1024 * 1024)} MiB; the command was stopped.");
            }

            var remaining = timeout - clock.Elapsed;
            if (!outputEnded || !process.WaitForExit(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero))
            {
                Kill(process);
                stdout.Wait(TimeSpan.FromSeconds(5));
                return new CollectorRun(CollectorFailure.TimedOut, null, 0, string.Empty, $"it ran past its time limit of {timeout.TotalSeconds:0} s and was stopped.");
            }

            process.WaitForExit();
            var errors = stderr.Wait(TimeSpan.FromSeconds(5)) ? stderr.Result : string.Empty;
            if (process.ExitCode != 0)
            {
                return new CollectorRun(CollectorFailure.NonZeroExit, process.ExitCode, stdout.Result.Bytes, errors, $"the command exited with {process.ExitCode}.");
            }

            return toFile ? CheckStdout(stdout.Result.Bytes, errors) : CheckOutputFile(stagingPath, errors);
        }
    }

    private static CollectorRun CheckStdout(long bytes, string errors) => bytes == 0
        ? new CollectorRun(CollectorFailure.NoOutput, 0, 0, errors, "the command printed nothing: there is no artifact.")
        : new CollectorRun(CollectorFailure.None, 0, bytes, errors, "collected");

    private static CollectorRun CheckOutputFile(string stagingPath, string errors)
    {
        var kind = FileKind.Of(stagingPath);
        if (kind == FileKindValue.Missing)
        {
            return new CollectorRun(CollectorFailure.NoOutput, 0, 0, errors, "the command did not write its {output} file: there is no artifact.");
        }

        if (kind != FileKindValue.Regular)
        {
            // A link (or anything but a file) at {output} would make the artifact something outside evidence/.
            return new CollectorRun(CollectorFailure.OutputOutsideEvidence, 0, 0, errors, $"its {{output}} is {kind} rather than a regular file inside evidence/, so it was refused.");
        }

        var length = new FileInfo(stagingPath).Length;
        return length switch
        {
            0 => new CollectorRun(CollectorFailure.NoOutput, 0, 0, errors, "the command wrote an empty {output} file: there is no artifact."),
            > CollectorLimits.MaxOutputBytes => new CollectorRun(CollectorFailure.OutputTooLarge, 0, length, errors, $"its {{output}} file is larger than the limit of {CollectorLimits.MaxOutputBytes / (1024 * 1024)} MiB."),
            _ => new CollectorRun(CollectorFailure.None, 0, length, errors, "collected"),
        };
    }

    /// <summary>A path-like command (with a '/') is relative to the repository root; a bare name is looked up on PATH.</summary>
    private static string Executable(string root, string command) =>
        command.Contains('/') && !Path.IsPathRooted(command) ? Path.GetFullPath(Path.Combine(root, command)) : command;

    private static (long Bytes, bool OverLimit) Capture(Stream output, string? path)
    {
        using var file = path is null ? Stream.Null : new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        var buffer = new byte[1 << 16];
        long total = 0;
        int read;
        while ((read = output.Read(buffer, 0, buffer.Length)) > 0)
        {
            total += read;
            if (total > CollectorLimits.MaxOutputBytes)
            {
                return (total, true);
            }

            file.Write(buffer, 0, read);
        }

        return (total, false);
    }

    private static string ReadHead(Stream errors)
    {
        var head = new StringBuilder();
        using var reader = new StreamReader(errors, Encoding.UTF8);
        var buffer = new char[4096];
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (head.Length < CollectorLimits.ErrorOutputChars)
            {
                head.Append(buffer, 0, Math.Min(read, CollectorLimits.ErrorOutputChars - head.Length));
            }
        }

        return head.ToString().Trim();
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
        }
    }
}
