using System.Collections.Generic;
using System.Linq;

namespace Compliance.Model.Diagnostics;

/// <summary>
/// The one diagnostics catalog. Every finding the toolkit reports comes from a rule here, and every
/// rule is documented in docs/diagnostics.md (a test keeps the two in step).
/// CMP0xxx: structure of the programme files, reported by the source generator.
/// CMP1xxx: the gate: checks that depend on the as-of date, the files on disk and git history,
/// reported by the compliance check that runs after compilation.
/// </summary>
public static partial class Rules
{
    // Each family fixes the stage that reports its rules and whether they can be waived.
    private static RuleFamily Syntax => RuleFamilies.Syntax;
    private static RuleFamily Schema => RuleFamilies.Schema;
    private static RuleFamily Integrity => RuleFamilies.Integrity;
    private static RuleFamily Coverage => RuleFamilies.Coverage;
    private static RuleFamily Internal => RuleFamilies.GeneratorInternal;
    private static RuleFamily Provenance => RuleFamilies.Provenance;
    private static RuleFamily Evidence => RuleFamilies.Evidence;
    private static RuleFamily Vendors => RuleFamilies.Vendors;
    private static RuleFamily Policies => RuleFamilies.Policies;
    private static RuleFamily Workforce => RuleFamilies.Workforce;
    private static RuleFamily Waivers => RuleFamilies.Waivers;
    private static RuleFamily Retention => RuleFamilies.Retention;
    private static RuleFamily Breach => RuleFamilies.Breach;
    private static RuleFamily Encryption => RuleFamilies.Encryption;
    private static RuleFamily Deploy => RuleFamilies.Deploy;
    private static RuleFamily AuditLog => RuleFamilies.AuditLog;
    private static RuleFamily CheckInternal => RuleFamilies.CheckInternal;

    public static readonly Rule MalformedYaml = new(
        "CMP0001", "YAML must be well-formed", Severity.Error, Syntax,
        "Correct the YAML at the position shown. YAML indents with spaces, never tabs.");

    public static readonly Rule FileTooLarge = new(
        "CMP0002", "Programme files must stay under the size limit", Severity.Error, Syntax,
        "Split the file into several smaller files; each may hold part of a list.");

    public static readonly Rule YamlTooComplex = new(
        "CMP0003", "YAML must stay within the alias, depth and node limits", Severity.Error, Syntax,
        "Remove the nested anchors and aliases (&name / *name) and write the values out.");

    public static readonly Rule NotText = new(
        "CMP0004", "Programme files must be UTF-8 text", Severity.Error, Syntax,
        "Save the file as UTF-8 text, or move binary files out of controls/ and policies/.");

    public static readonly Rule EmptyFile = new(
        "CMP0005", "Programme files should not be empty", Severity.Warning, Syntax,
        "Add content to the file or delete it.");

    public static readonly Rule UnknownDocumentKind = new(
        "CMP0006", "A programme file must be of a known kind", Severity.Error, Schema,
        "Start the file with one of the root keys programme, framework, crosswalk, controls, decisions, vendors, people, waivers or evidence (see docs/schema.md).");

    public static readonly Rule MultipleDocuments = new(
        "CMP0007", "A programme file holds one YAML document", Severity.Error, Syntax,
        "Remove the '---' document separator and split the content into separate files.");

    public static readonly Rule PolicyWithoutFrontMatter = new(
        "CMP0008", "Markdown under policies/ should carry policy front matter", Severity.Warning, Schema,
        "Add a front matter block (--- id, title, owner, version, approved_by, approved_on, review_interval_days, governs ---) or move the page to site/.");

    public static readonly Rule ChecksHeldBack = new(
        "CMP0009", "Reference and coverage checks wait until every programme file can be read", Severity.Warning, Syntax,
        "Fix the file that cannot be read first; the held-back checks run again on the next build.");

