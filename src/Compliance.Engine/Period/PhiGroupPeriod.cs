using System;
using System.Collections.Generic;
using System.Linq;
using Compliance.Engine.Collection;
using Compliance.Model.Diagnostics;
using Compliance.Model.Documents;
using Compliance.Model.Linking;

namespace Compliance.Engine.Period;

/// <summary>
/// The as-of access review's PHI-group findings (CMP1403, CMP1404) asked per day over the period, from
/// the access-review exports (<see cref="AccessReviewExports"/>) and the people registry's history:
/// an active PHI-group member whose person the registry did not entitle to PHI on those days (CMP2707,
/// 45 CFR 164.308(a)(4)), and one the registry named nobody for (CMP2708, 164.308(a)(3)(ii)(B)).
/// A revoked person's days are CMP2706's, so they are left out here.
/// </summary>
internal static class PhiGroupPeriod
{
    public static IEnumerable<PeriodException> Run(
        DayRange period, IdentityProviderDefinition idp, LinkedProgramme head, ProgrammeHistory history, AccessReviewExports exports, DaySetsByKey revoked)
    {
        if (exports.Observations.Count == 0)
        {
            return Array.Empty<PeriodException>();
        }

        var phiGroups = new HashSet<string>(idp.PhiGroups, StringComparer.Ordinal);
        var (listed, entitled) = Registry(history);
        return NotEntitled(period, head, history, exports, phiGroups, listed, entitled, revoked)
            .Concat(Unknown(period, idp, exports, phiGroups, listed));
    }

    /// <summary>
    /// From the committed people registries: the days each person was listed under each IdP login
    /// (idp_user, else e-mail), and the days each was entitled to PHI (phi_access: true).
    /// </summary>
    private static (Dictionary<(string Person, string Login), List<DayRange>> Listed, DaySetsByKey Entitled) Registry(ProgrammeHistory history)
    {
        var listed = new Dictionary<(string Person, string Login), List<DayRange>>();
        var entitled = new DaySetsByKey();
        foreach (var version in history.Policies)
        {
            foreach (var person in version.Parsed.People)
            {
                if ((person.IdpUser?.Value ?? person.Email?.Value) is { } login)
                {
                    var key = (person.Id.Value, login);
                    (listed.TryGetValue(key, out var days) ? days : listed[key] = new()).Add(version.Days);
                }

                if (person.PhiAccess)
                {
                    entitled.Add(person.Id.Value, version.Days);
                }
            }
        }

        return (listed, entitled);
    }

    private static bool InPhiGroup(ScimExport export, ScimUser user, HashSet<string> phiGroups) =>
        user.Active && export.GroupsOf(user).Any(phiGroups.Contains);

    private static string Groups(AccessReviewObservation observation, ScimUser user, HashSet<string> phiGroups) =>
        string.Join(", ", observation.Export!.GroupsOf(user).Where(phiGroups.Contains).OrderBy(g => g, StringComparer.Ordinal));

    private static IEnumerable<PeriodException> NotEntitled(
        DayRange period, LinkedProgramme head, ProgrammeHistory history, AccessReviewExports exports, HashSet<string> phiGroups,
        Dictionary<(string Person, string Login), List<DayRange>> listed, DaySetsByKey entitled, DaySetsByKey revoked)
    {
        var (_, located) = IdentityPeriod.People(head, history);
        foreach (var byPerson in listed.GroupBy(l => l.Key.Person, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var person = byPerson.Key;
            var shown = new Dictionary<string, List<DayRange>>(StringComparer.Ordinal);
            foreach (var ((_, login), days) in byPerson)
            {
                foreach (var observation in exports.Observations)
                {
                    if (observation.Export?.Find(login) is { } user && InPhiGroup(observation.Export, user, phiGroups))
                    {
                        (shown.TryGetValue(login, out var list) ? list : shown[login] = new()).AddRange(DaySet.Of(days).Intersect(observation.Days).Ranges);
                    }
                }
            }

            foreach (var (login, days) in shown.OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                foreach (var gap in DaySet.Of(days).Except(entitled.For(person)).Except(revoked.For(person)).Intersect(period).Ranges)
                {
                    var (before, after) = exports.EitherSide(gap);
                    var observation = exports.At(gap.Start);
                    var message = $"'{person}' was not entitled to PHI (phi_access: false in the people registry), but the identity provider showed '{login}' active in the PHI group(s) {Groups(observation, observation.Export!.Find(login)!, phiGroups)} from {DayRange.Iso(gap.Start)} to {DayRange.Iso(gap.End)} ({gap.Days} days; per the access-review export {before}{exports.Ending(gap, period, after)}).";
                    yield return new PeriodException(PeriodExceptionKind.PhiMemberNotEntitledInIdp, Rules.PeriodPhiMemberNotEntitled.Id, person, gap,
                        located[person], message, before, after);
                }
            }
        }
    }

    private static IEnumerable<PeriodException> Unknown(
        DayRange period, IdentityProviderDefinition idp, AccessReviewExports exports, HashSet<string> phiGroups, Dictionary<(string Person, string Login), List<DayRange>> listed)
    {
        var unknown = new DaySetsByKey();
        foreach (var observation in exports.Observations.Where(o => o.Export is not null))
        {
            // The days on which the registry named someone for each IdP user of this export.
            var known = new Dictionary<string, List<DayRange>>(StringComparer.Ordinal);
            foreach (var ((_, login), days) in listed)
            {
                if (observation.Export!.Find(login) is { } user)
                {
                    (known.TryGetValue(user.Id, out var list) ? list : known[user.Id] = new()).AddRange(days);
                }
            }

            foreach (var user in observation.Export!.Users.Where(u => InPhiGroup(observation.Export, u, phiGroups)))
            {
                var named = known.TryGetValue(user.Id, out var days) ? DaySet.Of(days) : DaySet.Empty;
                unknown.Add(user.UserName, DaySet.Of(observation.Days).Except(named));
            }
        }

        foreach (var userName in unknown.Keys)
        {
            foreach (var gap in unknown.For(userName).Intersect(period).Ranges)
            {
                var (before, after) = exports.EitherSide(gap);
                var observation = exports.At(gap.Start);
                var user = observation.Export!.Users.First(u => u.UserName == userName);
                var message = $"'{userName}' was active in the PHI group(s) {Groups(observation, user, phiGroups)} of the identity provider from {DayRange.Iso(gap.Start)} to {DayRange.Iso(gap.End)}, but the people registry named nobody with that login ({gap.Days} days; per the access-review export {before}{exports.Ending(gap, period, after)}): an unknown workforce member could reach ePHI.";
                yield return new PeriodException(PeriodExceptionKind.PhiMemberUnknownInIdp, Rules.PeriodPhiMemberUnknown.Id, userName, gap, idp.Span, message, before, after);
            }
        }
    }
}
