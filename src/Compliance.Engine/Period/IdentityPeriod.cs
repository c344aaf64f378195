using System;
using System.Collections.Generic;
using System.Linq;
using Compliance.Model.Documents;
using Compliance.Model.Diagnostics;
using Compliance.Model.Linking;
using Compliance.Model.Text;

namespace Compliance.Engine.Period;

/// <summary>
/// The people dimension from the identity provider (CMP2706): where the programme names its access
/// review, every committed, intact SCIM export of it shows the IdP on the day it was collected, and
/// that state is taken to hold until the next export was collected. A person the people registry
/// showed as revoked, whose IdP user such an export still shows active or in a PHI group, is an
/// exception on those days (45 CFR 164.308(a)(3)(ii)(C); SOC 2 CC6.2, CC6.3). The exports are read once,
/// by <see cref="AccessReviewExports"/>; PHI-group members not entitled or unknown are <see cref="PhiGroupPeriod"/>'s.
/// </summary>
internal static class IdentityPeriod
{
    public static IEnumerable<PeriodException> Run(
        DayRange period, IdentityProviderDefinition idp, LinkedProgramme head, ProgrammeHistory history, AccessReviewExports exports, DaySetsByKey revoked)
    {
        if (exports.Observations.Count == 0)
        {
            yield break;
        }

        var phiGroups = new HashSet<string>(idp.PhiGroups, StringComparer.Ordinal);
        var (logins, located) = People(head, history);
        foreach (var person in revoked.Keys)
        {
            var login = logins.TryGetValue(person, out var known) ? known : null;
            var flagged = new List<DayRange>();
            foreach (var observation in exports.Observations)
            {
                if (observation.Export?.Find(login) is { } user && (user.Active || observation.Export.GroupsOf(user).Any(phiGroups.Contains)))
                {
                    flagged.Add(observation.Days);
                }
            }

            foreach (var gap in DaySet.Of(flagged).Intersect(revoked.For(person)).Intersect(period).Ranges)
            {
                var (before, after) = exports.EitherSide(gap);
                var message = $"'{person}' was revoked, but the identity provider still showed '{login}' active or in a PHI group from {DayRange.Iso(gap.Start)} to {DayRange.Iso(gap.End)} ({gap.Days} days; per the access-review export {before}{exports.Ending(gap, period, after)}).";
                yield return new PeriodException(PeriodExceptionKind.RevokedActiveInIdp, Rules.PeriodRevokedActiveInIdp.Id, person, gap,
                    located.TryGetValue(person, out var at) ? at : idp.Span, message, before, after);
            }
        }
    }

    /// <summary>Each person's IdP login (idp_user, else e-mail) and position: the head's, else the latest committed registry's.</summary>
    internal static (Dictionary<string, string?> Logins, Dictionary<string, SourceSpan> Located) People(LinkedProgramme head, ProgrammeHistory history)
    {
        var logins = new Dictionary<string, string?>(StringComparer.Ordinal);
        var located = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        foreach (var person in history.Policies.OrderBy(v => v.Days.Start).SelectMany(v => v.Parsed.People).Concat(head.People))
        {
            logins[person.Id.Value] = person.IdpUser?.Value ?? person.Email?.Value;
            located[person.Id.Value] = person.Id.Span;
        }

        return (logins, located);
    }
}
