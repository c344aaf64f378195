using System.Collections.Generic;
using System.IO;
using System.Linq;
using Compliance.Engine.Audit;
using Compliance.Engine.Checks;
using Compliance.Model.Linking;
using Compliance.Model.Diagnostics;

namespace Compliance.Cli.Commands;

/// <summary>
/// Whether the audit log verifies, as the canonical error line the build would print. Commands that read the
/// log (query, incident scope) check it first: a line that cannot be parsed or an event whose hash is wrong
/// must never drop silently out of an investigation. The log is read from where the programme keeps it. Each
/// command loads the programme once and passes it to every step here.
/// </summary>
internal static class AuditLogIntegrity
{
    /// <summary>Verifies the log and returns its events as the verification read them (empty when it could not be read).</summary>
    public static (AuditVerification Result, string? Failure, string Source, IReadOnlyList<AuditEvent> Events) VerifyAndRead(string root, LinkedProgramme programme)
    {
        var (result, failure, source) = Verify(root, programme, out var snapshot);
        return (result, failure, source, snapshot?.Content is { } content ? AuditLogText.Events(content) : new List<AuditEvent>());
    }

    /// <summary>
    /// Reports a failed verification on the error stream, and returns the events that could be read with the
    /// command's exit code: 1 when the log is not intact, so scripts never take partial results as whole.
    /// </summary>
    public static (int ExitCode, IReadOnlyList<AuditEvent> Events) ReadChecked(string root, LinkedProgramme programme, TextWriter errors, string command)
    {
        var (_, failure, _) = Verify(root, programme, out var snapshot);
        var events = snapshot?.Content is { } content ? AuditLogText.Events(content) : new List<AuditEvent>();
        if (failure is null)
        {
            return (0, events);
        }

        errors.WriteLine(failure);
        errors.WriteLine($"compliance {command}: the audit log does not verify, so these results come only from the events that could be read and may be incomplete or altered.");
        return (1, events);
    }

    private static (AuditVerification Result, string? Failure, string Source) Verify(string root, LinkedProgramme programme, out AuditLogSnapshot? snapshot)
    {
        var source = AuditLogSource.For(root, programme.Programme);
        var (result, read) = source.Verify();
        snapshot = read;
        return result.Valid
            ? (result, null, source.DisplayPath)
            : (result, Line(source.DisplayPath, result.Line, AuditLogChecks.RuleFor(result.Problem), result.Message), source.DisplayPath);
    }

    /// <summary>Every declared signing key that cannot be used (CMP2213), at the key's file(line,col), whether or not the log verifies.</summary>
    public static List<string> KeyProblems(LinkedProgramme programme)
    {
        using var keys = Engine.Audit.Signing.SigningKeyRing.Of(programme);
        var rule = Rules.AuditSigningKeyInvalid;
        return keys.Problems.Select(p => $"{p.Span.Path}({p.Span.Line},{p.Span.Column}): error {rule.Id}: {p.Message} Fix: {rule.Fix}").ToList();
    }

    /// <summary>The signature findings of a verified log, as canonical error lines (the build reports the same).</summary>
    public static List<string> SignatureProblems(LinkedProgramme programme, string path, IReadOnlyList<AuditEvent> events)
    {
        var verdicts = Engine.Audit.Signing.SignatureVerifier.Verify(events, programme);
        var lines = new List<string>();
        foreach (var verdict in verdicts)
        {
            if (AuditSignatureChecks.RuleFor(verdict.State) is { } rule)
            {
                lines.Add(Line(path, verdict.Line, rule, AuditSignatureChecks.Message(verdict, events[verdict.Line - 1])));
            }
        }

        return lines;
    }

    /// <summary>Every token of the outside copy that is untrusted or over a hash that is no event of the log (CMP2217).</summary>
    public static IEnumerable<string> OutsideAnchorProblems(LinkedProgramme programme, string folder, IReadOnlyList<AuditEvent> events)
    {
        IReadOnlyList<Engine.Audit.Anchors.AuditAnchor> anchors;
        try
        {
            anchors = Engine.Audit.Anchors.AuditAnchoring.CheckOutsideCopy(folder, events, programme.Programme);
        }
        catch (Engine.Audit.Anchors.AnchorException ex)
        {
            throw new UsageException($"--anchors: {ex.Message}");
        }

        return anchors.Where(a => a.State != Engine.Audit.Anchors.AnchorState.Valid)
            .Select(a => $"compliance: error {Rules.AuditAnchorCopyDiffers.Id}: {a.Message} Fix: {Rules.AuditAnchorCopyDiffers.Fix}");
    }

    private static string Line(string path, int line, Rule rule, string message) => $"{path}({line},1): error {rule.Id}: {message} Fix: {rule.Fix}";
}
