using System;
using Compliance.Model.Binding;
using Compliance.Model.Text;

namespace Compliance.Model.Documents;

/// <summary>
/// A security incident, and when it is a breach of unsecured PHI the notification dates that the
/// Breach Notification Rule (45 CFR 164.400-414) puts on a clock from the day of discovery.
/// </summary>
public sealed record IncidentDefinition(
    Located Id,
    string Title,
    DateTime? DiscoveredOn,
    bool Breach,
    int IndividualsAffected,
    EquatableArray<StateCount> States,
    DateTime? IndividualsNotifiedOn,
    DateTime? HhsNotifiedOn,
    DateTime? MediaNotifiedOn,
    DateTime? LawEnforcementDelayUntil,
    string? Summary,
    SourceSpan Span);

/// <summary>Residents of one State or jurisdiction affected by a breach (more than 500 triggers media notice, 164.406).</summary>
public sealed record StateCount(Located State, int Residents);
