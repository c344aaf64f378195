namespace Compliance.Model.Diagnostics;

// CMP21xx: the deploy gate's deny reasons; CMP22xx: the audit log's integrity.
public static partial class Rules
{
    public static readonly Rule DeployServiceUnknown = new(
        "CMP2101", "A deploy touches only services of the BAA registry", Severity.Error, Deploy,
        "Add the service to its vendor in policies/vendors.yaml (with a BAA if it handles PHI), or remove it from the deploy.");

    public static readonly Rule DeployServiceWithoutBaa = new(
        "CMP2102", "Every service a deploy touches is covered by a BAA in force", Severity.Error, Deploy,
        "Sign or renew the vendor's BAA (and its subcontractors') before deploying.");

    public static readonly Rule DeployActorUnknown = new(
        "CMP2103", "The deploying actor is in the workforce registry", Severity.Error, Deploy,
        "Add the person to policies/people.yaml, or deploy as a registered person.");

    public static readonly Rule DeployActorRevoked = new(
        "CMP2104", "A revoked person cannot deploy or act (164.308(a)(1)(ii)(C))", Severity.Error, Deploy,
        "Deploy as an active person; the revoked person's access stays revoked.");

    public static readonly Rule DeployActorWithoutPhiAccess = new(
        "CMP2105", "The deploying actor holds a current PHI-access entitlement", Severity.Error, Deploy,
        "Grant the entitlement through the access procedure (phi_access: true), or deploy as a person who holds it.");

    public static readonly Rule DeployRunnerNotInScope = new(
        "CMP2106", "Deploys run on a declared in-scope runner", Severity.Error, Deploy,
        "Run the deploy on a runner listed under programme.runners, or declare this runner.");

    public static readonly Rule DeployRunnerUnsigned = new(
        "CMP2107", "A runner that requires signing deploys only signed work", Severity.Error, Deploy,
        "Sign the deploy (and pass --runner-signed), or use a runner that does not require it.");

    public static readonly Rule AuditLogTampered = new(
        "CMP2201", "The audit log's hash chain is intact", Severity.Error, AuditLog,
        "Restore the log from git history; never edit, delete or reorder events. Investigate the change as a security incident.");

    public static readonly Rule AuditLogTruncated = new(
        "CMP2202", "The audit log is not truncated", Severity.Error, AuditLog,
        "Restore the missing events from git history or backups; the head file records the last event appended.");

    public static readonly Rule AuditLogRewritten = new(
        "CMP2203", "The audit log only grows: the committed log is a prefix of the current one", Severity.Error, AuditLog,
        "Restore the committed events ('git checkout HEAD -- evidence/audit/') and append new events with 'compliance audit append'.");

    public static readonly Rule DeployWithoutAllowingDecision = new(
        "CMP2204", "Every deploy went through an allowing gate decision for its artifact, recorded before it", Severity.Error, AuditLog,
        "Deploy only after 'compliance gate' allows it, and record the decision's hash with the deploy (--field gate-decision=sha256:...). For a deploy that already happened, investigate it and record the review: compliance audit append --type deploy-reviewed --actor YOU --field deploy=<the deploy event's hash> --field reason=\"...\".");

    public static readonly Rule AuditLogRefUnreadable = new(
        "CMP2205", "The audit log's git ref is in the clone and holds an audit log", Severity.Error, AuditLog,
        "Fetch the ref (in GitHub Actions, actions/checkout with fetch-depth: 0 fetches every branch), or append the first event with 'compliance audit append --push'. A ref that holds anything else was overwritten: restore it from its last log commit.");

    public static readonly Rule AuditLogHistoryRewritten = new(
        "CMP2206", "Every committed version of the audit log extends the version before it", Severity.Error, AuditLog,
        "Investigate the named commit as a security incident, restore the events it removed or changed from the commit before it, and protect the branch or ref against force-pushes.");

    public static readonly Rule AuditLogPushFailed = new(
        "CMP2207", "An event pushed to the shared audit log lands there", Severity.Error, AuditLog,
        "Do what the message says (permissions, hooks, a rewritten or deleted ref), then run the same command again with the same --id: an event that already landed is not added twice.");
}
