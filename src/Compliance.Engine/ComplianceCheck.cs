using System;
using System.Collections.Generic;
using System.Linq;
using Compliance.Engine.Checks;
using Compliance.Engine.Collection;
using Compliance.Engine.Evidence;
using Compliance.Engine.Git;
using Compliance.Engine.Loading;
using Compliance.Model.Diagnostics;
using Compliance.Model.Linking;

namespace Compliance.Engine;

/// <summary>Runs every check of a programme against one as-of date and returns the result the reports are made from.</summary>
public static class ComplianceCheck
{
    public static CheckResult Run(CheckOptions options)
    {
        // Reading git history and parsing the files do not depend on each other: do both at once.
        var history = System.Threading.Tasks.Task.Run(() => ReadProvenance(options));
        var files = ProgrammeLoader.Read(options.Root);
        var programme = files.Link();
        var provenance = history.GetAwaiter().GetResult();

        var artifacts = EvidenceInventory.Build(options.Root, programme, provenance);
        var context = new CheckContext(options, programme, provenance, artifacts);
        var evidence = EvidenceChecks.Run(context, EvidenceFolderScan.Scan(options.Root));
        var accessReview = AccessReviewChecks.Run(context, evidence);
        var vendors = BaaChecks.Run(context);
        var policies = PolicyChecks.Run(context);
        WorkforceChecks.Run(context);
        HistoryChecks.Run(context);
        DocumentRegressionChecks.Run(context);
        PastDateChecks.Run(context);
        CollectorKeyChecks.Run(context);
        // With no collector at HEAD nothing can be new or changed, so the base version is not read.
        var collectorChanges = CollectorChangeChecks.Run(context, provenance.Available && CollectorChangeChecks.AnyCollector(programme) ? BaseCollectors.Read(options.Root, UnchangedSinceHead(files, provenance), provenance.Head?.Sha) : null);
        var retention = RetentionChecks.Run(context);
        var breaches = BreachClockChecks.Run(context);
        var verifications = EncryptionChecks.ReadVerifications(context);
        var endpoints = EncryptionChecks.Run(context, verifications);
        var auditLog = AuditLogChecks.Run(context);
        var waivers = WaiverApplication.Run(context);
        var period = options.Period is { } days ? Period.PeriodAnalysis.Run(context, days) : null;

        var findings = programme.Findings.Concat(context.Findings)
            .OrderBy(f => f.Location?.Path ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(f => f.Location?.Line ?? 0)
            .ThenBy(f => f.Location?.Column ?? 0)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.Target, StringComparer.Ordinal)
            .ThenBy(f => f.Message, StringComparer.Ordinal)
            .ToList();
        return new CheckResult(options, programme, provenance, artifacts, findings, evidence, vendors, policies, waivers)
        {
            Breaches = breaches,
            Retention = retention,
            Endpoints = endpoints,
            TlsVerifications = verifications,
            AuditLog = auditLog,
            AccessReview = accessReview,
            // The events the audit-log check already read and verified; a log that did not verify is read as before.
            Productions = ArtifactProductions.From(auditLog.Read ?? Audit.AuditLog.ForRoot(options.Root).Read()),
            Period = period,
            EvidenceRollups = new Assessment.EvidenceRollups(programme, evidence),
            CollectorChanges = collectorChanges,
        };
    }

    /// <summary>The working tree's parse of a file that git's status found as HEAD has it.</summary>
    private static Func<string, Model.Documents.ParsedFile?> UnchangedSinceHead(ParsedProgramme files, Provenance provenance) =>
        path => provenance.Uncommitted.Contains(path) ? null : files.Find(path);

    private static Provenance ReadProvenance(CheckOptions options)
    {
        try
        {
            // The period reads every file version the walk records; a walk resumed from the cache records only the recent ones.
            return ProvenanceReader.Read(options.Root, options.CacheDirectory is null || options.Period is not null ? null : System.IO.Path.Combine(options.CacheDirectory, "provenance.json"), options.Progress, everyCommit: options.Period is not null);
        }
        catch (LibGit2Sharp.LibGit2SharpException ex)
        {
            return Provenance.Unavailable($"git could not be read ({ex.Message})");
        }
    }
}

/// <summary>Everything one check run found and measured.</summary>
public sealed record CheckResult(
    CheckOptions Options,
    LinkedProgramme Programme,
    Provenance Provenance,
    IReadOnlyList<Artifact> Artifacts,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<EvidenceStatus> Evidence,
    IReadOnlyList<VendorStatus> Vendors,
    IReadOnlyList<PolicyStatus> Policies,
    IReadOnlyList<WaiverStatus> Waivers)
{
    public IReadOnlyList<BreachClock> Breaches { get; init; } = System.Array.Empty<BreachClock>();

    /// <summary>Retired, superseded and deleted documents, with the day each may be deleted (164.316(b)(2)(i)).</summary>
    public IReadOnlyList<RetainedDocument> Retention { get; init; } = System.Array.Empty<RetainedDocument>();

    public IReadOnlyList<EndpointStatus> Endpoints { get; init; } = System.Array.Empty<EndpointStatus>();

    /// <summary>Every TLS verification artifact, read once by the engine.</summary>
    public IReadOnlyList<Encryption.TlsVerification> TlsVerifications { get; init; } = System.Array.Empty<Encryption.TlsVerification>();

    public Audit.AuditVerification? AuditLog { get; init; }

    /// <summary>The new or changed collector commands (CMP1004) against the default branch, for reviewers to see.</summary>
    public IReadOnlyList<CollectorChange> CollectorChanges { get; init; } = System.Array.Empty<CollectorChange>();

    /// <summary>The latest access review reconciled with the registry; null when no identity provider or export is declared.</summary>
    public AccessReconciliation? AccessReview { get; init; }

    /// <summary>How each artifact (by repo-relative path) was produced, from the audit log's collection events.</summary>
    public IReadOnlyDictionary<string, Collection.ArtifactProduction> Productions { get; init; } = new Dictionary<string, Collection.ArtifactProduction>();

    /// <summary>The audit period's results, when a period was asked for.</summary>
    public Period.PeriodResult? Period { get; init; }

    /// <summary>The evidence state of each control and requirement, rolled up once from the evidence statuses.</summary>
    public Assessment.EvidenceRollups? EvidenceRollups { get; init; }

    public int Errors => Findings.Count(f => f.Severity == Severity.Error);

    public int Warnings => Findings.Count(f => f.Severity == Severity.Warning);

    public int Waived => Findings.Count(f => f.WaivedBy is not null);

    public bool Passed => Errors == 0;
}
