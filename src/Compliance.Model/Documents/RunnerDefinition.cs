using System;
using Compliance.Model.Binding;
using Compliance.Model.Text;

namespace Compliance.Model.Documents;

/// <summary>A CI runner allowed to deploy systems that hold PHI, and whether its deploys must be signed.</summary>
public sealed record RunnerDefinition(Located Id, bool RequireSigned, string? Description)
{
    /// <summary>The runner's audit-event signing keys (ECDSA P-256 public keys, PEM or SPKI base64), as written.</summary>
    public EquatableArray<Located> PublicKeys { get; init; } = EquatableArray<Located>.Empty;

    /// <summary>The event types the runner's keys may sign; a runner key on any other type is a finding.</summary>
    public EquatableArray<Located> Signs { get; init; } = EquatableArray<Located>.Empty;

    /// <summary>The day the runner was retired: from that day on its keys no longer count.</summary>
    public DateTime? RevokedOn { get; init; }
}

/// <summary>
/// An endpoint whose encryption in transit is verified, not attested (164.312(e)(1)): its latest
/// verification result is evidence for the named CONTROL/EVIDENCE requirement.
/// </summary>
public sealed record EndpointDefinition(Located Id, string Url, Located Evidence);
