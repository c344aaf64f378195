using System;
using System.Collections.Generic;
using System.Linq;
using Compliance.Model.Diagnostics;
using Compliance.Model.Documents;

namespace Compliance.Engine.Checks;

/// <summary>
/// The Breach Notification Rule's clocks (45 CFR 164.404-164.408), from the day of discovery:
/// individuals within 60 days; HHS in the same window for 500 or more individuals, otherwise in the
/// annual log within 60 days of the calendar year's end; the media for more than 500 residents of a
/// State. A law-enforcement delay (164.412) moves the 60-day deadlines to the end of the delay.
/// </summary>
public static class BreachClockChecks
{
    public const int NoticeDays = 60;
    public const int HhsThreshold = 500;   // "500 or more" (164.408(b))
    public const int MediaThreshold = 500; // "more than 500 residents" (164.406(a))

    public static IReadOnlyList<BreachClock> Run(CheckContext context)
    {
        var clocks = new List<BreachClock>();
        foreach (var incident in context.Programme.Incidents)
        {
            if (!incident.Breach || incident.DiscoveredOn is not { } discoveredOn)
            {
                continue;
            }

            var discovered = CheckContext.Day(discoveredOn);
            var deadline = discovered.AddDays(NoticeDays);
            if (incident.LawEnforcementDelayUntil is { } delay && CheckContext.Day(delay) > deadline)
            {
                deadline = CheckContext.Day(delay);
            }

            var clock = new BreachClock(incident.Id.Value, discovered, new List<NoticeDeadline>());
            Notice(context, incident, clock, Rules.IndividualNoticeOverdue, "individuals", deadline, incident.IndividualsNotifiedOn);
            if (incident.IndividualsAffected >= HhsThreshold)
            {
                Notice(context, incident, clock, Rules.HhsNoticeOverdue, "HHS", deadline, incident.HhsNotifiedOn);
            }
            else
            {
                var annual = new DateOnly(discovered.Year, 12, 31).AddDays(NoticeDays);
                Notice(context, incident, clock, Rules.AnnualLogOverdue, "HHS (annual log)", annual, incident.HhsNotifiedOn);
            }

            var states = incident.States.Where(s => s.Residents > MediaThreshold).Select(s => s.State.Value).ToList();
            if (states.Count > 0)
            {
                Notice(context, incident, clock, Rules.MediaNoticeOverdue, $"the media ({string.Join(", ", states)})", deadline, incident.MediaNotifiedOn);
            }

            clocks.Add(clock);
        }

        return clocks;
    }

    private static void Notice(CheckContext context, IncidentDefinition incident, BreachClock clock, Rule rule, string who, DateOnly deadline, DateTime? notifiedOn)
    {
        var id = incident.Id.Value;
        var notified = notifiedOn is { } date ? CheckContext.Day(date) : (DateOnly?)null;
        clock.Deadlines.Add(new NoticeDeadline(who, deadline, notified));
        if (notified is { } sent)
        {
            if (sent > deadline)
            {
                context.Report(rule, incident.Id.Span, id,
                    $"Breach '{id}' (discovered {CheckContext.Iso(clock.DiscoveredOn)}): {who} were notified on {CheckContext.Iso(sent)}, {sent.DayNumber - deadline.DayNumber} days after the deadline of {CheckContext.Iso(deadline)}.");
            }

            return;
        }

        var left = deadline.DayNumber - context.AsOf.DayNumber;
        if (left < 0)
        {
            context.Report(rule, incident.Id.Span, id,
                $"Breach '{id}' (discovered {CheckContext.Iso(clock.DiscoveredOn)}, {incident.IndividualsAffected} individuals): {who} not notified, and the deadline of {CheckContext.Iso(deadline)} passed {-left} days ago.");
        }
        else if (left <= context.Options.BreachWarningDays)
        {
            context.Report(Rules.NotificationDue, incident.Id.Span, id,
                $"Breach '{id}': notice to {who} is due by {CheckContext.Iso(deadline)}, in {left} days.");
        }
    }
}

/// <summary>The notice deadlines of one breach.</summary>
public sealed record BreachClock(string IncidentId, DateOnly DiscoveredOn, List<NoticeDeadline> Deadlines);

public sealed record NoticeDeadline(string Who, DateOnly Deadline, DateOnly? NotifiedOn);
