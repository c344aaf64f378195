using Compliance.Engine.Git.Objects;

namespace Compliance.Engine.Audit.History;

/// <summary>One committed version of the log: the blob IDs of the log and its head file (null when absent).</summary>
/// <remarks>
/// Classes with hand-written equality, not record structs: ReadyToRun cannot precompile framework generics
/// over value types (a dictionary keyed by a struct, the comparer of a GitOid?), bench/RESULTS.md, issue 15.
/// </remarks>
internal sealed record LogVersion(GitOid? Log, GitOid? Head)
{
    public static readonly LogVersion None = new(null, null);

    public bool Equals(LogVersion? other) => other is not null && Log == other.Log && Head == other.Head;

    public override int GetHashCode() => (Log?.GetHashCode() ?? 0) ^ (31 * (Head?.GetHashCode() ?? 0));
}

/// <summary>
/// Whether a version is a prefix of the final log, and how many events it holds. Decided from the head file
/// and the log blob's size, without inflating the blob; a version without a head file is read in full.
/// </summary>
internal sealed record VersionFit(bool PrefixOfFinal, long Events);