    public static readonly Rule WrongType = new(
        "CMP0010", "Values must have the type the schema expects", Severity.Error, Schema,
        "Write the value in the form that docs/schema.md gives for this key.");

    public static readonly Rule UnknownKey = new(
        "CMP0011", "Keys must be known to the schema", Severity.Error, Schema,
        "Remove the key or correct its spelling (see docs/schema.md).");

    public static readonly Rule MissingField = new(
        "CMP0012", "Required fields must be present", Severity.Error, Schema,
        "Add the field with a value.");

    public static readonly Rule DuplicateKey = new(
        "CMP0013", "A key appears once per mapping", Severity.Error, Schema,
        "Remove one of the two entries; YAML would silently keep only one of them.");

    public static readonly Rule KeyCase = new(
        "CMP0014", "Keys are lower-case snake_case", Severity.Error, Schema,
        "Write the key exactly as docs/schema.md spells it.");

    public static readonly Rule InvalidValue = new(
        "CMP0015", "Values must be among those the schema allows", Severity.Error, Schema,
        "Use one of the allowed values.");

    public static readonly Rule InvalidId = new(
        "CMP0016", "IDs are non-empty and contain no whitespace", Severity.Error, Schema,
        "Use letters, digits and punctuation such as - . ( ) / : without spaces.");

    public static readonly Rule ExplicitYamlTag = new(
        "CMP0017", "YAML values take the core schema's implicit types: explicit tags are not allowed", Severity.Error, Syntax,
        "Remove the tag ('!!binary', '!!str', '!custom', ...) and write the value as plain YAML; quote it to make it text.");

    public static readonly Rule LinkedProgrammeFile = new(
        "CMP0018", "Programme files are regular files inside the repository, not symbolic links", Severity.Error, Syntax,
        "Replace the symbolic link with the file itself (copy it into the repository), or delete the link.");

    public static readonly Rule UnreadableDocument = new(
        "CMP0019", "A file that shows its kind must be readable as that kind", Severity.Error, Schema,
        "Correct the file at the position shown so that it reads as the kind it starts as; until then it is held as unreadable and the checks that would apply to it are held back.");

    public static readonly Rule DuplicateId = new(
        "CMP0020", "IDs must be unique", Severity.Error, Integrity,
        "Rename one of the two items, or delete the copy.");

    public static readonly Rule UnknownReference = new(
        "CMP0021", "References must name an existing item", Severity.Error, Integrity,
        "Correct the ID, or add the missing item.");

    public static readonly Rule InvalidHierarchy = new(
        "CMP0022", "A requirement's parent is in the same framework and the hierarchy has no cycle", Severity.Error, Integrity,
        "Point parent at a requirement of the same framework that is not below this one.");

    public static readonly Rule CrosswalkSideMismatch = new(
        "CMP0023", "Crosswalk pairs take their source and target from the crosswalk's frameworks", Severity.Error, Integrity,
        "Use a requirement of the framework named in the crosswalk's source (or target).");

    public static readonly Rule ProgrammeDefinition = new(
        "CMP0024", "A repository defines exactly one programme", Severity.Error, Integrity,
        "Keep one file with a programme root key (usually controls/programme.yaml).");

    public static readonly Rule IncidentInconsistent = new(
        "CMP0025", "An incident's counts and dates are consistent", Severity.Error, Integrity,
        "State counts cannot exceed individuals_affected, and no notice can precede discovered_on.");

    public static readonly Rule UncoveredRequirement = new(
        "CMP0030", "Every in-scope requirement is implemented by a control", Severity.Error, Coverage,
        "Add the requirement's ID to the maps_to list of the control that implements it.");

    public static readonly Rule UnmappedControl = new(
        "CMP0031", "A control should map to at least one requirement", Severity.Warning, Coverage,
        "Add the IDs of the requirements the control implements to its maps_to list.");

    public static readonly Rule DecisionNotAllowed = new(
        "CMP0032", "Alternative and not-reasonable decisions apply only to Addressable specifications", Severity.Error, Coverage,
        "Map a control to the Required specification, or use decision: not-applicable if it cannot apply to the organisation.");

