using System.Collections.Generic;

namespace Compliance.Engine.Audit;

public enum AuditProblem
{
    None,
    Tampered,
    Truncated,
    Rewritten,

    /// <summary>The programme names a ref that is missing or holds something that is not a log.</summary>
    Unreadable,

    /// <summary>A committed version of the log does not extend the version before it.</summary>
    HistoryRewritten,
}

/// <summary>The result of verifying the log: the number of events, or the first bad line and what is wrong with it.</summary>
public sealed record AuditVerification(bool Valid, int Events, AuditProblem Problem, int Line, string Message)
{
    /// <summary>The append-only check over the log's committed history; null when it did not run (the log did not verify).</summary>
    public History.AuditHistoryResult? History { get; init; }

    /// <summary>The events of a log that verified, as the check read them (from its ref or the work tree); null otherwise.</summary>
    public IReadOnlyList<AuditEvent>? Read { get; init; }

    /// <summary>Each event's signature verdict, in log order; null when the log did not verify.</summary>
    public IReadOnlyList<Signing.EventSignatureVerdict>? Signatures { get; init; }

    /// <summary>The log as the check read it (from its ref or the work tree), for those that show it; null when it could not be read.</summary>
    public AuditLogSnapshot? Snapshot { get; init; }

    /// <summary>Every line of the log that parses as an event, in order, whether or not the chain verified; the site shows them.</summary>
    public IReadOnlyList<AuditEvent> Parsed { get; init; } = System.Array.Empty<AuditEvent>();

    /// <summary>The anchoring check; null when the programme does not anchor its log or the log did not verify.</summary>
    public Anchors.AnchoringResult? Anchoring { get; init; }

    public static AuditVerification Ok(int events) => new(true, events, AuditProblem.None, 0, $"{events} event(s), hash chain intact.");

    public static AuditVerification Fail(AuditProblem problem, int line, string message) => new(false, 0, problem, line, message);
}
