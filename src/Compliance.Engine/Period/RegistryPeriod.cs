using System;
using System.Collections.Generic;
using System.Linq;
using Compliance.Model.Diagnostics;
using Compliance.Model.Documents;
using Compliance.Model.Linking;
using Compliance.Model.Text;

namespace Compliance.Engine.Period;

/// <summary>
/// The period checks that read the registries over history: PHI vendors without a BAA in force,
/// overdue policy reviews, revoked owners, and the waivers in force (requirements: <see cref="RequirementPeriod"/>). Each is a day set per target from the committed versions, minus what was required.
/// </summary>
internal static class RegistryPeriod
{
    private static readonly HashSet<string> EvidenceRules = new(StringComparer.Ordinal)
    {
        Rules.EvidenceStale.Id, Rules.EvidenceMissing.Id, Rules.PeriodEvidenceGap.Id,
    };

    private static DateOnly Day(DateTime date) => DateOnly.FromDateTime(date);

    /// <summary>Waivers of evidence findings, by requirement key: the days each was committed, approved and unexpired.</summary>
    public static (DaySetsByKey ByKey, List<PeriodWaiver> Listed) Waivers(DayRange period, ProgrammeHistory history)
    {
        var byKey = new DaySetsByKey();
        var byWaiver = new Dictionary<(string Id, string Rule, string Target), List<DayRange>>();
        foreach (var version in history.Policies)
        {
            foreach (var waiver in version.Parsed.Waivers)
            {
                if (!EvidenceRules.Contains(waiver.Rule.Value) || waiver.ApprovedOn is not { } approved || waiver.ExpiresOn is not { } expires
                    || DayRange.Between(Day(approved), Day(expires)) is not { } approvedFor || version.Days.Intersect(approvedFor) is not { } days)
                {
                    continue;
                }

                byKey.Add(waiver.Target.Value, days);
                var id = (waiver.Id.Value, waiver.Rule.Value, waiver.Target.Value);
                (byWaiver.TryGetValue(id, out var list) ? list : byWaiver[id] = new()).Add(days);
            }
        }

        var listed = byWaiver.SelectMany(w => DaySet.Of(w.Value).Intersect(period).Ranges.Select(r => new PeriodWaiver(w.Key.Id, w.Key.Rule, w.Key.Target, r)))
            .OrderBy(w => w.Target, StringComparer.Ordinal).ThenBy(w => w.Days.Start).ThenBy(w => w.WaiverId, StringComparer.Ordinal).ToList();
        return (byKey, listed);
    }

    /// <summary>PHI vendors on days their committed registry entry had no BAA in force (effective_on, or signed_on, through expires_on).</summary>
    public static IEnumerable<PeriodException> Baas(DayRange period, LinkedProgramme head, ProgrammeHistory history)
    {
        var required = new DaySetsByKey();
        var inForce = new DaySetsByKey();
        var located = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        foreach (var version in history.Policies)
        {
            foreach (var vendor in version.Parsed.Vendors.Where(v => v.HandlesPhi))
            {
                required.Add(vendor.Id.Value, version.Days);
                located[vendor.Id.Value] = vendor.Baa?.Span ?? vendor.Span;
                if (vendor.Baa is { } baa && (baa.EffectiveOn ?? baa.SignedOn) is { } from
                    && DayRange.Between(Day(from), baa.ExpiresOn is { } to ? Day(to) : DateOnly.MaxValue) is { } term && version.Days.Intersect(term) is { } days)
                {
                    inForce.Add(vendor.Id.Value, days);
                }
            }
        }

        foreach (var vendor in head.Vendors)
        {
            located[vendor.Id.Value] = vendor.Baa?.Span ?? vendor.Span;
        }

        foreach (var id in required.Keys)
        {
            foreach (var gap in required.For(id).Intersect(period).Except(inForce.For(id)).Ranges)
            {
                yield return new PeriodException(PeriodExceptionKind.BaaNotInForce, Rules.PeriodBaaNotInForce.Id, id, gap, located[id],
                    $"The vendor '{id}' handled PHI without a BAA in force from {DayRange.Iso(gap.Start)} to {DayRange.Iso(gap.End)} ({gap.Days} days).");
            }
        }
    }

