using Compliance.Model.Diagnostics;

namespace Compliance.Site.Model;

// The findings of the check and the rules they break.

public sealed record FindingModel(
    int Number,
    string RuleId,
    string RuleTitle,
    PageRef? RulePage,
    Severity Severity,
    string Message,
    string Fix,
    string? Location,
    string? Target,
    ItemLink? Item,
    string? WaivedBy);

public sealed record RuleModel(string Id, string Title, Severity Severity, string Category, string Fix, int Findings, PageRef Anchor);
