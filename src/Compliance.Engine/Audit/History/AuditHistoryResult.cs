namespace Compliance.Engine.Audit.History;

public enum AuditHistoryState
{
    /// <summary>Every committed version of the log extends the one before it.</summary>
    Extends,

    /// <summary>A commit removed, edited or reordered an event (or rewrote the head file).</summary>
    Rewritten,

    /// <summary>There is no history to walk (no repository, no commits, a shallow clone).</summary>
    NotChecked,
}

/// <summary>How a commit broke the log's history: what happened to the first event that changed.</summary>
public enum AuditHistoryChange
{
    None,
    Removed,
    Edited,
    Reordered,
    HeadRewritten,
}

/// <summary>
/// The append-only check over the log's committed history, as typed values: the verdict, how many versions
/// were compared, and for a rewrite the commit, its author, and the first event that changed.
/// </summary>
public sealed record AuditHistoryResult(AuditHistoryState State, int Versions, string Message)
{
    public string? Commit { get; init; }

    public string? Author { get; init; }

    public AuditHistoryChange Change { get; init; }

    /// <summary>The seq of the first event the offending commit changed, as its parent had it.</summary>
    public long? FirstChangedSeq { get; init; }

    /// <summary>That event's hash as its parent had it.</summary>
    public string? FirstChangedHash { get; init; }

    public static AuditHistoryResult NotChecked(string why) => new(AuditHistoryState.NotChecked, 0, $"The log's history was not checked: {why}.");
}
