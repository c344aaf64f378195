using System;
using System.Collections.Generic;
using System.Linq;

namespace Compliance.Site.Model;

// The incidents and the breach-notification clocks the check computed (issue 5).

public enum NoticeState
{
    SentOnTime,
    SentLate,
    Overdue,
    DueSoon,
    Open,
}

/// <summary>One notice of a breach: to whom, under which rule, its deadline, and when it was sent or how long is left on the as-of date.</summary>
public sealed record NoticeModel(string Who, string Basis, DateOnly Deadline, DateOnly? NotifiedOn, int DaysLeft, NoticeState State, bool Delayed)
{
    public bool IsOpen => State is NoticeState.Overdue or NoticeState.DueSoon or NoticeState.Open;
}

public sealed record StateResidentsModel(string State, int Residents, bool MediaNotice);

public sealed record IncidentModel(
    string Id,
    string Title,
    DateOnly? DiscoveredOn,
    bool Breach,
    int IndividualsAffected,
    IReadOnlyList<StateResidentsModel> States,
    DateOnly? LawEnforcementDelayUntil,
    string? Summary,
    bool HasClock,
    IReadOnlyList<NoticeModel> Notices,
    PageRef Anchor)
{
    public ItemLink Link => new(Id, Title, Anchor);

    /// <summary>A clock is open while any of its notices is not sent.</summary>
    public bool Open => HasClock && Notices.Any(n => n.IsOpen);
}

public sealed record IncidentsModel(IReadOnlyList<IncidentModel> Breaches, IReadOnlyList<IncidentModel> Others, int WarningDays, PageRef Page)
{
    public IEnumerable<IncidentModel> All
    {
        get
        {
            foreach (var incident in Breaches)
            {
                yield return incident;
            }

            foreach (var incident in Others)
            {
                yield return incident;
            }
        }
    }
}
