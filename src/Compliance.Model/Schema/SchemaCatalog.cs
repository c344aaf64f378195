using System.Collections.Generic;
using System.Linq;
using Compliance.Model.Documents;

namespace Compliance.Model.Schema;

/// <summary>
/// Every kind of programme file and every key it may hold, as data: the source of the JSON Schemas
/// under schemas/ (<c>compliance schema</c>) and of editor completion. The binders in Parsing/ are the
/// other half; tests/Compliance.Schema.Tests binds a sample of every kind built from this catalog and
/// proves that the binders ask for exactly these keys, require exactly these fields and accept exactly
/// these enum values and ranges. Change a binder and this file together, or the tests fail.
/// </summary>
public static class SchemaCatalog
{
    private const string IdPattern = @"^\S+$";

    public static IReadOnlyList<DocumentKindSpec> Kinds { get; } = new[]
    {
        Programme(),
        Framework(),
        FrameworkPart(),
        Crosswalk(),
        Controls(),
        Decisions(),
        Vendors(),
        People(),
        Waivers(),
        Incidents(),
        Evidence(),
        Policy(),
    };

    /// <summary>The kinds written as YAML files (all but policy front matter), in the order the parser tries them.</summary>
    public static IEnumerable<DocumentKindSpec> YamlKinds => Kinds.Where(k => !k.IsFrontMatter);

    public static DocumentKindSpec Find(string kind) => Kinds.First(k => k.Kind == kind);

    private static DocumentKindSpec Programme() => new(
        DocumentKinds.Programme,
        "Programme",
        "The programme: its name and the frameworks in scope. One per repository, usually controls/programme.yaml.",
        isFrontMatter: false,
        new[] { "controls/programme.yaml" },
        Obj(Object(DocumentKinds.Programme, true, "The programme.", Obj(
            Id("id", "The programme's ID, e.g. larkspur."),
            Text("name", true, "The organisation or programme name shown in reports and on the audit site."),
            Text("description", false, "What the programme covers."),
            List("scope", true, "The frameworks in scope.", Obj(
                Id("framework", "A framework ID (a framework catalog's framework.id)."),
                IdList("categories", "Only requirements whose category is listed are in scope (e.g. the SOC 2 categories Security, Availability, Confidentiality)."))),
            List("runners", false, "The only CI runners allowed to deploy in-scope systems (the deploy gate).", Obj(
                Id("id", "The runner's ID, as passed to 'compliance gate --runner'."),
                Bool("require_signed", false, "Deploys from this runner must be signed (--runner-signed). Default false."),
                Text("description", false, "What the runner is and where it runs."),
                TextList("public_keys", false, "The runner's audit-event signing keys: ECDSA P-256 public keys, each a PEM block or SPKI base64."),
                IdList("signs", "The audit event types the runner's keys may sign, e.g. deploy, gate-decision."),
                Date("revoked_on", false, "The day the runner was retired: from that day on its keys no longer count."))),
            List("endpoints", false, "Endpoints whose TLS is verified at deploy time (164.312(e)(1)).", Obj(
                Id("id", "The endpoint's ID, as passed to 'compliance verify-tls'."),
                Pattern(Text("url", true, "The endpoint, https://host[:port]."), "^https://", "an https:// URL", "https://api.example.com"),
                Reference("evidence", true, "CONTROL/EVIDENCE: the evidence requirement whose artifacts are the verifications.", "CRY-02/deploy-tls-verification"))),
            Object("identity_provider", false, "The identity provider the access review is reconciled with (164.308(a)(4), 164.312(a)(1)).", Obj(
                TextList("phi_groups", true, "The IdP groups (SCIM displayName) whose members can reach ePHI."),
                Reference("access_review", true, "CONTROL/EVIDENCE: the evidence requirement whose artifacts are SCIM 2.0 exports of the IdP's users and groups.", "IAM-04/idp-export"))),
            Enum("role", false, "The programme's HIPAA role, which sets its breach clocks: covered-entity (the default), business-associate or both.", ProgrammeRoles.All),
            List("covered_entities", false, "For a business associate: the covered entities it serves, with their BAAs' breach-notice terms.", Obj(
                Id("id", "The covered entity's ID, e.g. CL-0204; incidents name it."),
                Text("name", true, "The covered entity's name."),
                Int("notice_days", false, "A notice window the BAA sets, shorter than 164.410's 60 days.", 0, 60),
                Reference("agreement", false, "The BAA: a repository-relative path under evidence/.", "evidence/baa/clinic-baa.md"),
                Object("delegates", false, "The covered entity's own notices that the BAA delegates to the programme.", Obj(
                    Bool("individuals", false, "The notice to individuals (164.404). Default false."),
                    Bool("media", false, "The notice to the media (164.406). Default false."),
                    Bool("hhs", false, "The notice to HHS, including the annual log (164.408). Default false."))))),
            Object("audit_log", false, "Where the shared audit log lives: a protected git ref of the programme's remote. Without it, evidence/audit/audit-log.jsonl in the work tree.", Obj(
                Pattern(Text("ref", true, "The full git ref that holds the log, e.g. refs/heads/compliance-audit. Protect it against force-pushes and deletion."), "^refs/", "a full ref name under refs/", "refs/heads/compliance-audit"),
                Text("remote", false, "The git remote that holds the ref. Default origin."))),
            Object("audit_signing", false, "Which audit events must be signed by a key of a runner or a person.", Obj(
                IdList("required_for", "The event types that must carry a signature, e.g. deploy, gate-decision."))),
            Object("audit_anchoring", false, "How the audit log is anchored outside the repository with RFC 3161 timestamp tokens ('compliance audit anchor').", Obj(
                Int("interval_days", true, "The most days that may pass since the latest trusted anchor.", 1, 3660),
                TextList("tsa_certificates", false, "The certificates (PEM) of the timestamp authorities whose tokens are trusted."))),
            Object("site", false, "Settings of the audit site that belong to the programme.", Obj(
                Pattern(Text("repository_url", true, "The repository's https address on its forge: the site links a deleted document's last version there (REPO/blob/COMMIT/PATH), beside its git show command."), "^https://", "an https:// URL", "https://github.com/acme/compliance")))))));

