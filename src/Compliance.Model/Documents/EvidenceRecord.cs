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

    /// <summary>What the artifact is: a plain artifact, or a verification result the gate reads (tls-verification).</summary>
    public string Type { get; init; } = EvidenceTypes.Artifact;

    /// <summary>For a tls-verification: the endpoint id it verified.</summary>
    public Located? Endpoint { get; init; }

    /// <summary>Where collected_on is written: date findings point there.</summary>
    public SourceSpan? CollectedOnSpan { get; init; }
}

public static class EvidenceTypes
{
    public const string Artifact = "artifact";
    public const string TlsVerification = "tls-verification";

    public static readonly string[] All = { Artifact, TlsVerification };
}