    /// <summary>Policies on days their committed version's review was overdue (after approved_on + review_interval_days).</summary>
    public static IEnumerable<PeriodException> Policies(DayRange period, LinkedProgramme head, ProgrammeHistory history)
    {
        var overdue = new DaySetsByKey();
        var located = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        foreach (var version in history.Policies)
        {
            if (version.Parsed.Policy is not { ApprovedOn: { } approved } policy)
            {
                continue;
            }

            located[policy.Id.Value] = policy.Id.Span;
            var due = Day(approved).AddDays(policy.ReviewIntervalDays);
            if (due < version.Days.End && version.Days.Intersect(new DayRange(due.AddDays(1), version.Days.End)) is { } days)
            {
                overdue.Add(policy.Id.Value, days);
            }
        }

        foreach (var policy in head.Policies)
        {
            located[policy.Id.Value] = policy.Id.Span;
        }

        foreach (var id in overdue.Keys)
        {
            foreach (var gap in overdue.For(id).Intersect(period).Ranges)
            {
                yield return new PeriodException(PeriodExceptionKind.PolicyReviewOverdue, Rules.PeriodPolicyReviewOverdue.Id, id, gap, located[id],
                    $"The review of policy '{id}' was overdue from {DayRange.Iso(gap.Start)} to {DayRange.Iso(gap.End)} ({gap.Days} days).");
            }
        }
    }

    /// <summary>
    /// Each person's revoked days: while a committed version of the people registry showed them revoked,
    /// from its revoked_on (or from that version's commit, when later). The owner check and the
    /// identity provider's check both ask this.
    /// </summary>
    public static DaySetsByKey RevokedDays(ProgrammeHistory history)
    {
        var revoked = new DaySetsByKey();
        foreach (var version in history.Policies)
        {
            foreach (var person in version.Parsed.People.Where(p => p.Status == PersonStatuses.Revoked))
            {
                var from = person.RevokedOn is { } on ? Day(on) : version.Days.Start;
                if (version.Days.Intersect(new DayRange(from < version.Days.Start ? version.Days.Start : from, DateOnly.MaxValue)) is { } days)
                {
                    revoked.Add(person.Id.Value, days);
                }
            }
        }

        return revoked;
    }

    /// <summary>Controls on days their committed owner was revoked in the committed people registry.</summary>
    public static IEnumerable<PeriodException> RevokedOwners(DayRange period, LinkedProgramme head, ProgrammeHistory history)
    {
        var revoked = RevokedDays(history);
        var owned = new DaySetsByKey();
        var located = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        foreach (var version in history.Controls)
        {
            foreach (var control in version.Parsed.Controls.Where(c => c.Owner is not null))
            {
                var key = $"{control.Id.Value}\n{control.Owner!.Value}";
                owned.Add(key, version.Days);
                located[key] = control.Owner.Span;
            }
        }

        foreach (var control in head.Controls.Where(c => c.Owner is not null))
        {
            located[$"{control.Id.Value}\n{control.Owner!.Value}"] = control.Owner.Span;
        }

        foreach (var key in owned.Keys)
        {
            var control = key.Substring(0, key.IndexOf('\n'));
            var person = key.Substring(key.IndexOf('\n') + 1);
            foreach (var gap in owned.For(key).Intersect(revoked.For(person)).Intersect(period).Ranges)
            {
                yield return new PeriodException(PeriodExceptionKind.RevokedOwner, Rules.PeriodRevokedOwner.Id, control, gap, located[key],
                    $"The control '{control}' was owned by '{person}', whose access was revoked, from {DayRange.Iso(gap.Start)} to {DayRange.Iso(gap.End)} ({gap.Days} days).");
            }
        }
    }
}
