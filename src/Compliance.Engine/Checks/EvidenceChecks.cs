using System;
using System.Collections.Generic;
using System.Linq;
using Compliance.Engine.Evidence;
using Compliance.Model.Diagnostics;
using Compliance.Model.Linking;

namespace Compliance.Engine.Checks;

/// <summary>The freshness, integrity, path safety and provenance of evidence artifacts.</summary>
public static class EvidenceChecks
{
    public static IReadOnlyList<EvidenceStatus> Run(CheckContext context, EvidenceFolderScan folder)
    {
        foreach (var artifact in context.Artifacts)
        {
            CheckArtifact(context, artifact);
        }

        CheckFolder(context, folder);

        var byKey = context.Artifacts.ToLookup(a => a.Record.Key, StringComparer.Ordinal);
        var statuses = new List<EvidenceStatus>();
        foreach (var control in context.Programme.Controls)
        {
            foreach (var requirement in control.Evidence)
            {
                var key = $"{control.Id.Value}/{requirement.Id.Value}";
                var latest = Latest(byKey[key], context.AsOf);
                statuses.Add(Freshness(context, key, requirement.FreshnessDays, requirement.Id.Span, latest, byKey[key].Count()));
            }
        }

        return statuses;
    }

    /// <summary>An artifact collected on a day stays fresh for that many days after it, that last day included.</summary>
    public static DateOnly FreshUntil(DateOnly collected, int freshnessDays) => collected.AddDays(freshnessDays);

    /// <summary>The newest intact artifact collected by the as-of date, then by sidecar path; the first of a tie.</summary>
    private static Artifact? Latest(IEnumerable<Artifact> artifacts, DateOnly asOf)
    {
        Artifact? latest = null;
        foreach (var a in artifacts)
        {
            if (a.IsIntact && a.CollectedOn is { } day && day <= asOf && (latest is null
                || (DayOrder.Compare(a.CollectedOn, latest.CollectedOn) is var order && (order > 0 || (order == 0 && string.CompareOrdinal(a.SidecarPath, latest.SidecarPath) < 0)))))
            {
                latest = a;
            }
        }

        return latest;
    }

    private static EvidenceStatus Freshness(CheckContext context, string key, int freshnessDays, Model.Text.SourceSpan location, Artifact? latest, int artifactCount)
    {
        if (latest is null)
        {
            context.Report(Rules.EvidenceMissing, location, key, artifactCount == 0
                ? $"No artifact has been collected for the evidence requirement '{key}'."
                : $"None of the {artifactCount} artifacts recorded for '{key}' is usable (see the errors on their sidecars).");
            return new EvidenceStatus(key, freshnessDays, null, EvidenceState.Missing, null, null);
        }

        var collected = latest.CollectedOn!.Value;
        var age = context.AsOf.DayNumber - collected.DayNumber;
        var freshUntil = FreshUntil(collected, freshnessDays);
        var window = Math.Min(context.Options.EvidenceWarningDays, freshnessDays / 2);
        if (age > freshnessDays)
        {
            context.Report(Rules.EvidenceStale, location, key,
                $"The evidence for '{key}' is stale: the latest artifact ({latest.Path.Relative}) was collected on {CheckContext.Iso(collected)}, {age} days before {CheckContext.Iso(context.AsOf)}; it stays fresh for {freshnessDays} days (until {CheckContext.Iso(freshUntil)}).");
            return new EvidenceStatus(key, freshnessDays, latest, EvidenceState.Stale, age, freshUntil);
        }

        if (freshnessDays - age < window)
        {
            context.Report(Rules.EvidenceNearlyStale, location, key,
                $"The evidence for '{key}' goes stale after {CheckContext.Iso(freshUntil)}, in {freshnessDays - age} days (collected {CheckContext.Iso(collected)}, fresh for {freshnessDays} days).");
            return new EvidenceStatus(key, freshnessDays, latest, EvidenceState.NearlyStale, age, freshUntil);
        }

        return new EvidenceStatus(key, freshnessDays, latest, EvidenceState.Fresh, age, freshUntil);
    }

