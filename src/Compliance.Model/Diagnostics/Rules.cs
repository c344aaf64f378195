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
