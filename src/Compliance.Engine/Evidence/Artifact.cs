using System;
using Compliance.Engine.Git;
using Compliance.Model.Documents;

namespace Compliance.Engine.Evidence;

/// <summary>One evidence artifact: its sidecar record, where it resolved to, its actual digest and its git history.</summary>
public sealed record Artifact(
    EvidenceRecord Record,
    string SidecarPath,
    EvidencePath Path,
    string? ActualSha256,
    PathHistory? History,
    PathHistory? SidecarHistory,
    bool Uncommitted)
{
    public DateOnly? CollectedOn => Record.CollectedOn is { } date ? DateOnly.FromDateTime(date) : null;

    public bool HashMatches => ActualSha256 is not null && ActualSha256 == Record.Sha256.Value;

    /// <summary>Usable as evidence: inside evidence/, present, and untampered.</summary>
    public bool IsIntact => Path.IsSafe && Path.Exists && HashMatches;
}
