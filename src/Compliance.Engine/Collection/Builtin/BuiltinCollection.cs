using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Compliance.Engine.Audit;
using Compliance.Engine.Checks;
using Compliance.Model.Documents;
using Compliance.Model.Linking;

namespace Compliance.Engine.Collection.Builtin;

/// <summary>
/// Runs a built-in collector and stores what it produced exactly as a command's output is stored: each
/// artifact with its sidecar (no-overwrite publish) and an evidence-collected event whose method names the
/// built-in. A failure leaves nothing behind.
/// </summary>
public static class BuiltinCollection
{
    public const string MethodPrefix = "builtin:";

    public static IReadOnlyList<CollectionOutcome> Run(string root, LinkedProgramme programme, PlannedCollection item, BuiltinCollector builtin, Func<DateTimeOffset> now)
    {
        var stamp = now();
        BuiltinResult result;
        try
        {
            result = builtin switch
            {
                BuiltinCollector.Tls => TlsCollector.Collect(root, programme, item, stamp),
                BuiltinCollector.GitHistory => GitHistoryCollector.Collect(root, item, stamp),
                _ => BuiltinResult.Failed($"the built-in collector '{builtin}' is unknown."),
            };
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or LibGit2Sharp.LibGit2SharpException or UnauthorizedAccessException)
        {
            result = BuiltinResult.Failed(ex.Message);
        }

        if (result.Failure is { } failure)
        {
            return new[] { Failed(item, CollectorFailure.BuiltinFailed, failure) };
        }

        var outcomes = new List<CollectionOutcome>();
        foreach (var artifact in result.Artifacts)
        {
            outcomes.Add(Store(root, item, builtin, artifact, stamp, now));
        }

        return outcomes;
    }

    private static CollectionOutcome Store(string root, PlannedCollection item, BuiltinCollector builtin, BuiltinArtifact artifact, DateTimeOffset stamp, Func<DateTimeOffset> now)
    {
        var collectedOn = DateOnly.FromDateTime(stamp.UtcDateTime);
        var folder = EvidenceAddition.RequirementFolder(item.Control, item.Requirement);
        var staging = EvidenceStore.StagingPath(Path.Combine(root, folder));
        try
        {
            File.WriteAllBytes(staging, artifact.Content);
            var stored = EvidenceStore.Publish(root, folder, artifact.Name, staging,
                sha => SidecarText.For(artifact.Name, item.Control, item.Requirement, collectedOn, item.Collector.CollectorId, sha, artifact.Description, artifact.SidecarFields));
            var fields = new Dictionary<string, string>(artifact.EventFields)
            {
                ["evidence"] = stored.Artifact,
                ["sidecar"] = stored.Sidecar,
                ["requirement"] = item.Key,
                ["collected-on"] = CheckContext.Iso(collectedOn),
                ["method"] = MethodPrefix + Vocabulary<BuiltinCollector>.Spell(builtin),
                ["job"] = item.Collector.Job.Value,
                ["bytes"] = artifact.Content.Length.ToString(CultureInfo.InvariantCulture),
            };
            var recorded = AuditLog.ForRoot(root).Append(AuditEventTypes.EvidenceCollected, item.Collector.CollectorId, "sha256:" + stored.Sha256, fields, now);
            return new CollectionOutcome(item, new CollectorRun(CollectorFailure.None, 0, artifact.Content.Length, string.Empty, "collected"), stored, recorded);
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