    private static DocumentKindSpec Framework() => new(
        DocumentKinds.Framework,
        "Framework catalog",
        "A framework's requirements (HIPAA Security Rule, SOC 2, ...), usually controls/frameworks/*.yaml.",
        isFrontMatter: false,
        new[] { "controls/frameworks/*.yaml" },
        Obj(
            Object(DocumentKinds.Framework, true, "The framework.", Obj(
                Id("id", "The framework's ID, e.g. hipaa-security. Named by programme scope and crosswalks."),
                Text("title", true, "The framework's title."),
                Text("citation", false, "The legal or standard citation, e.g. 45 CFR Part 164, Subpart C."),
                Text("source", false, "Where the authoritative text is published."))),
            List("requirements", true, "The framework's requirements, parents before children.", Requirement())));

    // A part is read as the rest of its framework's list: one requirement shape for both.
    private static DocumentKindSpec FrameworkPart() => new(
        DocumentKinds.FrameworkPart,
        "Framework part",
        "More requirements of a framework defined in another file: one file per family, or a catalog too large for one file (each file is limited to 4 MiB). Merged into the framework in ordinal path order, after the framework file's own requirements.",
        isFrontMatter: false,
        new[] { "controls/frameworks/**/*.yaml" },
        Obj(
            Object(DocumentKinds.FrameworkPart, true, "Which framework these requirements belong to.", Obj(
                Reference("framework", true, "The ID of the framework (its framework.id) that this part adds to."))),
            List("requirements", true, "More requirements of the framework, read exactly as the framework file's own.", Requirement())));

