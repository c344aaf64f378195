using System.Collections.Generic;

namespace Compliance.Engine.Audit;

/// <summary>
/// The log as read from its store: its text and head file (null when absent), the committed text it must
/// extend (null when there is nothing to compare with), and the commit it was read at, for a ref.
/// </summary>
public sealed record AuditLogSnapshot(string DisplayPath, string? Content, string? Head, string? Committed, string? Commit)
{
    /// <summary>True when the programme names a ref that this clone does not have.</summary>
    public bool RefMissing { get; init; }

    /// <summary>The anchor tokens stored beside the log, by file name.</summary>
    public IReadOnlyList<(string Name, byte[] Token)> Anchors { get; init; } = System.Array.Empty<(string, byte[])>();

    public AuditVerification Verify() => AuditLogText.Verify(Content, Head, Committed);
}
