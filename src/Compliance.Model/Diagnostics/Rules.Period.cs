namespace Compliance.Model.Diagnostics;

/// <summary>
/// The audit period (SOC 2 Type II view): exceptions found over a range of days from git history.
/// They are warnings: a past day cannot be fixed, so they inform the auditor and never fail the build;
/// the as-of check stays the gate.
/// </summary>
public static partial class Rules
{
    private static RuleFamily Period => RuleFamilies.Period;

    public static readonly Rule PeriodEvidenceGap = new(
        "CMP2701", "Every evidence requirement is covered by fresh, intact, committed evidence on every day of the period", Severity.Warning, Period,
        "Collect evidence before the previous artifact goes stale, and commit it promptly: an artifact counts from the later of collected_on and its commit. For a gap the auditor must see, record the reason in the period's management response.");

    public static readonly Rule PeriodRequirementUncovered = new(
        "CMP2702", "Every in-scope requirement has an implemented control or a decision on every day of the period", Severity.Warning, Period,
        "Map an implemented control (or record a decision) for the requirement; a control counts only from the commit that defined it.");

    public static readonly Rule PeriodBaaNotInForce = new(
        "CMP2703", "Every PHI vendor has a BAA in force on every day of the period", Severity.Warning, Period,
        "Sign (or renew) the BAA before the vendor handles PHI, and record its effective_on and expires_on in the vendor registry.");

    public static readonly Rule PeriodPolicyReviewOverdue = new(
        "CMP2704", "No policy review is overdue on any day of the period", Severity.Warning, Period,
        "Review and re-approve the policy before its review falls due (approved_on + review_interval_days).");

    public static readonly Rule PeriodRevokedOwner = new(
        "CMP2705", "No revoked person owns a control on any day of the period", Severity.Warning, Period,
        "Reassign the control's owner in the same change that revokes the person's access.");

    public static readonly Rule PeriodRevokedActiveInIdp = new(
        "CMP2706", "No revoked person is active in the identity provider or in a PHI group on any day of the period (164.308(a)(3)(ii)(C))", Severity.Warning, Period,
        "Deactivate the person's identity-provider account and remove it from every PHI group on the day their access is revoked, and collect an access-review export soon after to show it.");

    public static readonly Rule PeriodPhiMemberNotEntitled = new(
        "CMP2707", "Only people entitled to PHI are in a PHI group of the identity provider on every day of the period (164.308(a)(4))", Severity.Warning, Period,
        "Remove the user from the PHI group, or grant the entitlement through the access procedure (phi_access: true) before the membership is provisioned, and collect an access-review export soon after to show it.");

    public static readonly Rule PeriodPhiMemberUnknown = new(
        "CMP2708", "Every PHI-group member of the identity provider is in the workforce registry on every day of the period (164.308(a)(3)(ii)(B))", Severity.Warning, Period,
        "Remove the user from the PHI group, or add the person to policies/people.yaml (with idp_user when the user name is not their e-mail) before the membership is provisioned.");
}
