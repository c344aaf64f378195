using System;
using System.Collections.Generic;

namespace Compliance.Engine.Audit.Anchors;

/// <summary>The verdict on one anchor token, decided once by <see cref="AnchorVerifier"/>.</summary>
public enum AnchorState
{
    /// <summary>Signed by a trusted TSA over the hash of an event that is still in the log.</summary>
    Valid,

    /// <summary>Not an RFC 3161 token over a SHA-256 imprint, or its signature or certificate chain does not verify against the trusted TSAs.</summary>
    Untrusted,

    /// <summary>A trusted token, but over a hash that is no event of the log: the log was rewritten after it was anchored.</summary>
    HashNotInLog,
}

/// <summary>One anchor: its file name, the head hash it covers, the TSA's time and signer, and its state.</summary>
public sealed record AuditAnchor(string Name, AnchorState State, string? HeadHash, DateTimeOffset? TsaTime, string? Tsa, string Message)
{
    /// <summary>The seq of the anchored event in the log; null when the hash is not in it.</summary>
    public long? Seq { get; init; }
}

/// <summary>The anchoring check over the log: every anchor, the latest trusted one, and whether the interval was exceeded.</summary>
public sealed record AnchoringResult(IReadOnlyList<AuditAnchor> Anchors, int IntervalDays, DateTimeOffset? LatestTrusted, bool Overdue);