    private static ObjectSpec Requirement() => Obj(
        Id("id", "The requirement's ID, unique across all frameworks. Quote IDs that contain '(' or ':' or start with a digit."),
        Text("title", true, "A short title in your own words."),
        Enum("kind", true, "What the requirement is.", RequirementKinds.All),
        Reference("parent", false, "The ID of the parent requirement, in the same framework."),
        Bool("required", false, "HIPAA: true = Required, false = Addressable. Omit where it does not apply."),
        Text("category", false, "The safeguard or SOC 2 category; programme scope filters on it."),
        Text("summary", false, "A summary in your own words (never copyrighted text)."),
        Bool("informative", false, "Needs no control (definitions, applicability). Default false."));

    private static DocumentKindSpec Crosswalk() => new(
        DocumentKinds.Crosswalk,
        "Crosswalk",
        "How one framework's requirements relate to another's, usually controls/crosswalks/*.yaml.",
        isFrontMatter: false,
        new[] { "controls/crosswalks/*.yaml" },
        Obj(
            Object(DocumentKinds.Crosswalk, true, "The crosswalk.", Obj(
                Id("id", "The crosswalk's ID."),
                Text("title", true, "The crosswalk's title."),
                Reference("source", true, "The source framework's ID."),
                Reference("target", true, "The target framework's ID."))),
            List("mappings", true, "The relationships, one per source and target requirement pair.", Obj(
                Reference("source", true, "A requirement of the source framework."),
                Reference("target", true, "A requirement of the target framework."),
                Enum("relationship", true, "The source requirement relative to the target: equivalent, subset, superset or intersects.", CrosswalkRelationships.All),
                Text("area", false, "An overlap area label, e.g. access-control."),
                Text("rationale", true, "Why the relationship holds.")))));

    private static DocumentKindSpec Controls() => new(
        DocumentKinds.Controls,
        "Controls",
        "Controls the organisation operates, the requirements they implement and the evidence they produce. Any file under controls/ whose root key is controls.",
        isFrontMatter: false,
        new[] { "controls/**/*.yaml" },
        Obj(List(DocumentKinds.Controls, true, "The controls in this file.", Obj(
            Id("id", "The control's ID, e.g. IAM-01."),
            Text("title", true, "The control's title."),
            Text("description", true, "What the control does and how."),
            Reference("owner", true, "The ID of the person who owns the control (policies/people.yaml)."),
            Enum("status", true, "The control's implementation status.", ControlStatuses.All),
            IdList("maps_to", "The requirement IDs the control implements (an empty list is a warning)."),
            List("evidence", false, "The evidence the control must produce.", Obj(
                Id("id", "The evidence requirement's ID, unique within the control."),
                Text("description", true, "What the evidence shows."),
                Enum("collection", true, "How the evidence is collected.", EvidenceCollections.All),
                Int("freshness_days", true, "How many days a collected artifact stays fresh.", 1, 3650),
                Object("collector", false, "How 'compliance collect' produces the artifact. Never run by the build.", Obj(
                    Reference("job", false, "The job's name: the sidecar's collector becomes job:NAME. Required with run; a built-in collector defaults to its own name.", "okta-config-export"),
                    TextList("run", false, "The command as an argv array (never a shell string), run in the repository root. {output} in an argument is the file the command writes; without it, standard output is the artifact. Give run or builtin, not both."),
                    Enum("builtin", false, "A collector built into the toolkit instead of a command: tls (verify-tls over the endpoints whose evidence is this requirement) or git-history (a branch's committers, signatures and unreviewed changes over a period).", BuiltinCollectors.All),
                    Reference("output", false, "The artifact's file name in the requirement's folder; {date} becomes the collection date. Required with run.", "export-{date}.json"),
                    Int("timeout_seconds", false, "The time limit of one run (default 120).", 1, CollectorDefinition.MaxTimeoutSeconds),
                    IdList("env", "The environment variables passed through to the command; no other variable is."),
                    Reference("branch", false, "git-history: the branch to read (default: the default branch).", "main"),
                    Int("period_days", false, "git-history: how many days before the collection day the period starts (default 90).", 1, 3650),
                    Reference("allowed_signers", false, "git-history: a repository-relative ssh allowed_signers file; signatures by its keys are verified, others are reported as signed, not verified.", "controls/allowed_signers"),
                    Reference("ca_file", false, "tls: a repository-relative PEM file of the roots the endpoints' certificates chain to (default: the system's roots).", "controls/internal-ca.pem"))),
                Enum("frequency", false, "How often the control operates, for audit-period sample sizes; derived from freshness_days when absent.", EvidenceFrequencies.All)))))));

