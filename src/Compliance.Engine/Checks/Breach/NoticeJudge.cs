using System;
using System.Collections.Generic;
using Compliance.Model.Diagnostics;
using Compliance.Model.Documents;
using Compliance.Model.Text;

namespace Compliance.Engine.Checks;

/// <summary>What one notice is owed, before the as-of date judges it; a null rule means there is nothing to judge.</summary>
internal sealed record NoticeDuty(
    NoticeRecipient Recipient,
    CoveredEntityRef? CoveredEntity,
    IReadOnlyList<string> States,
    LegalBasis LegalBasis,
    DateOnly Deadline,
    NoticeDelay? DelayedBy,
    CoveredEntityRef? DelegatedBy,
    DateOnly? NotifiedOn,
    Rule? Rule,
    SourceSpan Where,
    string? LateBecause = null)
{
    /// <summary>The facts recorded cannot decide whether the duty exists (its finding is reported already).</summary>
    public bool Undecided { get; init; }
}

/// <summary>Judges a notice on the as-of date (day 60 itself is on time) and reports what is late or due.</summary>
internal static class NoticeJudge
{
    public static BreachNotice Judge(CheckContext context, IncidentDefinition incident, DateOnly discovered, NoticeDuty duty)
    {
        var id = incident.Id.Value;
        var who = Who(duty);
        var left = duty.Deadline.DayNumber - context.AsOf.DayNumber;
        if (duty.NotifiedOn is { } sent)
        {
            var late = sent > duty.Deadline;
            if (late)
            {
                context.Report(duty.Rule!, duty.Where, id,
                    $"Breach '{id}' (discovered {CheckContext.Iso(discovered)}): {who} were notified on {CheckContext.Iso(sent)}, {sent.DayNumber - duty.Deadline.DayNumber} days after the deadline of {CheckContext.Iso(duty.Deadline)}{duty.LateBecause}.");
            }

            return Notice(duty, late ? NoticeState.SentLate : NoticeState.SentOnTime, duty.Deadline.DayNumber - sent.DayNumber, false);
        }

        if (left < 0)
        {
            context.Report(duty.Rule!, duty.Where, id,
                $"Breach '{id}' (discovered {CheckContext.Iso(discovered)}, {incident.IndividualsAffected} individuals): {who} not notified, and the deadline of {CheckContext.Iso(duty.Deadline)}{duty.LateBecause} passed {-left} days ago.");
            return Notice(duty, NoticeState.Overdue, left, false);
        }

        var dueSoon = left <= context.Options.BreachWarningDays;
        if (dueSoon)
        {
            context.Report(Rules.NotificationDue, duty.Where, id,
                $"Breach '{id}': notice to {who} is due by {CheckContext.Iso(duty.Deadline)}, in {left} days.");
        }

        return Notice(duty, NoticeState.Pending, left, dueSoon);
    }

    private static BreachNotice Notice(NoticeDuty duty, NoticeState state, int? marginDays, bool dueSoon) => new(
        duty.Recipient, duty.CoveredEntity, duty.States, duty.LegalBasis, duty.Deadline, duty.DelayedBy, duty.DelegatedBy, duty.NotifiedOn, state, marginDays, dueSoon);

    // The recipient in a finding's words, built from the typed values.
    private static string Who(NoticeDuty duty)
    {
        var who = duty.Recipient switch
        {
            NoticeRecipient.Individuals => "individuals",
            NoticeRecipient.Hhs => "HHS",
            NoticeRecipient.HhsAnnualLog => "HHS (annual log)",
            NoticeRecipient.Media => $"the media ({string.Join(", ", duty.States)})",
            _ => $"the covered entity '{duty.CoveredEntity?.Id}'",
        };
        return duty.DelegatedBy is { } by ? $"{who} (delegated by '{by.Id}')" : who;
    }
}
