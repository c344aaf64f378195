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
    LawEnforcementDelay? LawEnforcementDelay,
    string? Summary,
    SourceSpan Span)
{
    /// <summary>For a business associate: the covered entities whose PHI the breach involved, and when each was notified (164.410).</summary>
    public EquatableArray<AffectedCoveredEntity> CoveredEntities { get; init; } = EquatableArray<AffectedCoveredEntity>.Empty;
}

/// <summary>Residents of one State or jurisdiction affected by a breach (more than 500 triggers media notice, 164.406).</summary>
public sealed record StateCount(Located State, int Residents);

/// <summary>A covered entity affected by a business associate's breach, and when the business associate notified it.</summary>
public sealed record AffectedCoveredEntity(Located CoveredEntity, DateTime? NotifiedOn, SourceSpan Span);

/// <summary>
/// A law-enforcement official's statement that notice would impede an investigation (164.412). A
/// written statement delays notice for the time it specifies (164.412(a)); an oral one for at most 30
/// days from the statement unless a written statement follows within them (164.412(b)).
/// </summary>
public sealed record LawEnforcementDelay(
    DateTime? StatementOn,
    string Form,
    string Agency,
    DateTime? Until,
    DateTime? WrittenStatementOn,
    Located? Evidence,
    SourceSpan Span);

/// <summary>The forms of a law-enforcement statement (164.412(a) and (b)).</summary>
public static class StatementForms
{
    public const string Oral = "oral";
    public const string Written = "written";

    public static readonly string[] All = { Oral, Written };
}
