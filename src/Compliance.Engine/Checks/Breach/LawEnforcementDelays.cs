using System;
using Compliance.Model.Diagnostics;
using Compliance.Model.Documents;

namespace Compliance.Engine.Checks;

/// <summary>
/// 164.412 as written: a written statement delays notice for the time it specifies; an oral one,
/// documented, for no longer than 30 days from the statement unless a written statement is submitted
/// within those 30 days. The delay applies to every clock the section names: 164.404, 164.406,
/// 164.408 (the annual log included) and 164.410.
/// </summary>
public static class LawEnforcementDelays
{
    public const int OralDelayDays = 30;

    public static NoticeDelay? Resolve(CheckContext context, IncidentDefinition incident)
    {
        if (incident.LawEnforcementDelay is not { StatementOn: { } statementOn, Until: { } until } delay)
        {
            return null;
        }

        var statement = CheckContext.Day(statementOn);
        var requested = CheckContext.Day(until);
        var form = delay.Form == StatementForms.Written ? StatementForm.Written : StatementForm.Oral;
        var written = delay.WrittenStatementOn is { } w ? CheckContext.Day(w) : (DateOnly?)null;
        var cap = statement.AddDays(OralDelayDays);
        var writtenInTime = form == StatementForm.Written || (written is { } followed && followed <= cap);
        var effective = writtenInTime || requested <= cap ? requested : cap;
        var resolved = new NoticeDelay(statement, form, delay.Agency, requested, effective, written, delay.Evidence?.Value);
        if (resolved.Capped)
        {
            var id = incident.Id.Value;
            var late = written is { } after ? $" (the written statement of {CheckContext.Iso(after)} came after them)" : string.Empty;
            context.Report(Rules.OralDelayCapped, delay.Span, id,
                $"Breach '{id}': the oral statement of {CheckContext.Iso(statement)} by {delay.Agency} delays notice for at most {OralDelayDays} days{late}, to {CheckContext.Iso(effective)}, not to the {CheckContext.Iso(requested)} it asked for.");
        }

        return resolved;
    }

    /// <summary>A deadline moved to the end of the delay when that is later, and the delay that moved it.</summary>
    public static (DateOnly Deadline, NoticeDelay? MovedBy) Apply(DateOnly deadline, NoticeDelay? delay) =>
        delay is not null && delay.EffectiveUntil > deadline ? (delay.EffectiveUntil, delay) : (deadline, null);
}
