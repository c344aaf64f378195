namespace Compliance.Model.Diagnostics;

// CMP2214-CMP2217: the audit log's RFC 3161 anchors outside the repository.
public static partial class Rules
{
    public static readonly Rule AuditAnchorUntrusted = new(
        "CMP2214", "Each anchor of the audit log is an RFC 3161 token signed by a timestamp authority the programme trusts", Severity.Error, AuditLog,
        "Add the TSA's certificate (PEM) to audit_anchoring.tsa_certificates if it is trusted; otherwise investigate the anchor and anchor the log again with 'compliance audit anchor --tsa URL'.");

    public static readonly Rule AuditAnchorHashNotInLog = new(
        "CMP2215", "Each anchored head hash is still an event of the audit log", Severity.Error, AuditLog,
        "Investigate as a security incident: the log was rewritten after it was anchored. Restore it from a copy that contains the anchored event.");

    public static readonly Rule AuditAnchorOverdue = new(
        "CMP2216", "The audit log is anchored within the programme's anchoring interval", Severity.Error, AuditLog,
        "Run 'compliance audit anchor --tsa URL [--copy-to DIR]' (for example on a schedule in CI) and commit or push the anchor.");

    public static readonly Rule AuditAnchorCopyDiffers = new(
        "CMP2217", "The audit log contains every head hash of the outside copy of its anchors", Severity.Error, AuditLog,
        "Investigate as a security incident: the log, its history and its anchors were rewritten together. Restore the log from a copy that contains the anchored events.");
}
