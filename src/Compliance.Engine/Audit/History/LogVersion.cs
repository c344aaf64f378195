using Compliance.Engine.Git.Objects;

namespace Compliance.Engine.Audit.History;

/// <summary>One committed version of the log: the blob IDs of the log and its head file (null when absent).</summary>
internal readonly record struct LogVersion(GitOid? Log, GitOid? Head)
{
    public static readonly LogVersion None = new(null, null);
}

/// <summary>
/// Whether a version is a prefix of the final log, and how many events it holds. Decided from the head file
/// and the log blob's size, without inflating the blob; a version without a head file is read in full.
/// </summary>
internal readonly record struct VersionFit(bool PrefixOfFinal, long Events);
