using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Compliance.Engine.Collection;
using Compliance.Model.Diagnostics;
using Compliance.Model.Linking;
using Compliance.Model.Text;

namespace Compliance.Engine.Period;

/// <summary>
/// The people dimension from the identity provider (CMP2706): where the programme names its access
/// review, every committed, intact SCIM export of it shows the IdP on the day it was collected, and
/// that state is taken to hold until the next export was collected. A person the people registry
/// showed as revoked, whose IdP user such an export still shows active or in a PHI group, is an
/// exception on those days (45 CFR 164.308(a)(3)(ii)(C); SOC 2 CC6.2, CC6.3). Each export is read with
/// the one SCIM reader, <see cref="ScimExport"/>.
/// </summary>
internal static class IdentityPeriod
{
    /// <summary>One export's view of the IdP and the days it stands for; a null export could not be read, so its days say nothing.</summary>
    private sealed record Observation(string Sidecar, DayRange Days, ScimExport? Export);

    public static IEnumerable<PeriodException> Run(DayRange period, LinkedProgramme head, ProgrammeHistory history, DaySetsByKey revoked)
    {
        if (head.Programme?.IdentityProvider is not { } idp)
        {
            yield break;
        }

        var observations = Observations(period, history, idp.AccessReview.Value);
        if (observations.Count == 0)
        {
            yield break;
        }

        var phiGroups = new HashSet<string>(idp.PhiGroups, StringComparer.Ordinal);
        var (logins, located) = People(head, history);
        foreach (var person in revoked.Keys)
        {
            var login = logins.TryGetValue(person, out var known) ? known : null;
            var flagged = new List<DayRange>();
            foreach (var observation in observations)
            {
                if (observation.Export?.Find(login) is { } user && (user.Active || observation.Export.GroupsOf(user).Any(phiGroups.Contains)))
                {
                    flagged.Add(observation.Days);
                }
            }

            foreach (var gap in DaySet.Of(flagged).Intersect(revoked.For(person)).Intersect(period).Ranges)
            {
                var before = observations.First(o => o.Days.Contains(gap.Start)).Sidecar;
                var after = observations.FirstOrDefault(o => gap.End < DateOnly.MaxValue && o.Days.Start == gap.End.AddDays(1))?.Sidecar;
                var message = $"'{person}' was revoked, but the identity provider still showed '{login}' active or in a PHI group from {DayRange.Iso(gap.Start)} to {DayRange.Iso(gap.End)} ({gap.Days} days; per the access-review export {before}"
                    + (after is null ? ")." : $"; the next export, {after}, no longer shows it).");
                yield return new PeriodException(PeriodExceptionKind.RevokedActiveInIdp, Rules.PeriodRevokedActiveInIdp.Id, person, gap,
                    located.TryGetValue(person, out var at) ? at : idp.Span, message, before, after);
            }
        }
    }

    /// <summary>
    /// The committed, intact exports of the access review, by the day each was collected (the first
    /// sidecar in path order wins a day), each standing for the days until the next one's collection.
    /// </summary>
    private static List<Observation> Observations(DayRange period, ProgrammeHistory history, string accessReview)
    {
        var byDay = new SortedDictionary<DateOnly, (string Sidecar, ScimExport? Export)>();
        foreach (var sidecar in history.Sidecars)
        {
            if (sidecar.Parsed.Evidence is not { CollectedOn: { } collected } record || record.Key != accessReview)
            {
                continue;
            }

            var day = DateOnly.FromDateTime(collected);
            var intact = history.ArtifactOf(sidecar, record).FirstOrDefault(v => v.Blob is not null
                && string.Equals(v.Sha256, record.Sha256.Value, StringComparison.OrdinalIgnoreCase) && v.Days.Intersect(sidecar.Days) is not null);
            if (day > period.End || intact is null || byDay.ContainsKey(day))
            {
                continue;
            }

            ScimExport? export;
            try
            {
                export = ScimExport.Parse(new MemoryStream(history.Content(intact)), sidecar.Path);
            }
            catch (InvalidDataException)
            {
                // The as-of check reports an unreadable latest export (CMP1406); an older one informs no day.
                export = null;
            }

            byDay[day] = (sidecar.Path, export);
        }

        var days = byDay.Keys.ToList();
        var observations = new List<Observation>();
        for (var i = 0; i < days.Count; i++)
        {
            var end = i + 1 < days.Count ? days[i + 1].AddDays(-1) : period.End;
            var (sidecar, export) = byDay[days[i]];
            observations.Add(new Observation(sidecar, new DayRange(days[i], end), export));
        }

        return observations;
    }

    /// <summary>Each person's IdP login (idp_user, else e-mail) and position: the head's, else the latest committed registry's.</summary>
    private static (Dictionary<string, string?> Logins, Dictionary<string, SourceSpan> Located) People(LinkedProgramme head, ProgrammeHistory history)
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