    public static readonly Rule DecidedButMapped = new(
        "CMP0033", "A requirement is either implemented by controls or decided, not both", Severity.Warning, Coverage,
        "Remove the decision if the controls implement the requirement, or remove the requirement from the controls' maps_to.");

    public static readonly Rule ScopeMatchesNothing = new(
        "CMP0034", "Programme scope filters must select requirements", Severity.Error, Coverage,
        "Use a category that the framework's requirements carry.");

    public static readonly Rule PlannedOnly = new(
        "CMP0035", "A Required specification needs a control that is at least partially implemented", Severity.Warning, Coverage,
        "Implement the control, or map the requirement to a control that is implemented.");

    public static readonly Rule PolicyGovernsNothing = new(
        "CMP0040", "A policy should govern at least one control", Severity.Warning, Coverage,
        "List the controls the policy governs under governs.");

    public static readonly Rule IdentifierCollision = new(
        "CMP0050", "IDs should map to distinct C# member names", Severity.Warning, Schema,
        "Rename one of the IDs so that they differ in letters or digits, not only in punctuation.");

    public static readonly Rule InternalError = new(
        "CMP0099", "The compliance generator must not fail", Severity.Error, Internal,
        "This is a bug in the toolkit: report it with the file named here. The build fails rather than pass unchecked.");

    public static readonly Rule ProvenanceUnavailable = new(
        "CMP1001", "Git history must be available for provenance and retention checks", Severity.Warning, Provenance,
        "Build from a full clone: in GitHub Actions set 'fetch-depth: 0' on actions/checkout; elsewhere run 'git fetch --unshallow'.");

    public static readonly Rule RecordedDateInFuture = new(
        "CMP1003", "A date that records what already happened is not after the as-of date", Severity.Error, Provenance,
        "Correct the date to the day it happened, or run the check with a later as-of date.");

    public static readonly Rule DocumentNoLongerReadable = new(
        "CMP1002", "A file that was a programme document at the previous commit is still one", Severity.Error, Provenance,
        "Restore the document's content (for a policy, its --- front matter block), or delete the file in a commit of its own if the document is retired.");

    public static readonly Rule EvidenceMissing = new(
        "CMP1101", "Every evidence requirement has a collected artifact", Severity.Error, Evidence,
        "Collect the evidence, store it under evidence/ with a NAME.evidence.yaml sidecar naming this control and requirement.");

    public static readonly Rule EvidenceStale = new(
        "CMP1102", "Evidence must be fresher than its freshness window", Severity.Error, Evidence,
        "Collect the evidence again and commit the new artifact with its sidecar.");

    public static readonly Rule EvidenceNearlyStale = new(
        "CMP1103", "Evidence close to the end of its freshness window", Severity.Warning, Evidence,
        "Schedule the next collection before the window closes.");

    public static readonly Rule EvidenceHashMismatch = new(
        "CMP1104", "An artifact's SHA-256 matches its sidecar", Severity.Error, Evidence,
        "The artifact changed after it was recorded: restore the original from git history, or collect new evidence with a new sidecar. Never edit evidence in place.");

    public static readonly Rule PathEscapesEvidence = new(
        "CMP1105", "Evidence paths stay inside evidence/", Severity.Error, Evidence,
        "Use a relative path inside evidence/ without '..', without an absolute prefix and without symbolic links.");

    public static readonly Rule ArtifactMissing = new(
        "CMP1106", "The artifact a sidecar names exists", Severity.Error, Evidence,
        "Add the artifact beside its sidecar, or correct the sidecar's artifact field.");

    public static readonly Rule CollectedInFuture = new(
        "CMP1107", "Evidence cannot be collected after the as-of date", Severity.Error, Evidence,
        "Correct collected_on, or run the check with a later as-of date.");

