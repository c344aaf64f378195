namespace Compliance.Engine.Audit.Signing;

/// <summary>The signature verdict on one event, decided once by the engine; the CLI and the site only show it.</summary>
public enum SignatureState
{
    /// <summary>Unsigned, and its type does not have to be signed.</summary>
    Unsigned,

    /// <summary>Signed by a declared key of an owner active on the event's day, for a type that owner may sign.</summary>
    Valid,

    /// <summary>Unsigned, but the programme requires its type to be signed.</summary>
    Missing,

    /// <summary>The signature does not verify over the event's canonical bytes with the key it names.</summary>
    Invalid,

    /// <summary>Signed by a key that no runner or person declares.</summary>
    UnknownKey,

    /// <summary>Signed by a key whose owner was revoked on or before the event's day.</summary>
    SignerRevoked,

    /// <summary>Signed by a runner's key, for an event type the runner may not sign.</summary>
    TypeNotAllowed,
}

public enum SignerKind
{
    Runner,
    Person,
}

/// <summary>The verdict on one event: its state, and the key's owner when the key is known.</summary>
public sealed record EventSignatureVerdict(long Seq, int Line, string EventHash, string Type, SignatureState State, string? KeyId, SignerKind? OwnerKind, string? OwnerId)
{
    /// <summary>Who signed, for display: "runner hipaa-prod-runner", "person alice", or the bare key ID.</summary>
    public string? Signer => OwnerId is not null ? $"{(OwnerKind == SignerKind.Runner ? "runner" : "person")} {OwnerId}" : KeyId;
}
