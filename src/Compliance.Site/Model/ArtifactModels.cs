using System;

namespace Compliance.Site.Model;

// The evidence files: what each is, whether it is intact, and where its viewer and copy are.

public enum ArtifactIntegrity
{
    Intact,
    Tampered,
    Missing,
    Refused,

    /// <summary>A BAA agreement: no sidecar records a digest, so the site shows the digest it computed.</summary>
    Unrecorded,
}

public enum ArtifactKind
{
    Text,
    Markdown,
    Json,
    Pdf,
    Image,
    Other,
}

public sealed record ArtifactModel(
    string Path,
    string FileName,
    string? Description,
    string? ControlId,
    string? RequirementId,
    PageRef? Owner,
    DateOnly? CollectedOn,
    string? Collector,
    PersonLink? CollectorPerson,
    string? RecordedSha256,
    string? ActualSha256,
    ArtifactIntegrity Integrity,
    string? Problem,
    string? SidecarPath,
    CommitModel? AddedBy,
    CommitModel? LastChangedBy,
    bool Uncommitted,
    ArtifactKind Kind,
    long? Size,
    PageRef Viewer,
    string? CopyPath,
    string? NotCopiedReason,
    string? FullPath)
{
    public bool Copied => CopyPath is not null;

    /// <summary>For a tls-verification artifact: the endpoint it verified, on the encryption page.</summary>
    public ItemLink? Verifies { get; init; }
}
