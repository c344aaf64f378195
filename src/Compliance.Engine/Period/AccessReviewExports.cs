using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Compliance.Engine.Collection;

namespace Compliance.Engine.Period;

/// <summary>One access-review export's view of the IdP and the days it stands for; a null export could not be read, so its days say nothing.</summary>
internal sealed record AccessReviewObservation(string Sidecar, DayRange Days, ScimExport? Export);

/// <summary>
/// The committed, intact SCIM exports of the programme's access review over the period, each read once
/// with the one SCIM reader (<see cref="ScimExport"/>): every period check on the identity provider
/// (CMP2706, CMP2707, CMP2708) asks this, and names the exports on either side of a gap the same way.
/// </summary>
internal sealed class AccessReviewExports
{
    private AccessReviewExports(IReadOnlyList<AccessReviewObservation> observations) => Observations = observations;

    /// <summary>In collection order, each standing for the days until the next one was collected (the last: to the period's end).</summary>
    public IReadOnlyList<AccessReviewObservation> Observations { get; }

    /// <summary>
    /// The committed, intact exports of the access review, by the day each was collected (the first
    /// sidecar in path order wins a day), each standing for the days until the next one's collection.
    /// </summary>
    public static AccessReviewExports Read(DayRange period, ProgrammeHistory history, string accessReview)
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
        var observations = new List<AccessReviewObservation>();
        for (var i = 0; i < days.Count; i++)
        {
            var end = i + 1 < days.Count ? days[i + 1].AddDays(-1) : period.End;
            var (sidecar, export) = byDay[days[i]];
            observations.Add(new AccessReviewObservation(sidecar, new DayRange(days[i], end), export));
        }

        return new AccessReviewExports(observations);
    }

    /// <summary>The export that stands for a day (the caller knows one does).</summary>
    public AccessReviewObservation At(DateOnly day) => Observations.First(o => o.Days.Contains(day));

    /// <summary>
    /// The export that showed a gap's first day, and the readable one collected the day after the gap
    /// ended, which no longer showed it (null when the gap ran to the period's end or ended for another reason).
    /// </summary>
    public (string Before, string? After) EitherSide(DayRange gap) => (At(gap.Start).Sidecar, Next(gap) is { Export: not null } next ? next.Sidecar : null);

    /// <summary>How a gap ended, for the message: the export that cleared it, an unreadable export that shows nothing, or the registry's history.</summary>
    public string Ending(DayRange gap, DayRange period, string? after) =>
        after is not null ? $"; the next export, {after}, no longer shows it"
        : gap.End >= period.End ? string.Empty
        : Next(gap) is { } unreadable ? $"; the next export, {unreadable.Sidecar}, could not be read, so its days show nothing"
        : $"; from {DayRange.Iso(gap.End.AddDays(1))} the people registry's history no longer makes it one";

    private AccessReviewObservation? Next(DayRange gap) =>
        gap.End == DateOnly.MaxValue ? null : Observations.FirstOrDefault(o => o.Days.Start == gap.End.AddDays(1));
}
