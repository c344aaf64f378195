using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;

namespace Compliance.Engine.Audit.Remote;

/// <summary>The result of one git command.</summary>
public sealed record GitResult(int ExitCode, string Output, string Error)
{
    public bool Succeeded => ExitCode == 0;
}

/// <summary>
/// Runs the machine's git in a repository. Pushes and fetches go through it, not libgit2, so that they use
/// the credential helpers, SSH agents and proxy settings CI has configured for git. Output is in the C
/// locale so that the few messages read here are stable, and git never prompts: a missing credential
/// must fail the command, not hang it.
/// </summary>
public sealed class GitProcess
{
    private readonly string _directory;
    private readonly IReadOnlyDictionary<string, string> _environment;

    public GitProcess(string directory, IReadOnlyDictionary<string, string>? environment = null)
    {
        _directory = directory;
        _environment = environment ?? new Dictionary<string, string>();
    }

    public GitResult Run(string? input, params string[] arguments) => Run(input, null, arguments);

    public GitResult Run(string? input, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = _directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["LC_ALL"] = "C";
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new AuditRemoteException("git could not be started.");
        }
        catch (Win32Exception ex)
        {
            throw new AuditRemoteException($"git could not be started ({ex.Message}): install git and put it on PATH.");
        }

        using (process)
        {
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEndAsync();
            try
            {
                if (input is not null)
                {
                    process.StandardInput.Write(input);
                }

                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // git exited before reading its input; its exit code and error say why.
            }

            process.WaitForExit();
            return new GitResult(process.ExitCode, output.Result, error.Result);
        }
    }

    /// <summary>Runs git and returns its output, or throws with its error when it fails.</summary>
    public string Required(string what, string? input, params string[] arguments)
    {
        var result = Run(input, arguments);
        return result.Succeeded ? result.Output : throw new AuditRemoteException($"git could not {what}: {result.Error.Trim()}");
    }
}

/// <summary>A failure of the audit log's git store that the user must act on; the message says what to do.</summary>
public sealed class AuditRemoteException : Exception
{
    public AuditRemoteException(string message) : base(message)
    {
    }
}
