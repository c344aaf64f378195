using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using Compliance.Engine.Audit;
using Compliance.Engine.Checks;
using Compliance.Engine.Json;
using Compliance.Model.Linking;

namespace Compliance.Engine.Collection;

/// <summary>What one planned collector did: the stored evidence and its audit event, or how it failed.</summary>
public sealed record CollectionOutcome(PlannedCollection Planned, CollectorRun Run, StoredEvidence? Stored, AuditEvent? Event)
{
    public bool Collected => Stored is not null;
}

/// <summary>
/// Runs planned collectors one after another: each success becomes an artifact, its sidecar and an
/// evidence-collected event; a failure leaves nothing behind and the others still run.
/// </summary>
public static class EvidenceCollection
{
    public const string Method = "collector";

    /// <param name="programme">The programme the plan came from: a built-in collector reads it (the tls collector, its endpoints).</param>
    public static IReadOnlyList<CollectionOutcome> Run(string root, LinkedProgramme programme, IEnumerable<PlannedCollection> planned, Func<DateTimeOffset> now, Func<string, string?> readEnvironment)
    {
        var outcomes = new List<CollectionOutcome>();
        foreach (var item in planned)
        {
            if (item.Collector.Builtin is { } builtin)
            {
                outcomes.AddRange(Builtin.BuiltinCollection.Run(root, programme, item, builtin, now));
            }
            else
            {
                outcomes.Add(RunOne(root, item, now, readEnvironment));
            }
        }

        return outcomes;
    }

    private static CollectionOutcome RunOne(string root, PlannedCollection item, Func<DateTimeOffset> now, Func<string, string?> readEnvironment)
    {
        var collectedOn = DateOnly.FromDateTime(now().UtcDateTime);
        var name = item.Collector.Output.Value.Replace(Model.Documents.CollectorDefinition.DatePlaceholder, CheckContext.Iso(collectedOn));
        var folder = EvidenceAddition.RequirementFolder(item.Control, item.Requirement);
        if (File.Exists(Path.Combine(root, folder, name)))
        {
            return Failed(item, CollectorFailure.ArtifactExists, $"'{folder}/{name}' already exists; evidence is never overwritten (the collector already ran today, or its output name lacks {{date}}).");
        }

        var staging = EvidenceStore.StagingPath(Path.Combine(root, folder));
        var run = CollectorProcess.Run(root, item.Collector, staging, readEnvironment);
        if (!run.Succeeded)
        {
            return new CollectionOutcome(item, run, null, null);
        }

        try
        {
            var stored = EvidenceStore.Publish(root, folder, name, staging,
                sha => SidecarText.For(name, item.Control, item.Requirement, collectedOn, item.Collector.CollectorId, sha, $"Collected by 'compliance collect' running {item.Collector.Job.Value}."));
            var recorded = AuditLog.ForRoot(root).Append(AuditEventTypes.EvidenceCollected, item.Collector.CollectorId, "sha256:" + stored.Sha256, new Dictionary<string, string>
            {
                ["evidence"] = stored.Artifact,
                ["sidecar"] = stored.Sidecar,
                ["requirement"] = item.Key,
                ["collected-on"] = CheckContext.Iso(collectedOn),
                ["method"] = Method,
                ["job"] = item.Collector.Job.Value,
                ["command"] = JsonSerializer.Serialize<IReadOnlyList<string>>(item.Collector.Run, EngineJson.Default.IReadOnlyListString),
                ["bytes"] = run.OutputBytes.ToString(CultureInfo.InvariantCulture),
            }, now);
            return new CollectionOutcome(item, run, stored, recorded);
        }
        catch (EvidenceExistsException exists)
        {
            return Failed(item, CollectorFailure.ArtifactExists, exists.Message);
        }
        finally
        {
            EvidenceStore.DeleteQuietly(staging);
        }
    }

    private static CollectionOutcome Failed(PlannedCollection item, CollectorFailure failure, string message) =>
        new(item, new CollectorRun(failure, null, 0, string.Empty, message), null, null);
}
