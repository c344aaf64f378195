namespace Compliance.Model.Documents;

/// <summary>
/// Where the shared audit log lives: a git ref of the programme's remote that the host protects against
/// force-pushes and deletion. Without it the log is the work tree's evidence/audit/audit-log.jsonl.
/// </summary>
public sealed record AuditLogDefinition(string Ref, string Remote)
{
    public const string DefaultRemote = "origin";
}
