using System;
using System.Collections.Generic;
using System.Linq;
using Compliance.Model.Diagnostics;
using Compliance.Model.Documents;

namespace Compliance.Engine.Checks;

/// <summary>
/// The Breach Notification Rule's clocks (45 CFR 164.400-164.414) from the programme's role. A breach
/// counts as discovered on the first day it is known, or by exercising reasonable diligence would have
/// been known, to anyone of the workforce or an agent other than the person who committed it
/// (164.404(a)(2), 164.410(a)(2)): that day is day 0 and day 60 is the last day allowed.
/// A covered entity owes individuals (164.404), HHS (164.408: with the individuals' notice for 500 or
/// more, else the annual log) and the media for more than 500 residents of a State (164.406). A
/// business associate owes each affected covered entity (164.410), within a shorter window if the BAA
/// sets one, and the covered entity's notices only where the covered entity delegated them.
/// </summary>
public static class BreachClockChecks
{
    public const int NoticeDays = Compliance.Model.Documents.BreachNoticeLimit.Days;
    public const int HhsThreshold = 500;   // "500 or more" (164.408(b))
    public const int MediaThreshold = 500; // "more than 500 residents" (164.406(a))

    public static IReadOnlyList<BreachClock> Run(CheckContext context)
    {
        var programme = context.Programme.Programme;
        var role = programme?.Role ?? ProgrammeRole.CoveredEntity;
        var entities = (programme?.CoveredEntities ?? default).GroupBy(e => e.Id.Value, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var clocks = new List<BreachClock>();
        foreach (var incident in context.Programme.Incidents)
        {
            if (!incident.Breach || incident.DiscoveredOn is not { } discoveredOn)
            {
                continue;
            }

            var discovered = CheckContext.Day(discoveredOn);
            var delay = LawEnforcementDelays.Resolve(context, incident);
            var capacity = role == ProgrammeRole.BusinessAssociate || (role == ProgrammeRole.Both && incident.CoveredEntities.Count > 0)
                ? BreachCapacity.BusinessAssociate
                : BreachCapacity.CoveredEntity;
            var duties = new List<NoticeDuty>();
            if (capacity == BreachCapacity.CoveredEntity)
            {
                CoveredEntityDuties(context, incident, discovered, delay, NoticeDelegation.All, null, duties);
            }
            else
            {
                foreach (var affected in incident.CoveredEntities)
                {
                    if (!entities.TryGetValue(affected.CoveredEntity.Value, out var entity))
                    {
                        continue; // an unknown covered entity is a structural finding (CMP0021) already
                    }

                    duties.Add(BusinessAssociateDuty(incident, affected, entity, discovered, delay));
                    CoveredEntityDuties(context, incident, discovered, delay, entity.Delegates, new CoveredEntityRef(entity.Id.Value, entity.Name), duties);
                }
            }

            var notices = duties.Select(d => d.Rule is null ? NotJudged(d) : NoticeJudge.Judge(context, incident, discovered, d)).ToList();
            clocks.Add(new BreachClock(incident.Id.Value, discovered, capacity, delay, notices));
        }

        return clocks;
    }

    // 164.410(b): no later than 60 days after discovery, or the BAA's shorter window.
    private static NoticeDuty BusinessAssociateDuty(IncidentDefinition incident, AffectedCoveredEntity affected, CoveredEntityDefinition entity, DateOnly discovered, NoticeDelay? delay)
    {
        var recipient = new CoveredEntityRef(entity.Id.Value, entity.Name);
        var notified = affected.NotifiedOn is { } on ? CheckContext.Day(on) : (DateOnly?)null;
        var (regulation, movedBy) = LawEnforcementDelays.Apply(discovered.AddDays(NoticeDays), delay);
        if (entity.NoticeDays is { } days && days < NoticeDays)
        {
            var (agreed, agreedMovedBy) = LawEnforcementDelays.Apply(discovered.AddDays(days), delay);
            var beyondRegulation = notified is { } sent ? sent > regulation : false;
            if (!beyondRegulation)
            {
                return new NoticeDuty(NoticeRecipient.CoveredEntity, recipient, Array.Empty<string>(), new LegalBasis("164.410(b)", entity.Name),
                    agreed, agreedMovedBy, null, notified, Rules.AgreementNoticeOverdue, affected.Span, $" (the BAA's {days} days)");
            }
        }

        return new NoticeDuty(NoticeRecipient.CoveredEntity, recipient, Array.Empty<string>(), new LegalBasis("164.410(b)"),
            regulation, movedBy, null, notified, Rules.CoveredEntityNoticeOverdue, affected.Span);
    }

    private static void CoveredEntityDuties(CheckContext context, IncidentDefinition incident, DateOnly discovered, NoticeDelay? delay, NoticeDelegation delegation, CoveredEntityRef? delegatedBy, List<NoticeDuty> duties)
    {
        var where = incident.Id.Span;
        var (deadline, movedBy) = LawEnforcementDelays.Apply(discovered.AddDays(NoticeDays), delay);
        var individuals = incident.IndividualsNotifiedOn is { } i ? CheckContext.Day(i) : (DateOnly?)null;
        var hhs = incident.HhsNotifiedOn is { } h ? CheckContext.Day(h) : (DateOnly?)null;
        var none = Array.Empty<string>();
        if (delegation.Individuals)
        {
            duties.Add(new NoticeDuty(NoticeRecipient.Individuals, null, none, new LegalBasis("164.404(b)"), deadline, movedBy, delegatedBy, individuals, Rules.IndividualNoticeOverdue, where));
        }

        if (delegation.Hhs && incident.IndividualsAffected >= HhsThreshold)
        {
            // 164.408(b): contemporaneously with the notice to individuals, and never after its deadline.
            var withIndividuals = individuals is { } sent && sent < deadline;
            duties.Add(new NoticeDuty(NoticeRecipient.Hhs, null, none, new LegalBasis("164.408(b)"), withIndividuals ? individuals!.Value : deadline, withIndividuals ? null : movedBy, delegatedBy, hhs, Rules.HhsNoticeOverdue, where,
                withIndividuals ? $" (the notice to individuals)" : null));
        }
        else if (delegation.Hhs)
        {
            var (annual, annualMovedBy) = LawEnforcementDelays.Apply(new DateOnly(discovered.Year, 12, 31).AddDays(NoticeDays), delay);
            duties.Add(new NoticeDuty(NoticeRecipient.HhsAnnualLog, null, none, new LegalBasis("164.408(c)"), annual, annualMovedBy, delegatedBy, hhs, Rules.AnnualLogOverdue, where));
        }

        if (delegation.Media)
        {
            MediaDuty(context, incident, deadline, movedBy, delegatedBy, duties);
        }
    }

    // 164.406: more than 500 residents of one State, the same State's rows summed.
    private static void MediaDuty(CheckContext context, IncidentDefinition incident, DateOnly deadline, NoticeDelay? movedBy, CoveredEntityRef? delegatedBy, List<NoticeDuty> duties)
    {
        var media = incident.MediaNotifiedOn is { } m ? CheckContext.Day(m) : (DateOnly?)null;
        var basis = new LegalBasis("164.406(b)");
        var states = incident.States
            .GroupBy(s => s.State.Value, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Sum(s => (long)s.Residents) > MediaThreshold)
            .Select(g => g.First().State.Value)
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToList();
        if (states.Count > 0)
        {
            duties.Add(new NoticeDuty(NoticeRecipient.Media, null, states, basis, deadline, movedBy, delegatedBy, media, Rules.MediaNoticeOverdue, incident.Id.Span));
        }
        else if (incident.IndividualsAffected > MediaThreshold && incident.States.Count == 0)
        {
            var id = incident.Id.Value;
            context.Report(Rules.MediaDutyUndecided, incident.Id.Span, id,
                $"Breach '{id}' affects {incident.IndividualsAffected} individuals and records no States: whether the media must be notified (more than {MediaThreshold} residents of one State) cannot be decided.");
            duties.Add(new NoticeDuty(NoticeRecipient.Media, null, states, basis, deadline, movedBy, delegatedBy, media, null, incident.Id.Span) { Undecided = true });
        }
        else if (incident.IndividualsAffected > MediaThreshold)
        {
            duties.Add(new NoticeDuty(NoticeRecipient.Media, null, states, basis, deadline, null, delegatedBy, media, null, incident.Id.Span));
        }
    }

    private static BreachNotice NotJudged(NoticeDuty duty) => new(
        duty.Recipient, duty.CoveredEntity, duty.States, duty.LegalBasis, duty.Undecided ? duty.Deadline : null, duty.DelayedBy, duty.DelegatedBy, duty.NotifiedOn,
        duty.Undecided ? NoticeState.CannotBeDecided : NoticeState.NotRequired, null, false);
}
