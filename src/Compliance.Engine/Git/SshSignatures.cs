using System;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;

namespace Compliance.Engine.Git;

public enum SignatureState
{
    /// <summary>The commit carries no signature.</summary>
    Unsigned,

    /// <summary>A signature is present, but the programme lists no allowed signers for its kind: found, not verified.</summary>
    SignedNotVerified,

    /// <summary>The signature verifies against a key the allowed signers list, for the principal named.</summary>
    Verified,

    /// <summary>A signature by a key the allowed signers do not list.</summary>
    UnknownSigner,

    /// <summary>A signature by a listed key that does not verify over the commit: the commit was altered after signing.</summary>
    Invalid,
}

/// <summary>A commit signature's state and, when verified, the allowed signer's principal.</summary>
public sealed record SignatureVerdict(SignatureState State, string? Principal);

/// <summary>
/// Verifies git's ssh commit signatures (SSHSIG, namespace "git") against an allowed_signers file with the
/// machine's ssh-keygen, as 'git verify-commit' does with gpg.ssh.allowedSignersFile: the signer's principal
/// is looked up by its key, then the signature is checked over the exact signed bytes.
/// </summary>
public sealed class SshSignatures : IDisposable
{
    private readonly string _allowedSigners;
    private readonly string _scratch = Directory.CreateTempSubdirectory("compliance-sshsig-").FullName;

    public SshSignatures(string allowedSignersPath) => _allowedSigners = allowedSignersPath;

    public SignatureVerdict Verify(string signature, string signedData)
    {
        var signatureFile = Path.Combine(_scratch, "commit.sig");
        File.WriteAllText(signatureFile, signature);
        var (found, principals) = Run(new[] { "-Y", "find-principals", "-s", signatureFile, "-f", _allowedSigners }, null);
        var principal = principals.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (found != 0 || principal is null)
        {
            return new SignatureVerdict(SignatureState.UnknownSigner, null);
        }

        var (verified, _) = Run(new[] { "-Y", "verify", "-f", _allowedSigners, "-I", principal, "-n", "git", "-s", signatureFile }, signedData);
        return verified == 0 ? new SignatureVerdict(SignatureState.Verified, principal) : new SignatureVerdict(SignatureState.Invalid, principal);
    }

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    private static (int ExitCode, string Output) Run(string[] arguments, string? input)
    {
        var start = new ProcessStartInfo("ssh-keygen")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception ex)
        {
            throw new IOException($"ssh-keygen, which verifies ssh commit signatures, could not be started: {ex.Message}.", ex);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (input is not null)
            {
                process.StandardInput.BaseStream.Write(Encoding.UTF8.GetBytes(input));
            }

            process.StandardInput.Close();
            if (!process.WaitForExit(30_000))
            {
                process.Kill(entireProcessTree: true);
                throw new IOException("ssh-keygen did not finish verifying a signature within 30 s.");
            }

            stderr.Wait();
            return (process.ExitCode, stdout.Result);
        }
    }
}
