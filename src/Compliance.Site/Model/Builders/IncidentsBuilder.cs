using System;
using System.Collections.Generic;
using System.Linq;
using Compliance.Engine.Checks;

namespace Compliance.Site.Model;

/// <summary>The incidents, breaches first, with the notice deadlines the breach-clock check computed.</summary>
internal sealed class IncidentsBuilder
{
    private readonly SiteBuildContext _context;

    public IncidentsBuilder(SiteBuildContext context) => _context = context;

    public IncidentsModel Build()
    {
        var asOf = _context.AsOf;
        var warningDays = _context.Result.Options.BreachWarningDays;
        var clocks = new Dictionary<string, BreachClock>(StringComparer.Ordinal);
        foreach (var clock in _context.Result.Breaches)
        {
            clocks.TryAdd(clock.IncidentId, clock);
        }

        var breaches = new List<IncidentModel>();
        var others = new List<IncidentModel>();
        foreach (var incident in _context.Programme.Incidents)
        {
            var id = incident.Id.Value;
            var discovered = SiteBuildContext.Day(incident.DiscoveredOn);
            var delay = SiteBuildContext.Day(incident.LawEnforcementDelayUntil);
            var notices = new List<NoticeModel>();
            clocks.TryGetValue(id, out var found);
            if (incident.Breach && found is { } clock)
            {
                foreach (var deadline in clock.Deadlines)
                {
                    var delayed = delay is { } d && deadline.Deadline == d && d > clock.DiscoveredOn.AddDays(BreachClockChecks.NoticeDays);
                    notices.Add(new NoticeModel(
                        NoticeWho(deadline.Who),
                        NoticeBasis(deadline.Who, clock.DiscoveredOn),
                        deadline.Deadline,
                        deadline.NotifiedOn,
                        deadline.Deadline.DayNumber - asOf.DayNumber,
                        NoticeStateOf(deadline.Deadline, deadline.NotifiedOn, asOf, warningDays),
                        delayed));
                }
            }

            var model = new IncidentModel(
                id,
                incident.Title,
                discovered,
                incident.Breach,
                incident.IndividualsAffected,
                incident.States.Select(s => new StateResidentsModel(s.State.Value, s.Residents, s.Residents > BreachClockChecks.MediaThreshold)).ToList(),
                delay,
                incident.Summary,
                incident.Breach && found is not null,
                notices,
                _context.Links.IncidentAnchor(id));
            (incident.Breach ? breaches : others).Add(model);
        }

        // Newest discovery first; an incident without a discovery date goes last.
        static List<IncidentModel> Order(List<IncidentModel> list) => list
            .OrderByDescending(i => i.DiscoveredOn ?? DateOnly.MinValue)
            .ThenBy(i => i.Id, StringComparer.Ordinal)
            .ToList();
        return new IncidentsModel(Order(breaches), Order(others), warningDays, new PageRef(SitePaths.Incidents));
    }

    /// <summary>
    /// A notice's state on the as-of date, as the breach-clock check judges it: sent on or before its
    /// deadline, sent after it, or not sent and overdue, due within the warning window (today included),
    /// or open.
    /// </summary>
    public static NoticeState NoticeStateOf(DateOnly deadline, DateOnly? notifiedOn, DateOnly asOf, int warningDays)
    {
        if (notifiedOn is { } sent)
        {
            return sent <= deadline ? NoticeState.SentOnTime : NoticeState.SentLate;
        }

        var left = deadline.DayNumber - asOf.DayNumber;
        return left < 0 ? NoticeState.Overdue : left <= warningDays ? NoticeState.DueSoon : NoticeState.Open;
    }

    /// <summary>The engine names the recipient in lower case ("individuals", "the media (CA)"); the site starts it with a capital.</summary>
    private static string NoticeWho(string who) => who.Length == 0 ? who : char.ToUpperInvariant(who[0]) + who.Substring(1);

    private static string NoticeBasis(string who, DateOnly discovered) => who switch
    {
        "individuals" => "164.404(b): without unreasonable delay, at most 60 days after discovery",
        "HHS" => "164.408(b): 500 or more individuals, at the same time as the individuals",
        "HHS (annual log)" => $"164.408(c): fewer than 500 individuals, in the log due 60 days after the end of {discovered.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
        _ when who.StartsWith("the media", StringComparison.Ordinal) => "164.406: more than 500 residents of a State, at most 60 days after discovery",
        _ => string.Empty,
    };
}
