using System;
using Compliance.Model.Binding;
using Compliance.Model.Text;

namespace Compliance.Model.Documents;

/// <summary>A member of the workforce: role, PHI-access entitlement, and whether access is revoked (and since when).</summary>
public sealed record PersonDefinition(Located Id, string Name, Located? Email, string Role, bool PhiAccess, string Status, DateTime? RevokedOn)
{
    /// <summary>The person's user name in the identity provider, when it is not their e-mail.</summary>
    public Located? IdpUser { get; init; }

    /// <summary>The person's audit-event signing keys (ECDSA P-256 public keys, PEM or SPKI base64), as written.</summary>
    public EquatableArray<Located> PublicKeys { get; init; } = EquatableArray<Located>.Empty;
}

public static class PersonStatuses
{
    public const string Active = "active";
    public const string Revoked = "revoked";

    public static readonly string[] All = { Active, Revoked };
}