    private static void CheckArtifact(CheckContext context, Artifact artifact)
    {
        var record = artifact.Record;
        var written = record.Artifact.Value;
        if (!artifact.Path.IsSafe)
        {
            context.Report(Rules.PathEscapesEvidence, record.Artifact.Span, record.Key,
                $"The artifact path '{written}' is refused because {artifact.Path.RefusedBecause}; the file was not read.");
            return;
        }

        if (!artifact.Path.Exists)
        {
            context.Report(Rules.ArtifactMissing, record.Artifact.Span, record.Key, $"The artifact '{artifact.Path.Relative}' named by this sidecar does not exist.");
            return;
        }

        if (!artifact.HashMatches)
        {
            context.Report(Rules.EvidenceHashMismatch, record.Sha256.Span, artifact.Path.Relative!,
                $"The SHA-256 of '{artifact.Path.Relative}' is {artifact.ActualSha256}, not the {record.Sha256.Value} recorded when it was collected: the artifact was modified.");
        }

        // A collected_on after the as-of date is CMP1107, reported with every other recorded-past date by PastDateChecks.

        if (!record.Collector.Value.StartsWith(ProgrammeLinker.JobCollectorPrefix, StringComparison.Ordinal)
            && context.Person(record.Collector.Value) is { } collector
            && artifact.CollectedOn is { } day
            && !CheckContext.IsActiveOn(collector, day))
        {
            context.Report(Rules.RevokedOwner, record.Collector.Span, artifact.Path.Relative!,
                $"'{artifact.Path.Relative}' was collected on {CheckContext.Iso(day)} by '{collector.Id.Value}', whose access was revoked on {CheckContext.Iso(CheckContext.Day(collector.RevokedOn!.Value))}.");
        }

        if (!context.Provenance.Available)
        {
            return;
        }

        if (artifact.Uncommitted)
        {
            context.Report(Rules.EvidenceUncommitted, record.Span, artifact.Path.Relative!,
                $"'{artifact.Path.Relative}' or its sidecar is not committed, so its provenance cannot be shown.");
        }

        if (artifact.History is { } history && artifact.CollectedOn is { } collectedOn && collectedOn > history.Added.CommitDay)
        {
            context.Report(Rules.CollectedAfterCommit, record.CollectedOnSpan ?? record.Span, artifact.Path.Relative!,
                $"'{artifact.Path.Relative}' says it was collected on {CheckContext.Iso(collectedOn)}, but commit {history.Added.ShortSha} added it on {CheckContext.Iso(history.Added.CommitDay)}.");
        }
    }

    private static void CheckFolder(CheckContext context, EvidenceFolderScan folder)
    {
        // Links under evidence/ are reported once, by the programme's file set (CMP0018), on the compiler's path and here.
        var accounted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var artifact in context.Artifacts)
        {
            accounted.Add(artifact.SidecarPath);
            if (artifact.Path.Relative is { } path)
            {
                accounted.Add(path);
            }
        }

        foreach (var own in Audit.AuditLog.OwnFiles(Audit.AuditLog.DefaultPath))
        {
            accounted.Add(own);
        }

        accounted.Add(Audit.AuditLog.DefaultPath + ".lock");
        foreach (var vendor in context.Programme.Vendors)
        {
            if (vendor.Baa?.Evidence is { } evidence)
            {
                accounted.Add(evidence.Value.Replace('\\', '/'));
            }
        }

        foreach (var file in folder.Files)
        {
            // The log's anchor tokens are its own files, as the log and its head file are.
            if (!accounted.Contains(file) && !Audit.Anchors.AnchorStore.IsAnchorPath(file) && !file.EndsWith("/README.md", StringComparison.OrdinalIgnoreCase) && !file.EndsWith(".gitkeep", StringComparison.Ordinal))
            {
                context.Report(Rules.UnaccountedArtifact, Model.Text.SourceSpan.StartOf(file), file,
                    $"'{file}' is under evidence/ but no sidecar describes it and no BAA names it.");
            }
        }
    }
}

public enum EvidenceState
{
    Fresh,
    NearlyStale,
    Stale,
    Missing,
}

/// <summary>Where one evidence requirement stands on the as-of date.</summary>
public sealed record EvidenceStatus(string Key, int FreshnessDays, Artifact? Latest, EvidenceState State, int? AgeDays, DateOnly? FreshUntil)
{
    /// <summary>The last day an artifact of this requirement counts as fresh.</summary>
    public DateOnly? FreshUntilOf(Artifact artifact) => artifact.CollectedOn is { } collected ? EvidenceChecks.FreshUntil(collected, FreshnessDays) : null;
}
