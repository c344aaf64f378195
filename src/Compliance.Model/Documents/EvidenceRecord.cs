using System;
using Compliance.Model.Binding;
using Compliance.Model.Text;

namespace Compliance.Model.Documents;

/// <summary>
/// The metadata sidecar of one evidence artifact (<c>NAME.evidence.yaml</c> beside it): which
/// control and evidence requirement it serves, when and by whom it was collected, and its SHA-256.
/// </summary>
public sealed record EvidenceRecord(
    Located Artifact,
    Located Control,
    Located Requirement,
    DateTime? CollectedOn,
    Located Collector,
    Located Sha256,
    string? Description,
    SourceSpan Span)
{
    /// <summary>The control/evidence-requirement key that waivers and reports use.</summary>
    public string Key => $"{Control.Value}/{Requirement.Value}";

    /// <summary>Where collected_on is written: date findings point there.</summary>
    public SourceSpan? CollectedOnSpan { get; init; }
}