    private static DocumentKindSpec Decisions() => new(
        DocumentKinds.Decisions,
        "Addressable decisions",
        "Decisions on HIPAA addressable (or inapplicable) specifications, usually controls/decisions.yaml.",
        isFrontMatter: false,
        new[] { "controls/decisions.yaml" },
        Obj(List(DocumentKinds.Decisions, true, "The decisions.", Obj(
            new[]
            {
                Reference("requirement", true, "The specification decided on."),
                Enum("decision", true, "alternative and not-reasonable apply to Addressable specifications only (164.306(d)(3)).", DecisionKinds.All),
                Text("rationale", true, "Why."),
                Text("alternative", false, "The equivalent alternative measure. Required when decision is alternative."),
                Reference("approved_by", true, "The ID of the person who approved the decision."),
                Date("approved_on", true, "When the decision was approved."),
            },
            RequiredWhen("alternative", "decision", DecisionKinds.Alternative)))));

    private static DocumentKindSpec Vendors() => new(
        DocumentKinds.Vendors,
        "Vendors (BAA registry)",
        "The vendors, their services and their business associate agreements, usually policies/vendors.yaml.",
        isFrontMatter: false,
        new[] { "policies/vendors.yaml" },
        Obj(List(DocumentKinds.Vendors, true, "The vendors.", Obj(
            Id("id", "The vendor's ID, e.g. google-cloud."),
            Text("name", true, "The vendor's name."),
            Bool("handles_phi", true, "Whether the vendor creates, receives, maintains or transmits PHI (a BAA is then checked by the gate)."),
            List("services", true, "The vendor's services the programme uses; IDs unique across all vendors.", Obj(
                Id("id", "The service's ID, e.g. kms.googleapis.com."),
                Text("name", true, "The service's name."))),
            Object("baa", false, "The business associate agreement. The gate requires one when handles_phi is true.", Obj(
                Date("signed_on", true, "When the BAA was signed."),
                Date("effective_on", true, "When it takes effect."),
                Date("expires_on", true, "When it expires."),
                Reference("evidence", true, "The signed BAA: a repository-relative path under evidence/.", "evidence/baa/vendor-baa.pdf"))),
            IdList("subcontractors", "Vendor IDs: the BAA chain."),
            Text("notes", false, "Notes.")))));

    private static DocumentKindSpec People() => new(
        DocumentKinds.People,
        "People (workforce registry)",
        "The workforce: owners, approvers and collectors, usually policies/people.yaml.",
        isFrontMatter: false,
        new[] { "policies/people.yaml" },
        Obj(List(DocumentKinds.People, true, "The people.", Obj(
            new[]
            {
                Id("id", "The person's ID, e.g. alice."),
                Text("name", true, "The person's name."),
                Reference("email", true, "The person's email address, unique.", "alice@example.com"),
                Text("role", true, "The person's role, e.g. Security Officer."),
                Bool("phi_access", true, "Whether the person is currently entitled to PHI access."),
                Enum("status", true, "active or revoked.", PersonStatuses.All),
                Date("revoked_on", false, "When access was revoked. Required when status is revoked, refused when active."),
                Reference("idp_user", false, "The person's userName in the identity provider, when it is not their email.", "alice.smith"),
                TextList("public_keys", false, "The person's audit-event signing keys: ECDSA P-256 public keys, each a PEM block or SPKI base64."),
            },
            RequiredWhen("revoked_on", "status", PersonStatuses.Revoked),
            RefusedWhen("revoked_on", "status", PersonStatuses.Active)))));

