using System;
using System.Collections.Generic;
using System.Linq;
using Compliance.Engine.Audit;
using Compliance.Engine.Audit.Signing;
using Compliance.Model.Diagnostics;
using Compliance.Model.Text;

namespace Compliance.Engine.Checks;

/// <summary>
/// The signature check over a verified log: each event's state is decided by <see cref="SignatureVerifier"/>,
/// and each state that is not acceptable is its own rule, at the event's line. Declared keys that cannot be
/// used are reported where they are written, whether or not the log can be read.
/// </summary>
public static class AuditSignatureChecks
{
    /// <summary>
    /// Every declared key that cannot be used (CMP2213). A key is wrong in programme.yaml or people.yaml, not in
    /// the log, so a log that is missing or fails to verify does not hide it.
    /// </summary>
    public static void ReportKeyProblems(CheckContext context, SigningKeyRing keys)
    {
        foreach (var problem in keys.Problems)
        {
            context.Report(Rules.AuditSigningKeyInvalid, problem.Span, problem.Owner, problem.Message);
        }
    }

    public static IReadOnlyList<EventSignatureVerdict> Run(CheckContext context, SigningKeyRing keys, string path, IReadOnlyList<AuditEvent> events)
    {
        var verdicts = SignatureVerifier.Verify(events, keys, SignatureVerifier.RequiredTypes(context.Programme));
        foreach (var verdict in verdicts)
        {
            if (RuleFor(verdict.State) is not { } rule)
            {
                continue;
            }

            var at = new SourceSpan(path, 0, 0, verdict.Line, 1, verdict.Line, 1);
            context.Report(rule, at, verdict.EventHash, Message(verdict, events[verdict.Line - 1]));
        }

        return verdicts;
    }

    /// <summary>The rule a signature state breaks; null for the states that are acceptable.</summary>
    public static Rule? RuleFor(SignatureState state) => state switch
    {
        SignatureState.Invalid => Rules.AuditSignatureInvalid,
        SignatureState.UnknownKey => Rules.AuditSignatureKeyUnknown,
        SignatureState.SignerRevoked => Rules.AuditSignerRevoked,
        SignatureState.TypeNotAllowed => Rules.AuditRunnerKeyTypeNotAllowed,
        SignatureState.Missing => Rules.AuditSignatureMissing,
        _ => null,
    };

    /// <summary>The finding's message for an event whose state breaks a rule; the CLI's 'audit verify' prints the same.</summary>
    public static string Message(EventSignatureVerdict verdict, AuditEvent audit) =>
        $"The {verdict.Type} event at line {verdict.Line} (seq {verdict.Seq}) {Describe(verdict, audit)}.";

    private static string Describe(EventSignatureVerdict verdict, AuditEvent audit) => verdict.State switch
    {
        SignatureState.Invalid => $"names the key of {verdict.Signer}, but its signature does not verify over the event's canonical bytes",
        SignatureState.UnknownKey => $"is signed by key {verdict.KeyId}, which no runner or person declares",
        SignatureState.SignerRevoked => $"is signed by {verdict.Signer} on {CheckContext.Iso(DateOnly.FromDateTime(audit.Time.UtcDateTime))}, on or after the day its owner was revoked",
        SignatureState.TypeNotAllowed => $"is signed by {verdict.Signer}, which may not sign {verdict.Type} events",
        _ => $"is not signed, but the programme requires {verdict.Type} events to be signed (audit_signing.required_for)",
    };
}
