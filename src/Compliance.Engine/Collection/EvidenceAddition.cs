using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Compliance.Engine.Audit;
using Compliance.Engine.Checks;
using Compliance.Engine.Loading;
using Compliance.Model.Documents;
using Compliance.Model.Linking;

namespace Compliance.Engine.Collection;

/// <summary>What 'compliance evidence add' was asked to store.</summary>
public sealed record EvidenceAddRequest(
    string Root,
    string Source,
    string Control,
    string Requirement,
    DateOnly? CollectedOn,
    string? Collector,
    string? Description,
    string? Name);

public enum EvidenceAddRefusal
{
    None,
    SourceMissing,
    SourceNotRegularFile,
    UnknownControl,
    UnknownRequirement,
    CollectorRequired,
    UnknownCollector,
    CollectorNotActive,
    UndeclaredJob,
    CollectedInFuture,
    InvalidName,
    ArtifactExists,
}

/// <summary>The outcome of an add: the stored paths and the audit event, or why nothing was stored.</summary>
public sealed record EvidenceAddResult(EvidenceAddRefusal Refusal, string Message, StoredEvidence? Stored, AuditEvent? Event)
{
    public bool Added => Refusal == EvidenceAddRefusal.None;

    public static EvidenceAddResult Refused(EvidenceAddRefusal refusal, string message) => new(refusal, message, null, null);
}

/// <summary>
/// Stores a file a person (or a job) collected as evidence of one requirement: copied into
/// evidence/&lt;control&gt;/&lt;requirement&gt;/, hashed, with its sidecar and an evidence-collected audit event.
/// Every refusal leaves nothing behind.
/// </summary>
public static class EvidenceAddition
{
    public const string Method = "evidence-add";

    public static EvidenceAddResult Add(EvidenceAddRequest request, LinkedProgramme programme, Func<DateTimeOffset> now) => Add(request, programme, now, afterSourceOpened: null);

    /// <param name="afterSourceOpened">A test's hook between opening the source and copying it: where a swap of the name must not matter.</param>
    internal static EvidenceAddResult Add(EvidenceAddRequest request, LinkedProgramme programme, Func<DateTimeOffset> now, Action? afterSourceOpened)
    {
        using var source = SourceFile.Open(request.Source, out var kind);
        if (source is null)
        {
            return kind == FileKindValue.Missing
                ? EvidenceAddResult.Refused(EvidenceAddRefusal.SourceMissing, $"'{request.Source}' does not exist.")
                : EvidenceAddResult.Refused(EvidenceAddRefusal.SourceNotRegularFile,
                    $"'{request.Source}' is {Describe(kind)}, not a regular file: only a regular file's content can be evidence (a link or device could change after it is hashed).");
        }

        afterSourceOpened?.Invoke();
        return Store(request, programme, now, source);
    }