    private static DocumentKindSpec Waivers() => new(
        DocumentKinds.Waivers,
        "Waivers",
        "Time-limited waivers that turn a gate finding (CMP1xxx) into a warning, usually policies/waivers.yaml.",
        isFrontMatter: false,
        new[] { "policies/waivers.yaml" },
        Obj(List(DocumentKinds.Waivers, true, "The waivers.", Obj(
            Id("id", "The waiver's ID, e.g. WVR-2026-001."),
            Reference("rule", true, "The diagnostic ID waived, e.g. CMP1201 (docs/diagnostics.md).", "CMP1201"),
            Reference("target", true, "The item the finding names, e.g. IAM-01/sso-config."),
            Text("reason", true, "Why the finding is accepted for now."),
            Reference("approved_by", true, "The ID of the person who approved the waiver."),
            Date("approved_on", true, "When it was approved."),
            Date("expires_on", true, "When it stops applying.")))));

    private static DocumentKindSpec Incidents() => new(
        DocumentKinds.Incidents,
        "Incidents (breach-notification clock)",
        "Security incidents and breach notifications, usually policies/incidents.yaml.",
        isFrontMatter: false,
        new[] { "policies/incidents.yaml" },
        Obj(List(DocumentKinds.Incidents, true, "The incidents.", Obj(
            new[]
            {
                Id("id", "The incident's ID, e.g. SIR-2026-035."),
                Text("title", true, "The incident's title."),
                Date("discovered_on", true, "When it was discovered: the notification clock starts here (164.404(a)(2))."),
                Bool("breach", true, "A breach of unsecured PHI after the 164.402(2) risk assessment."),
                Int("individuals_affected", false, "How many individuals are affected. Required when breach is true.", 0, 100_000_000),
                List("states", false, "Residents affected per State or jurisdiction (media notice above 500).", Obj(
                    Reference("state", true, "The State or jurisdiction, e.g. OR.", "OR"),
                    Int("residents", true, "Residents affected there.", 0, 100_000_000))),
                Date("individuals_notified_on", false, "When individuals were notified."),
                Date("hhs_notified_on", false, "When HHS was notified."),
                Date("media_notified_on", false, "When the media were notified."),
                List("covered_entities", false, "For a business associate: each covered entity whose PHI was involved, and when it was notified (164.410).", Obj(
                    Reference("covered_entity", true, "A covered entity's ID from programme.covered_entities.", "CL-0204"),
                    Date("notified_on", false, "When the covered entity was notified."))),
                Object("law_enforcement_delay", false, "A law-enforcement official's statement delaying notice (164.412).", Obj(
                    new[]
                    {
                        Date("statement_on", true, "When the statement was made."),
                        Enum("form", true, "oral or written: an oral delay lasts at most 30 days unless a written statement follows.", StatementForms.All),
                        Text("agency", true, "The agency and official who made the statement."),
                        Date("until", true, "The end of the delay the statement asks for."),
                        Date("written_statement_on", false, "For an oral statement: when a written statement followed. Refused when form is written."),
                        Reference("evidence", true, "The record of the statement: a repository-relative path under evidence/.", "evidence/inc-01/le-statement.md"),
                    },
                    RefusedWhen("written_statement_on", "form", StatementForms.Written))),
                Text("summary", false, "What happened."),
            },
            RequiredWhen("individuals_affected", "breach", "true")))));

    private static DocumentKindSpec Evidence() => new(
        DocumentKinds.Evidence,
        "Evidence sidecar",
        "The record of one evidence artifact, committed beside it as NAME.evidence.yaml under evidence/.",
        isFrontMatter: false,
        new[] { "evidence/**/*.evidence.yaml" },
        Obj(Object(DocumentKinds.Evidence, true, "The evidence record.", Obj(
            new[]
            {
                Reference("artifact", true, "The artifact's path relative to this sidecar's folder, inside evidence/.", "artifact.json"),
                Reference("control", true, "The control's ID."),
                Reference("requirement", true, "The control's evidence requirement ID."),
                Date("collected_on", true, "The day the evidence was produced (not the commit date)."),
                Reference("collector", true, "A person's ID, or job:NAME for an automated collector.", "job:export"),
                Pattern(Reference("sha256", true, "The artifact's SHA-256, as 'sha256sum FILE' prints it."), "^[0-9a-f]{64}$", "64 lower-case hexadecimal digits", string.Concat(Enumerable.Repeat("0123456789abcdef", 4))),
                Text("description", false, "What the artifact shows."),
                Enum("type", false, "artifact (default) or tls-verification (written by 'compliance verify-tls').", EvidenceTypes.All),
                Reference("endpoint", false, "The programme endpoint verified. Required when type is tls-verification."),
            },
            RequiredWhen("endpoint", "type", EvidenceTypes.TlsVerification)))));

