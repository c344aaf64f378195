namespace Compliance.Model.Diagnostics;

/// <summary>
/// A group of rules that share a category, the stage that reports them and whether their findings
/// can be waived. The rule carries these facts, so nothing reads them off the digits of its ID.
/// </summary>
public sealed record RuleFamily(string Name, RuleStage Stage, bool Waivable);
