using System.Collections.Generic;

namespace Compliance.Engine.Collection.Builtin;

/// <summary>
/// One artifact a built-in collector produced, before it is stored: its file name, its bytes, the
/// sidecar fields beyond the common ones (a TLS record's type and endpoint) and the audit event's fields.
/// </summary>
public sealed record BuiltinArtifact(
    string Name,
    byte[] Content,
    IReadOnlyList<KeyValuePair<string, string>> SidecarFields,
    IReadOnlyDictionary<string, string> EventFields,
    string Description);

/// <summary>What a built-in collector produced, or why it produced nothing.</summary>
public sealed record BuiltinResult(IReadOnlyList<BuiltinArtifact> Artifacts, string? Failure)
{
    public static BuiltinResult Failed(string failure) => new(System.Array.Empty<BuiltinArtifact>(), failure);
}
