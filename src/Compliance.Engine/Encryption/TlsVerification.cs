using Compliance.Engine.Evidence;

namespace Compliance.Engine.Encryption;

/// <summary>Why a TLS verification artifact cannot count, if it cannot.</summary>
public enum TlsRecordProblem
{
    None,

    /// <summary>The artifact's SHA-256 does not match its sidecar, or it is missing: it was not read.</summary>
    NotIntact,

    /// <summary>The file is not a TLS verification record.</summary>
    NotARecord,

    /// <summary>The record names another endpoint than its sidecar.</summary>
    EndpointMismatch,
}

/// <summary>
/// One TLS verification artifact as the engine read it, once: the record (when it could be read), why it
/// cannot count, and whether it was collected after the as-of date. The site and reports show these.
/// </summary>
public sealed record TlsVerification(Artifact Artifact, string? EndpointId, TlsVerificationRecord? Record, TlsRecordProblem Problem, bool CollectedAfterAsOf)
{
    /// <summary>Counts for its endpoint on the as-of date: intact, readable, about that endpoint and not from the future.</summary>
    public bool Counts => Problem == TlsRecordProblem.None && !CollectedAfterAsOf;
}

/// <summary>An endpoint's verification state on the as-of date, decided by <see cref="Checks.EncryptionChecks"/>.</summary>
public enum EndpointState
{
    Unverified,
    Verified,
    Stale,
    Failed,
    Weak,
    SignatureFailed,
}