    private static EvidenceAddResult Store(EvidenceAddRequest request, LinkedProgramme programme, Func<DateTimeOffset> now, SourceFile source)
    {
        var today = DateOnly.FromDateTime(now().UtcDateTime);
        var control = programme.Controls.FirstOrDefault(c => string.Equals(c.Id.Value, request.Control, StringComparison.Ordinal));
        if (control is null)
        {
            return EvidenceAddResult.Refused(EvidenceAddRefusal.UnknownControl, $"No control '{request.Control}' is defined under controls/.");
        }

        var requirement = control.Evidence.FirstOrDefault(e => e.Id.Value == request.Requirement);
        if (requirement is null)
        {
            return EvidenceAddResult.Refused(EvidenceAddRefusal.UnknownRequirement,
                $"The control '{control.Id.Value}' has no evidence requirement '{request.Requirement}'; it has: {string.Join(", ", control.Evidence.Select(e => e.Id.Value))}.");
        }

        var collectedOn = request.CollectedOn ?? today;
        if (collectedOn > today)
        {
            return EvidenceAddResult.Refused(EvidenceAddRefusal.CollectedInFuture,
                $"--collected-on {CheckContext.Iso(collectedOn)} lies after today ({CheckContext.Iso(today)}): evidence records the day it was produced.");
        }

        var (collector, refused) = ResolveCollector(programme, request.Collector ?? requirement.Collector?.CollectorId, collectedOn);
        if (refused is not null)
        {
            return refused;
        }

        var name = request.Name ?? Path.GetFileName(request.Source);
        if (name.Length == 0 || name.IndexOfAny(new[] { '/', '\\' }) >= 0 || name.StartsWith(".", StringComparison.Ordinal) || name.EndsWith(ProgrammeLoader.SidecarSuffix, StringComparison.Ordinal))
        {
            return EvidenceAddResult.Refused(EvidenceAddRefusal.InvalidName, $"'{name}' is not a plain file name for an artifact (no '/', no leading '.', not ending in {ProgrammeLoader.SidecarSuffix}).");
        }

        var folder = RequirementFolder(control.Id.Value, requirement.Id.Value);
        var staged = EvidenceStore.StagingPath(Path.Combine(request.Root, folder));
        try
        {
            // The staging file is new (CreateNew), so the digest of the bytes copied is the artifact's.
            var sha256 = source.CopyTo(staged);
            var stored = EvidenceStore.Publish(request.Root, folder, name, staged,
                sha => SidecarText.For(name, control.Id.Value, requirement.Id.Value, collectedOn, collector, sha, request.Description), sha256);
            var recorded = AuditLog.ForRoot(request.Root).Append(AuditEventTypes.EvidenceCollected, collector, "sha256:" + stored.Sha256, new Dictionary<string, string>
            {
                ["evidence"] = stored.Artifact,
                ["sidecar"] = stored.Sidecar,
                ["requirement"] = $"{control.Id.Value}/{requirement.Id.Value}",
                ["collected-on"] = CheckContext.Iso(collectedOn),
                ["method"] = Method,
            }, now);
            return new EvidenceAddResult(EvidenceAddRefusal.None, $"added {stored.Artifact}", stored, recorded);
        }
        catch (EvidenceExistsException exists)
        {
            return EvidenceAddResult.Refused(EvidenceAddRefusal.ArtifactExists, exists.Message);
        }
        finally
        {
            EvidenceStore.DeleteQuietly(staged);
        }
    }

    /// <summary>evidence/&lt;control, lower case&gt;/&lt;requirement&gt;, as evidence/README.md lays it out.</summary>
    public static string RequirementFolder(string control, string requirement) =>
        $"{Evidence.EvidencePaths.Folder}/{control.ToLowerInvariant()}/{requirement}";

    /// <summary>Jobs a collector may name: those the programme declares on its evidence requirements.</summary>
    public static ISet<string> DeclaredJobs(LinkedProgramme programme) => new HashSet<string>(
        programme.Controls.SelectMany(c => c.Evidence).Select(e => e.Collector?.CollectorId).OfType<string>(),
        StringComparer.Ordinal);

    /// <summary>The sidecar's collector (a person's ID even when given by e-mail), or why it may not collect.</summary>
    private static (string Collector, EvidenceAddResult? Refused) ResolveCollector(LinkedProgramme programme, string? collector, DateOnly collectedOn)
    {
        if (string.IsNullOrWhiteSpace(collector))
        {
            return (string.Empty, EvidenceAddResult.Refused(EvidenceAddRefusal.CollectorRequired, "The requirement declares no collector: say who collected the evidence with --collector PERSON or --collector job:NAME."));
        }

        if (collector!.StartsWith(ProgrammeLinker.JobCollectorPrefix, StringComparison.Ordinal))
        {
            return DeclaredJobs(programme).Contains(collector)
                ? (collector, null)
                : (collector, EvidenceAddResult.Refused(EvidenceAddRefusal.UndeclaredJob, $"'{collector}' is not a declared job: declare it as the 'collector: job:' of an evidence requirement under controls/."));
        }

        var person = CheckContext.FindActor(programme, collector);
        if (person is null)
        {
            return (collector, EvidenceAddResult.Refused(EvidenceAddRefusal.UnknownCollector, $"'{collector}' is not a person in policies/people.yaml (by ID or e-mail) nor a job:NAME."));
        }

        return CheckContext.IsActiveOn(person, collectedOn)
            ? (person.Id.Value, null)
            : (person.Id.Value, EvidenceAddResult.Refused(EvidenceAddRefusal.CollectorNotActive, $"'{person.Id.Value}' was not active on {CheckContext.Iso(collectedOn)} (revoked on {person.RevokedOn:yyyy-MM-dd}): a revoked person cannot collect evidence."));
    }

    private static string Describe(FileKindValue kind) => kind switch
    {
        FileKindValue.SymbolicLink => "a symbolic link",
        FileKindValue.Directory => "a folder",
        FileKindValue.Device => "a device",
        _ => "not a regular file (a pipe or socket)",
    };
}
