namespace Compliance.Model.Diagnostics;

/// <summary>
/// The rule families of the catalog. Only evidence, BAA and policy-review findings can be waived:
/// structure, sanctions, retention, breach notification, encryption and the audit log never are.
/// </summary>
public static class RuleFamilies
{
    public static readonly RuleFamily Syntax = new("Syntax", RuleStage.Structure, Waivable: false);
    public static readonly RuleFamily Schema = new("Schema", RuleStage.Structure, Waivable: false);
    public static readonly RuleFamily Integrity = new("Integrity", RuleStage.Structure, Waivable: false);
    public static readonly RuleFamily Coverage = new("Coverage", RuleStage.Structure, Waivable: false);
    public static readonly RuleFamily GeneratorInternal = new("Internal", RuleStage.Structure, Waivable: false);
    public static readonly RuleFamily Provenance = new("Provenance", RuleStage.Gate, Waivable: false);
    public static readonly RuleFamily Evidence = new("Evidence", RuleStage.Gate, Waivable: true);
    public static readonly RuleFamily Vendors = new("Vendors", RuleStage.Gate, Waivable: true);
    public static readonly RuleFamily Policies = new("Policies", RuleStage.Gate, Waivable: true);
    public static readonly RuleFamily Workforce = new("Workforce", RuleStage.Gate, Waivable: false);
    public static readonly RuleFamily Waivers = new("Waivers", RuleStage.Gate, Waivable: false);
    public static readonly RuleFamily Retention = new("Retention", RuleStage.Gate, Waivable: false);
    public static readonly RuleFamily Breach = new("Breach", RuleStage.Gate, Waivable: false);
    public static readonly RuleFamily Encryption = new("Encryption", RuleStage.Gate, Waivable: false);
    public static readonly RuleFamily Deploy = new("Deploy", RuleStage.Deploy, Waivable: false);
    public static readonly RuleFamily AuditLog = new("AuditLog", RuleStage.Gate, Waivable: false);
    public static readonly RuleFamily CheckInternal = new("Internal", RuleStage.Gate, Waivable: false);

    // Period exceptions are past days: a waiver counts by the days it covered, not by suppressing the finding.
    public static readonly RuleFamily Period = new("Period", RuleStage.Gate, Waivable: false);
}
