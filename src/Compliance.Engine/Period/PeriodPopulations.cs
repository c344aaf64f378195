using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Compliance.Engine.Audit;
using Compliance.Engine.Checks;
using Compliance.Engine.Sampling;
using Compliance.Model.Documents;

namespace Compliance.Engine.Period;

/// <summary>
/// The populations an auditor samples from, for the period: deploys and gate decisions (the audit log),
/// changes (every commit), terminations (the people registry's history), evidence collections (per
/// evidence requirement, from the sidecars' history) and incidents. Items are in day order, then key.
/// </summary>
internal static class PeriodPopulations
{
    public static List<Population> Build(CheckContext context, DayRange period, ProgrammeHistory history, IReadOnlyList<RequirementTimeline> timelines)
    {
        var populations = new List<Population>();
        var events = AuditLog.ForRoot(context.Options.Root).Read().Where(e => period.Contains(DateOnly.FromDateTime(e.Time.UtcDateTime))).ToList();
        Add(populations, period, "deploys", "Deploys", AuditLog.DefaultPath, events.Where(e => e.Type == AuditEventTypes.Deploy).Select(e => Event(e,
            $"Deploy of {e.Artifact ?? "(no artifact)"} by {e.Actor}", e.Field(AuditEventTypes.DecisionField) is { } decision ? new[] { Seq(e), $"{AuditLog.DefaultPath}#{decision}" } : new[] { Seq(e) })));
        Add(populations, period, "gate-decisions", "Gate decisions", AuditLog.DefaultPath, events.Where(e => e.Type == AuditEventTypes.GateDecision).Select(e => Event(e,
            $"Gate decision '{e.Field(AuditEventTypes.VerdictField) ?? "?"}' for {e.Artifact ?? "(no artifact)"} by {e.Actor}", new[] { Seq(e) })));
        Add(populations, period, "changes", "Changes (commits)", "git history", context.Provenance.Commits.Where(c => period.Contains(c.CommitDay))
            .Select(c => new PopulationItem(c.Sha, c.CommitDay, $"{c.ShortSha} {c.Summary} ({c.AuthorEmail})", new[] { $"commit:{c.Sha}" })));
        Add(populations, period, "terminations", "Terminations", "policies/ history (people registry)", Terminations(period, history));
        Add(populations, period, "incidents", "Incidents", "policies/incidents.yaml", context.Programme.Incidents
            .Where(i => i.DiscoveredOn is { } on && period.Contains(DateOnly.FromDateTime(on)))
            .Select(i => new PopulationItem(i.Id.Value, DateOnly.FromDateTime(i.DiscoveredOn!.Value), i.Title, new[] { $"{i.Span.Path}#{i.Id.Value}" })));

        // One population per evidence requirement, sized by that control's frequency.
        var collections = history.Sidecars
            .Where(s => s.Parsed.Evidence?.CollectedOn is not null)
            .GroupBy(s => s.Path, StringComparer.Ordinal)
            .Select(g => g.OrderBy(v => v.Days.Start).First())
            .GroupBy(s => s.Parsed.Evidence!.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var timeline in timelines)
        {
            var items = (collections.TryGetValue(timeline.Key, out var list) ? list : new())
                .Select(s => (Sidecar: s, Day: DateOnly.FromDateTime(s.Parsed.Evidence!.CollectedOn!.Value)))
                .Where(s => period.Contains(s.Day))
                .Select(s => new PopulationItem(s.Sidecar.Path, s.Day, $"Collected {DayRange.Iso(s.Day)} by {s.Sidecar.Parsed.Evidence!.Collector.Value}",
                    new[] { s.Sidecar.Path, ProgrammeHistory.ArtifactPath(s.Sidecar, s.Sidecar.Parsed.Evidence!) ?? s.Sidecar.Parsed.Evidence!.Artifact.Value }))
                .OrderBy(i => i.Day).ThenBy(i => i.Key, StringComparer.Ordinal).ToList();
            populations.Add(new Population($"evidence:{timeline.Key}", $"Evidence collections for {timeline.Key}", "evidence/ history", timeline.Frequency, items));
        }

        return populations;
    }

    private static void Add(List<Population> populations, DayRange period, string id, string title, string source, IEnumerable<PopulationItem> items)
    {
        var list = items.OrderBy(i => i.Day).ThenBy(i => i.Key, StringComparer.Ordinal).ToList();
        populations.Add(new Population(id, title, source, ControlFrequencies.FromRate(list.Count, period.Days), list));
    }

    private static PopulationItem Event(AuditEvent e, string summary, IReadOnlyList<string> evidence) =>
        new(e.Hash, DateOnly.FromDateTime(e.Time.UtcDateTime), summary, evidence);

    private static string Seq(AuditEvent e) => $"{AuditLog.DefaultPath}#seq={e.Seq.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Each person's first committed revocation: the day it took effect (revoked_on), and the commit that recorded it.</summary>
    private static IEnumerable<PopulationItem> Terminations(DayRange period, ProgrammeHistory history)
    {
        var first = new Dictionary<string, (PersonDefinition Person, FileVersion Version)>(StringComparer.Ordinal);
        foreach (var version in history.Policies.OrderBy(v => v.Days.Start))
        {
            foreach (var person in version.Parsed.People.Where(p => p.Status == PersonStatuses.Revoked && !first.ContainsKey(p.Id.Value)))
            {
                first[person.Id.Value] = (person, version);
            }
        }

        foreach (var (id, (person, version)) in first)
        {
            var day = person.RevokedOn is { } on ? DateOnly.FromDateTime(on) : version.Days.Start;
            if (period.Contains(day))
            {
                yield return new PopulationItem(id, day, $"{person.Name} ({person.Role}) revoked; recorded in {version.Commit.ShortSha}",
                    new[] { $"{version.Path}@{version.Commit.Sha}" });
            }
        }
    }
}
