using System;
using Compliance.Model.Binding;

namespace Compliance.Model.Documents;

/// <summary>
/// A documented decision not to implement a specification as written (45 CFR 164.306(d)(3)):
/// an equivalent alternative measure, not reasonable and appropriate, or not applicable to the organisation.
/// </summary>
public sealed record DecisionDefinition(
    Located Requirement,
    string Decision,
    string Rationale,
    string? Alternative,
    Located? ApprovedBy,
    DateTime? ApprovedOn);

public static class DecisionKinds
{
    public const string Alternative = "alternative";
    public const string NotReasonable = "not-reasonable";
    public const string NotApplicable = "not-applicable";

    public static readonly string[] All = { Alternative, NotReasonable, NotApplicable };
}
