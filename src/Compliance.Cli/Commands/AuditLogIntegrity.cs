using System.IO;
using Compliance.Engine.Audit;
using Compliance.Engine.Checks;
using Compliance.Engine.Git;

namespace Compliance.Cli.Commands;

/// <summary>
/// Whether the audit log verifies, as the canonical error line the build would print. Commands that read the
/// log (query, incident scope) check it first: a line that cannot be parsed or an event whose hash is wrong
/// must never drop silently out of an investigation.
/// </summary>
internal static class AuditLogIntegrity
{
    /// <summary>Verifies the log against its committed prefix; a failure comes with its canonical error line.</summary>
    public static (AuditVerification Result, string? Failure) Verify(string root)
    {
        var result = AuditLog.ForRoot(root).Verify(GitContent.AtHead(root, AuditLog.DefaultPath));
        if (result.Valid)
        {
            return (result, null);
        }

        var rule = AuditLogChecks.RuleFor(result.Problem);
        return (result, $"{AuditLog.DefaultPath}({result.Line},1): error {rule.Id}: {result.Message} Fix: {rule.Fix}");
    }

    /// <summary>
    /// Reports a failed verification on the error stream before a reading command prints what it could read.
    /// Returns the command's exit code: 1 when the log is not intact, so scripts never take partial results as whole.
    /// </summary>
    public static int Warn(string root, TextWriter errors, string command)
    {
        if (Verify(root).Failure is not { } failure)
        {
            return 0;
        }

        errors.WriteLine(failure);
        errors.WriteLine($"compliance {command}: the audit log does not verify, so these results come only from the events that could be read and may be incomplete or altered.");
        return 1;
    }
}
