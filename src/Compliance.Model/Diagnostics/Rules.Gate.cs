namespace Compliance.Model.Diagnostics;

// CMP1xxx: the gate, checks that depend on the as-of date, the files on disk and git history.
public static partial class Rules
{
    public static readonly Rule ProvenanceUnavailable = new(
        "CMP1001", "Git history must be available for provenance and retention checks", Severity.Warning, Provenance,
        "Build from a full clone: in GitHub Actions set 'fetch-depth: 0' on actions/checkout; elsewhere run 'git fetch --unshallow'.");

    public static readonly Rule RecordedDateInFuture = new(
        "CMP1003", "A date that records what already happened is not after the as-of date", Severity.Error, Provenance,
        "Correct the date to the day it happened, or run the check with a later as-of date.");

    public static readonly Rule DocumentNoLongerReadable = new(
        "CMP1002", "A file that was a programme document at the previous commit is still one", Severity.Error, Provenance,
        "Restore the document's content (for a policy, its --- front matter block), or delete the file in a commit of its own if the document is retired.");

    public static readonly Rule CollectorCommandChanged = new(
        "CMP1004", "A new or changed collector command is called out for review", Severity.Warning, Provenance,
        "Review the command before merging: it runs with the collecting job's credentials. Keep controls/ under CODEOWNERS review.");

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

    public static readonly Rule CollectorKeyIgnored = new(
        "CMP1111", "A collector gives only the keys its kind uses", Severity.Warning, Evidence,
        "Remove the key: a built-in collector runs no command and reads only its own options; a command collector reads no built-in's options.");

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

    public static readonly Rule AccessRevokedStillActive = new(
        "CMP1402", "A revoked person has no active IdP account and no PHI-group membership (164.308(a)(3)(ii)(C))", Severity.Error, Workforce,
        "Deactivate the user in the identity provider and remove it from every PHI group, then collect a new access-review export.");

    public static readonly Rule AccessPhiMemberNotEntitled = new(
        "CMP1403", "Only people entitled to PHI are in a PHI group (164.308(a)(4))", Severity.Error, Workforce,
        "Remove the user from the PHI group, or grant the entitlement through the access procedure (phi_access: true).");

    public static readonly Rule AccessPhiMemberUnknown = new(
        "CMP1404", "Every PHI-group member is in the workforce registry (164.308(a)(3)(ii)(B))", Severity.Error, Workforce,
        "Remove the user from the PHI group, or add the person to policies/people.yaml (with idp_user when the user name is not their email).");

    public static readonly Rule AccessEntitledWithoutPhiGroup = new(
        "CMP1405", "A person entitled to PHI is in a PHI group of the identity provider", Severity.Warning, Workforce,
        "Set phi_access: false if the access was withdrawn, or provision the person's PHI-group membership; set idp_user if the IdP knows them by another name.");

    public static readonly Rule AccessReviewUnreadable = new(
        "CMP1406", "The access-review export is a SCIM 2.0 ListResponse", Severity.Error, Workforce,
        "Export the identity provider's users and groups as an RFC 7644 ListResponse of RFC 7643 User and Group resources, and collect it again.");

    public static readonly Rule DeployActorInactiveInIdp = new(
        "CMP1407", "A deploying actor is an active user of the identity provider (compliance gate --idp-export)", Severity.Error, Workforce,
        "Deploy as a person whose IdP account is active; if the account should be active, fix it in the IdP and export again.");

    public static readonly Rule DeployActorWithoutPhiGroup = new(
        "CMP1408", "A deploying actor is in a PHI group of the identity provider (compliance gate --idp-export)", Severity.Error, Workforce,
        "Deploy as a person in a PHI group, or provision the membership through the access procedure.");

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

    public static readonly Rule CheckFailed = new(
        "CMP1901", "The compliance check must run to completion", Severity.Error, CheckInternal,
        "This is a bug or an environment problem (the message says which): the build fails rather than pass unchecked.");
}