    private static DocumentKindSpec Policy() => new(
        DocumentKinds.Policy,
        "Policy front matter",
        "The YAML front matter of a policy (policies/*.md), between the opening and closing '---' lines.",
        isFrontMatter: true,
        new[] { "policies/**/*.md" },
        Obj(
            new[]
            {
                Id("id", "The policy's ID, e.g. POL-ACCESS."),
                Text("title", true, "The policy's title."),
                Reference("owner", true, "The ID of the person who owns the policy."),
                Text("version", true, "The policy's version; quote it (\"2.1\").", "1.0"),
                Reference("approved_by", true, "The ID of the person who approved this version."),
                Date("approved_on", true, "When this version was approved."),
                Int("review_interval_days", true, "How many days may pass between reviews.", 1, 1825),
                IdList("governs", "The IDs of the controls the policy governs."),
                Enum("status", false, "active or retired (the default is active, or retired when retired_on is set): retire a policy rather than delete it; it is kept six years after retired_on.", PolicyStatuses.All),
                Date("retired_on", false, "The day the policy stopped being in effect. Required when status is retired, refused when active."),
            },
            RequiredWhen("retired_on", "status", PolicyStatuses.Retired),
            RefusedWhen("retired_on", "status", PolicyStatuses.Active)));

    private static ObjectSpec Obj(params FieldSpec[] fields) => new(fields, System.Array.Empty<ConditionalRule>());

    private static ObjectSpec Obj(FieldSpec[] fields, params ConditionalRule[] rules) => new(fields, rules);

    private static ConditionalRule RequiredWhen(string field, string whenField, string whenValue) => new(field, required: true, whenField, whenValue);

    private static ConditionalRule RefusedWhen(string field, string whenField, string whenValue) => new(field, required: false, whenField, whenValue);

    private static FieldSpec Id(string name, string description) =>
        new(name, FieldType.Id, required: true, description) { Pattern = IdPattern, PatternMeaning = "an ID without whitespace" };

    private static FieldSpec Reference(string name, bool required, string description, string? example = null) =>
        new(name, FieldType.Id, required, description) { Pattern = IdPattern, PatternMeaning = "an ID without whitespace", Example = example };

    private static FieldSpec IdList(string name, string description) =>
        new(name, FieldType.IdList, required: false, description) { Pattern = IdPattern, PatternMeaning = "an ID without whitespace" };

    private static FieldSpec Text(string name, bool required, string description, string? example = null) =>
        new(name, FieldType.Text, required, description) { Example = example };

    private static FieldSpec TextList(string name, bool required, string description) => new(name, FieldType.TextList, required, description);

    private static FieldSpec Bool(string name, bool required, string description) => new(name, FieldType.Bool, required, description);

    private static FieldSpec Int(string name, bool required, string description, int min, int max) =>
        new(name, FieldType.Int, required, description) { Minimum = min, Maximum = max };

    private static FieldSpec Date(string name, bool required, string description) => new(name, FieldType.Date, required, description);

    private static FieldSpec Enum(string name, bool required, string description, string[] values) =>
        new(name, FieldType.Enum, required, description) { EnumValues = values };

    private static FieldSpec Object(string name, bool required, string description, ObjectSpec spec) =>
        new(name, FieldType.Object, required, description) { Object = spec };

    private static FieldSpec List(string name, bool required, string description, ObjectSpec item) =>
        new(name, FieldType.List, required, description) { Object = item };

    private static FieldSpec Pattern(FieldSpec field, string pattern, string meaning, string example)
    {
        field.Pattern = pattern;
        field.PatternMeaning = meaning;
        field.Example = example;
        return field;
    }
}