    public static readonly Rule CollectedAfterCommit = new(
        "CMP1108", "Evidence cannot be collected after the commit that added it", Severity.Error, Evidence,
        "collected_on must be the day the evidence was produced, on or before the day it was committed: correct the sidecar.");

    public static readonly Rule EvidenceUncommitted = new(
        "CMP1109", "Evidence is committed to git", Severity.Warning, Evidence,
        "Commit the artifact and its sidecar so that their provenance is recorded.");

    public static readonly Rule UnaccountedArtifact = new(
        "CMP1110", "Every file under evidence/ is accounted for", Severity.Warning, Evidence,
        "Add a NAME.evidence.yaml sidecar for the file, or reference it as a BAA's evidence.");

    public static readonly Rule BaaExpired = new(
        "CMP1201", "A vendor's BAA is in force", Severity.Error, Vendors,
        "Renew the BAA, record the new dates and the signed agreement in policies/vendors.yaml, or stop sending PHI to the vendor.");

    public static readonly Rule BaaExpiring = new(
        "CMP1202", "A BAA close to expiry is renewed in time", Severity.Warning, Vendors,
        "Start the renewal now; record the new agreement when it is signed.");

    public static readonly Rule BaaMissing = new(
        "CMP1203", "A vendor that handles PHI has a BAA", Severity.Error, Vendors,
        "Sign a BAA (45 CFR 164.308(b), 164.314(a)) and record it under the vendor's baa, or set handles_phi: false if no PHI reaches the vendor.");

    public static readonly Rule BaaChainBroken = new(
        "CMP1204", "Every subcontractor in a PHI chain has a BAA in force", Severity.Error, Vendors,
        "Obtain the subcontractor's BAA (164.314(a)(2)(iii)) and record it, or remove the subcontractor from the chain.");

    public static readonly Rule BaaEvidenceMissing = new(
        "CMP1205", "A BAA's signed agreement is on file", Severity.Error, Vendors,
        "Store the signed agreement under evidence/ and point the BAA's evidence field at it.");

    public static readonly Rule BaaNotYetEffective = new(
        "CMP1206", "A PHI vendor's BAA is effective", Severity.Error, Vendors,
        "Do not send PHI to the vendor before the BAA's effective date, or correct effective_on.");

    public static readonly Rule PolicyReviewOverdue = new(
        "CMP1301", "Policies are reviewed within their review interval", Severity.Error, Policies,
        "Review the policy, then update version, approved_by and approved_on in its front matter.");

    public static readonly Rule PolicyApproverInactive = new(
        "CMP1302", "A policy is approved by an active person", Severity.Error, Policies,
        "Have an active member of the workforce approve the policy and record it in approved_by.");

    public static readonly Rule PolicyReviewDueSoon = new(
        "CMP1303", "A policy review that falls due soon is planned", Severity.Warning, Policies,
        "Schedule the review before the date shown.");

    public static readonly Rule RevokedOwner = new(
        "CMP1401", "Revoked people own and approve nothing", Severity.Error, Workforce,
        "Reassign the item to an active person (45 CFR 164.308(a)(1)(ii)(C), 164.308(a)(3)(ii)(C)).");

    public static readonly Rule WaiverExpired = new(
        "CMP1501", "Waivers are in force", Severity.Error, Waivers,
        "Fix the finding the waiver covered, or have the waiver renewed with a new expires_on and approval.");

    public static readonly Rule WaiverUnused = new(
        "CMP1502", "Every waiver matches a finding", Severity.Error, Waivers,
        "Delete the waiver: what it waived is fixed, or its rule or target is wrong.");

    public static readonly Rule WaiverNotWaivable = new(
        "CMP1503", "Only evidence, BAA and policy-review findings (CMP11xx-CMP13xx) can be waived", Severity.Error, Waivers,
        "Fix the finding instead: structure, sanctions, retention, breach notification, encryption and the audit log are never waived.");

