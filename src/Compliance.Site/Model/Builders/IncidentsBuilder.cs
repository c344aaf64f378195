using System;
using System.Collections.Generic;
using System.Linq;
using Compliance.Engine.Checks;

namespace Compliance.Site.Model;

/// <summary>
/// The incidents, breaches first, with the engine's typed notices: recipient, legal basis, deadline,
/// delay, delegation and state are the breach-clock check's values. Nothing here counts days or
/// matches recipient names; it only puts the values into words.
/// </summary>
internal sealed class IncidentsBuilder
{
    private readonly SiteBuildContext _context;

    public IncidentsBuilder(SiteBuildContext context) => _context = context;

    public IncidentsModel Build()
    {
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
            clocks.TryGetValue(id, out var found);
            var clock = incident.Breach ? found : null;
            var mediaStates = new HashSet<string>(
                clock?.Notices.Where(n => n.Recipient == NoticeRecipient.Media).SelectMany(n => n.States) ?? Enumerable.Empty<string>(),
                StringComparer.OrdinalIgnoreCase);
            var model = new IncidentModel(
                id,
                incident.Title,
                SiteBuildContext.Day(incident.DiscoveredOn),
                incident.Breach,
                incident.IndividualsAffected,
                incident.States.Select(s => new StateResidentsModel(s.State.Value, s.Residents, mediaStates.Contains(s.State.Value))).ToList(),
                clock?.Delay,
                incident.Summary,
                clock is not null,
                clock?.Notices.Select(Notice).ToList() ?? new List<NoticeModel>(),
                _context.Links.IncidentAnchor(id))
            {
                Capacity = clock?.Capacity,
            };
            (incident.Breach ? breaches : others).Add(model);
        }

        // Newest discovery first; an incident without a discovery date goes last.
        static List<IncidentModel> Order(List<IncidentModel> list) => list
            .OrderByDescending(i => i.DiscoveredOn ?? DateOnly.MinValue)
            .ThenBy(i => i.Id, StringComparer.Ordinal)
            .ToList();
        return new IncidentsModel(Order(breaches), Order(others), warningDays, new PageRef(SitePaths.Incidents));
    }

    private static NoticeModel Notice(BreachNotice notice) => new(
        Who(notice),
        Basis(notice),
        notice.Deadline,
        notice.NotifiedOn,
        notice.MarginDays,
        notice.State switch
        {
            Compliance.Engine.Checks.NoticeState.SentOnTime => NoticeState.SentOnTime,
            Compliance.Engine.Checks.NoticeState.SentLate => NoticeState.SentLate,
            Compliance.Engine.Checks.NoticeState.Overdue => NoticeState.Overdue,
            Compliance.Engine.Checks.NoticeState.Pending => notice.DueSoon ? NoticeState.DueSoon : NoticeState.Open,
            Compliance.Engine.Checks.NoticeState.NotRequired => NoticeState.NotRequired,
            _ => NoticeState.CannotBeDecided,
        },
        notice.DelayedBy is not null)
    {
        DelegatedBy = notice.DelegatedBy is { } by ? $"{by.Name} ({by.Id})" : null,
    };

    private static string Who(BreachNotice notice) => notice.Recipient switch
    {
        NoticeRecipient.Individuals => "Individuals",
        NoticeRecipient.Hhs => "HHS",
        NoticeRecipient.HhsAnnualLog => "HHS (annual log)",
        NoticeRecipient.Media => notice.States.Count == 0 ? "The media" : $"The media ({string.Join(", ", notice.States)})",
        _ => $"Covered entity {notice.CoveredEntity?.Name} ({notice.CoveredEntity?.Id})",
    };

    private static string Basis(BreachNotice notice) => notice.Recipient switch
    {
        NoticeRecipient.Individuals => $"{notice.LegalBasis}: without unreasonable delay, at most 60 days after discovery",
        NoticeRecipient.Hhs => $"{notice.LegalBasis}: 500 or more individuals, at the same time as the individuals",
        NoticeRecipient.HhsAnnualLog => $"{notice.LegalBasis}: fewer than 500 individuals, in the log due 60 days after the end of the year of discovery",
        NoticeRecipient.Media => $"{notice.LegalBasis}: more than 500 residents of a State, at most 60 days after discovery",
        _ => notice.LegalBasis.AgreementOf is null
            ? $"{notice.LegalBasis}: the business associate notifies the covered entity, at most 60 days after discovery"
            : $"{notice.LegalBasis}: the business associate notifies the covered entity within the BAA's shorter window",
    };
}
