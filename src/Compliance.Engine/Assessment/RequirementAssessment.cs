using System.Collections.Generic;
using Compliance.Engine.Evidence;
using Compliance.Model.Linking;

namespace Compliance.Engine.Assessment;

/// <summary>What keeps a requirement from being satisfied on the as-of date.</summary>
public enum AssessmentGapKind
{
    /// <summary>No control that counts maps to it, and no decision covers it.</summary>
    NoControlOrDecision,

    /// <summary>A control that maps to it is not (fully) implemented; <see cref="AssessmentGap.Detail"/> is its status.</summary>
    ControlNotImplemented,

    /// <summary>An evidence requirement of a mapped control has no usable artifact.</summary>
    EvidenceMissing,

    /// <summary>An evidence requirement of a mapped control is past its freshness window.</summary>
    EvidenceStale,

    /// <summary>Errors name a mapped control or its evidence; <see cref="AssessmentGap.Count"/> says how many.</summary>
    ErrorsNameControl,

    /// <summary>Errors name the requirement itself.</summary>
    ErrorsNameRequirement,
}

/// <summary>One gap: its kind, what it is about (a control, an evidence key, the requirement) and a count or status.</summary>
public sealed record AssessmentGap(AssessmentGapKind Kind, string Subject, string? Detail = null, int Count = 0);

/// <summary>
/// A requirement's assessment on the as-of date: its coverage (the model's), whether it is satisfied, the
/// gaps that say why not, and the latest artifacts of its controls. OSCAL and the reports show it.
/// </summary>
public sealed record RequirementAssessment(RequirementCoverage Coverage, bool Satisfied, IReadOnlyList<AssessmentGap> Gaps, IReadOnlyList<Artifact> Evidence);
