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
    NotRequired,
    CannotBeDecided,
}

/// <summary>One notice of a breach: to whom, under which rule, its deadline, and when it was sent or how long is left on the as-of date.</summary>
/// <summary>The engine's notice, in the page's words: MarginDays counts from the notice (unsent: the as-of date) to the deadline, negative when late.</summary>
public sealed record NoticeModel(string Who, string Basis, DateOnly? Deadline, DateOnly? NotifiedOn, int? MarginDays, NoticeState State, bool Delayed)
{
    public bool IsOpen => State is NoticeState.Overdue or NoticeState.DueSoon or NoticeState.Open or NoticeState.CannotBeDecided;

    /// <summary>The covered entity that delegated this notice to the programme, if one did.</summary>
    public string? DelegatedBy { get; init; }
}

public sealed record StateResidentsModel(string State, int Residents, bool MediaNotice);

public sealed record IncidentModel(
    string Id,
    string Title,
    DateOnly? DiscoveredOn,
    bool Breach,
    int IndividualsAffected,
    IReadOnlyList<StateResidentsModel> States,
    Compliance.Engine.Checks.NoticeDelay? LawEnforcementDelay,
    string? Summary,
    bool HasClock,
    IReadOnlyList<NoticeModel> Notices,
    PageRef Anchor)
{
    /// <summary>Whether the programme acted on the breach as covered entity or as business associate.</summary>
    public Compliance.Engine.Checks.BreachCapacity? Capacity { get; init; }

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