    public static readonly Rule RetentionViolation = new(
        "CMP1601", "Documentation is retained for six years (45 CFR 164.316(b)(2)(i))", Severity.Error, Retention,
        "Restore the file from the deleting commit's parent ('git checkout <sha>^ -- <path>') and keep it until six years after it was created or last in effect.");

    public static readonly Rule IndividualNoticeOverdue = new(
        "CMP1701", "Individuals are notified within 60 days of discovering a breach (164.404(b))", Severity.Error, Breach,
        "Notify the affected individuals now and record individuals_notified_on; document any law-enforcement delay (164.412) in law_enforcement_delay.");

    public static readonly Rule HhsNoticeOverdue = new(
        "CMP1702", "HHS is notified within 60 days of a breach of 500 or more individuals (164.408(b))", Severity.Error, Breach,
        "Submit the breach report to HHS now and record hhs_notified_on.");

    public static readonly Rule MediaNoticeOverdue = new(
        "CMP1703", "The media are notified of a breach of more than 500 residents of a State (164.406)", Severity.Error, Breach,
        "Notify prominent media outlets serving the State and record media_notified_on.");

    public static readonly Rule AnnualLogOverdue = new(
        "CMP1704", "Breaches of fewer than 500 reach HHS within 60 days of the calendar year's end (164.408(c))", Severity.Error, Breach,
        "Submit the year's breach log to HHS and record the submission date in hhs_notified_on.");

    public static readonly Rule NotificationDue = new(
        "CMP1705", "A breach-notification deadline is approaching", Severity.Warning, Breach,
        "Send the notice before the deadline shown and record its date.");

    public static readonly Rule EndpointUnverified = new(
        "CMP1801", "Every in-scope endpoint has a deploy-time TLS verification", Severity.Error, Encryption,
        "Run 'compliance verify-tls https://host' in the deploy pipeline and commit the verification it records.");

    public static readonly Rule WeakTransportEncryption = new(
        "CMP1802", "Endpoints negotiate TLS 1.2 or later (164.312(e)(1))", Severity.Error, Encryption,
        "Disable TLS 1.1 and older on the endpoint, then verify it again.");

    public static readonly Rule ArtifactSignatureFailed = new(
        "CMP1803", "The deployed artifact's signature verifies", Severity.Error, Encryption,
        "Deploy only artifacts signed by a trusted signer; investigate the failed verification as a security incident.");

    public static readonly Rule VerificationStale = new(
        "CMP1804", "An endpoint's latest TLS verification is within its freshness window", Severity.Error, Encryption,
        "Verify the endpoint again (every deploy runs 'compliance verify-tls').");

    public static readonly Rule HandshakeFailed = new(
        "CMP1805", "An endpoint's latest TLS verification succeeded", Severity.Error, Encryption,
        "Fix the endpoint's certificate or TLS configuration, then verify it again.");

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

    public static readonly Rule CheckFailed = new(
        "CMP1901", "The compliance check must run to completion", Severity.Error, CheckInternal,
        "This is a bug or an environment problem (the message says which): the build fails rather than pass unchecked.");

    /// <summary>Every rule, by ID. Built on first use, so rules declared in other parts of this partial class are included.</summary>
    public static IReadOnlyList<Rule> All => Catalog.All;

    public static Rule? Find(string id) => Catalog.ById.TryGetValue(id, out var rule) ? rule : null;

    /// <summary>Whether a finding of this rule can be waived; unknown rules cannot.</summary>
    public static bool IsWaivable(string id) => Find(id)?.Waivable == true;

    // A nested class so that its static fields are initialised after every rule field of Rules.
    private static class Catalog
    {
        public static readonly IReadOnlyList<Rule> All = typeof(Rules)
            .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.FieldType == typeof(Rule))
            .Select(f => (Rule)f.GetValue(null)!)
            .OrderBy(r => r.Id, System.StringComparer.Ordinal)
            .ToArray();

        public static readonly Dictionary<string, Rule> ById = All.ToDictionary(r => r.Id, System.StringComparer.Ordinal);
    }
}
