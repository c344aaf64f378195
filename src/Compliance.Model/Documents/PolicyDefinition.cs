using System;
using Compliance.Model.Binding;
using Compliance.Model.Text;

namespace Compliance.Model.Documents;

/// <summary>A policy: Markdown whose front matter names its owner, approval, review interval and governed controls.</summary>
public sealed record PolicyDefinition(
    Located Id,
    string Title,
    Located? Owner,
    string Version,
    Located? ApprovedBy,
    DateTime? ApprovedOn,
    int ReviewIntervalDays,
    EquatableArray<Located> Governs,
    string Path,
    SourceSpan Span)
{
    /// <summary>active, or retired: a retired policy is kept, not deleted, for six years after retired_on (164.316(b)(2)(i)).</summary>
    public string Status { get; init; } = PolicyStatuses.Active;

    /// <summary>The day the policy stopped being in effect. Set exactly when the status is retired.</summary>
    public DateTime? RetiredOn { get; init; }

    /// <summary>The Markdown after the front matter, line endings as LF: what a reader of the policy sees, read once with the front matter.</summary>
    public string Body { get; init; } = string.Empty;

    public bool IsRetired => Status == PolicyStatuses.Retired;
}

/// <summary>A policy's lifecycle.</summary>
public static class PolicyStatuses
{
    public const string Active = "active";
    public const string Retired = "retired";

    public static readonly string[] All = { Active, Retired };
}
