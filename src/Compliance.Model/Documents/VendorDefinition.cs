using System;
using Compliance.Model.Binding;
using Compliance.Model.Text;

namespace Compliance.Model.Documents;

/// <summary>A vendor of the BAA registry: the services it provides, whether it handles PHI, its BAA and subcontractors.</summary>
public sealed record VendorDefinition(
    Located Id,
    string Name,
    bool HandlesPhi,
    EquatableArray<ServiceDefinition> Services,
    BaaDefinition? Baa,
    EquatableArray<Located> Subcontractors,
    string? Notes,
    SourceSpan Span);

/// <summary>A service by its stable identifier, e.g. kms.googleapis.com.</summary>
public sealed record ServiceDefinition(Located Id, string Name);

/// <summary>A Business Associate Agreement (45 CFR 164.308(b), 164.314(a)) and the evidence of its signature.</summary>
public sealed record BaaDefinition(DateTime? SignedOn, DateTime? EffectiveOn, DateTime? ExpiresOn, Located? Evidence, SourceSpan Span)
{
    /// <summary>Where expires_on is written: expiry findings point there.</summary>
    public SourceSpan? ExpiresOnSpan { get; init; }

    /// <summary>Where effective_on is written.</summary>
    public SourceSpan? EffectiveOnSpan { get; init; }
}
