using System.Collections.Generic;
using System.Linq;
using Compliance.Engine.Checks;
using Compliance.Engine.Git;
using Compliance.Model.Diagnostics;

namespace Compliance.Engine.Reports;

/// <summary>
/// The machine-readable report: every finding, the evidence inventory, vendors, policies, waivers and
/// provenance on the as-of date. Deterministic: the same commit and as-of date give the same bytes.
/// </summary>
public static class JsonReport
{
    public const string Schema = "compliance-report/1";

    public static string Render(CheckResult result) => ReportJsonWriter.Write(Build(result)) + "\n";

    public static ReportDocument Build(CheckResult result)
    {
        var programme = result.Programme;
        var artifactsBySidecar = result.Artifacts.ToDictionary(a => a.SidecarPath);
        return new ReportDocument(
            Schema,
            CheckContext.Iso(result.Options.AsOf),
            new ReportProgramme(programme.Programme?.Id.Value, programme.Programme?.Name),
            new ReportProvenance(result.Provenance.Available, result.Provenance.UnavailableReason, Commit(result.Provenance.Head), result.Provenance.Branch),
            new ReportSummary(result.Errors, result.Warnings, result.Waived, result.Passed),
            result.Findings.Select(Finding).ToList(),
            result.Waivers.Select(w =>
            {
                var waiver = programme.Waivers.First(x => x.Id.Value == w.WaiverId);
                return new ReportWaiver(w.WaiverId, waiver.Rule.Value, waiver.Target.Value, waiver.Reason, waiver.ApprovedBy?.Value,
                    waiver.ApprovedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), waiver.ExpiresOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), w.State, w.Applied);
            }).ToList(),
            result.Evidence.Select(e => new ReportEvidenceRequirement(e.Key, e.FreshnessDays, e.State, e.Latest?.Path.Relative, e.Latest?.CollectedOn is { } day ? CheckContext.Iso(day) : null, e.AgeDays, e.FreshUntil is { } until ? CheckContext.Iso(until) : null)).ToList(),
            result.Artifacts.Select(a => new ReportArtifact(
                a.Path.Relative ?? a.Record.Artifact.Value,
                a.SidecarPath,
                a.Record.Key,
                a.CollectedOn is { } collected ? CheckContext.Iso(collected) : null,
                a.Record.Collector.Value,
                a.Record.Sha256.Value,
                a.ActualSha256,
                !a.Path.IsSafe ? "refused" : !a.Path.Exists ? "missing" : a.HashMatches ? "intact" : "tampered",
                Commit(a.History?.Added),
                Commit(a.History?.LastChanged),
                a.Uncommitted)).ToList(),
            result.Vendors.Select(v =>
            {
                var vendor = programme.Lookups.Vendor(v.VendorId)!;
                return new ReportVendor(v.VendorId, vendor.Name, vendor.HandlesPhi, vendor.Services.Select(s => s.Id.Value).ToList(), v.State,
                    vendor.Baa?.SignedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), vendor.Baa?.EffectiveOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), vendor.Baa?.ExpiresOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    v.DaysLeft, vendor.Baa?.Evidence?.Value, vendor.Subcontractors.Select(s => s.Value).ToList());
            }).ToList(),
            result.Policies.Select(p =>
            {
                var policy = programme.Lookups.Policy(p.PolicyId)!;
                var history = result.Provenance.Find(policy.Path);
                return new ReportPolicy(p.PolicyId, policy.Title, policy.Path, policy.Version, policy.ApprovedBy?.Value, CheckContext.Iso(p.ApprovedOn), CheckContext.Iso(p.NextReviewOn), p.Overdue,
                    history?.Changes.Select(Commit).Where(c => c is not null).Cast<ReportCommit>().ToList());
            }).ToList(),
            result.Provenance.Deletions.Select(d => new ReportDeletion(d.Path, Commit(d.DeletedBy)!, Commit(d.FirstAdded)!)).ToList())
        {
            Period = result.Period is { } period ? PeriodReport.Build(period) : null,
            Coverage = programme.Coverage.Where(c => c.InScope)
                .Select(c => new ReportCoverage(c.RequirementId, c.FrameworkId, c.State, c.Assessable, c.Controls.ToList(), c.NotApplicableControls.ToList(), c.Decision?.Decision))
                .ToList(),
            Role = programme.Programme?.Role,
            Breaches = result.Breaches.Select(Breach).ToList(),
            Retention = result.Retention.Select(Retained).ToList(),
            Incomplete = programme.Incomplete.Select(i => new ReportIncomplete(i.Kind, i.Id.Value, i.Parent, i.Span.Path, i.Span.Line, i.Span.Column)).ToList(),
        };
    }

    private static ReportRetained Retained(RetainedDocument d) => new(
        d.Path,
        CheckContext.Iso(d.CreatedOn),
        d.EffectEnd,
        d.LastInEffectOn is { } last ? CheckContext.Iso(last) : null,
        d.RetainUntil is { } until ? CheckContext.Iso(until) : null,
        d.SupersededBy,
        d.DeletedOn is { } deleted ? CheckContext.Iso(deleted) : null,
        d.LastVersionCommit,
        d.Violated);

    // The engine's typed notices, as values: no sentence to parse.
    private static ReportBreach Breach(BreachClock clock) => new(
        clock.IncidentId,
        CheckContext.Iso(clock.DiscoveredOn),
        clock.Capacity,
        clock.Delay is { } delay
            ? new ReportDelay(CheckContext.Iso(delay.StatementOn), delay.Form, delay.Agency, CheckContext.Iso(delay.RequestedUntil), CheckContext.Iso(delay.EffectiveUntil), delay.WrittenStatementOn is { } w ? CheckContext.Iso(w) : null, delay.Capped, delay.Evidence)
            : null,
        clock.Notices.Select(n => new ReportNotice(
            n.Recipient,
            n.CoveredEntity?.Id,
            n.States,
            n.LegalBasis.Citation,
            n.LegalBasis.AgreementOf,
            n.Deadline is { } deadline ? CheckContext.Iso(deadline) : null,
            n.DelayedBy is not null,
            n.DelegatedBy?.Id,
            n.NotifiedOn is { } sent ? CheckContext.Iso(sent) : null,
            n.State,
            n.MarginDays)).ToList());

    private static ReportFinding Finding(Finding finding) => new(
        finding.RuleId,
        finding.Severity.ToString().ToLowerInvariant(),
        finding.Message,
        finding.Fix,
        finding.Location?.Path,
        finding.Location?.Line,
        finding.Location?.Column,
        finding.Location?.EndLine,
        finding.Location?.EndColumn,
        finding.Target,
        finding.WaivedBy);

    private static ReportCommit? Commit(CommitInfo? commit) => commit is null
        ? null
        : new ReportCommit(commit.Sha, commit.AuthorName, commit.AuthorEmail, commit.AuthorDate.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture), commit.CommitDate.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture), commit.Signed, commit.Summary);
}

public sealed record ReportDocument(
    string Schema,
    string AsOf,
    ReportProgramme Programme,
    ReportProvenance Provenance,
    ReportSummary Summary,
    IReadOnlyList<ReportFinding> Findings,
    IReadOnlyList<ReportWaiver> Waivers,
    IReadOnlyList<ReportEvidenceRequirement> EvidenceRequirements,
    IReadOnlyList<ReportArtifact> Artifacts,
    IReadOnlyList<ReportVendor> Vendors,
    IReadOnlyList<ReportPolicy> Policies,
    IReadOnlyList<ReportDeletion> Deletions)
{
    /// <summary>The audit period's results (only with --period).</summary>
    public ReportPeriod? Period { get; init; }

    /// <summary>Every in-scope requirement's coverage record, in catalog order.</summary>
    public IReadOnlyList<ReportCoverage> Coverage { get; init; } = System.Array.Empty<ReportCoverage>();

    /// <summary>The programme's HIPAA role, which decides its breach clocks.</summary>
    public Compliance.Model.Documents.ProgrammeRole? Role { get; init; }

    public IReadOnlyList<ReportBreach> Breaches { get; init; } = System.Array.Empty<ReportBreach>();

    /// <summary>Retired, superseded and deleted documents with their retain-until days (164.316(b)(2)(i)).</summary>
    public IReadOnlyList<ReportRetained> Retention { get; init; } = System.Array.Empty<ReportRetained>();

    /// <summary>The items dropped for an invalid field, by path then position: known by ID, not evaluated.</summary>
    public IReadOnlyList<ReportIncomplete> Incomplete { get; init; } = System.Array.Empty<ReportIncomplete>();
}

public sealed record ReportProgramme(string? Id, string? Name);

/// <summary>An in-scope requirement's coverage, as the model decided it: the controls that count and those that do not apply.</summary>
public sealed record ReportCoverage(string Requirement, string Framework, Compliance.Model.Linking.CoverageState State, bool Assessable, IReadOnlyList<string> Controls, IReadOnlyList<string> NotApplicableControls, string? Decision);

public sealed record ReportProvenance(bool Available, string? UnavailableReason, ReportCommit? Head, string? Branch);

public sealed record ReportSummary(int Errors, int Warnings, int Waived, bool Passed);

public sealed record ReportFinding(string Rule, string Severity, string Message, string Fix, string? Path, int? Line, int? Column, int? EndLine, int? EndColumn, string? Target, string? WaivedBy);

public sealed record ReportWaiver(string Id, string Rule, string Target, string? Reason, string? ApprovedBy, string? ApprovedOn, string? ExpiresOn, WaiverState State, int Applied);

public sealed record ReportEvidenceRequirement(string Key, int FreshnessDays, EvidenceState State, string? LatestArtifact, string? CollectedOn, int? AgeDays, string? FreshUntil);

public sealed record ReportArtifact(string Path, string Sidecar, string Serves, string? CollectedOn, string Collector, string Sha256, string? ActualSha256, string Integrity, ReportCommit? AddedBy, ReportCommit? LastChangedBy, bool Uncommitted);

public sealed record ReportVendor(string Id, string Name, bool HandlesPhi, IReadOnlyList<string> Services, BaaState BaaState, string? SignedOn, string? EffectiveOn, string? ExpiresOn, int? DaysLeft, string? Agreement, IReadOnlyList<string> Subcontractors);

public sealed record ReportPolicy(string Id, string Title, string Path, string Version, string? ApprovedBy, string ApprovedOn, string NextReviewOn, bool Overdue, IReadOnlyList<ReportCommit>? History);

public sealed record ReportCommit(string Sha, string Author, string Email, string AuthoredAt, string CommittedAt, bool Signed, string Summary);

/// <summary>An item not evaluated because a field is invalid (the findings say which), at the position of its ID.</summary>
public sealed record ReportIncomplete(string Kind, string Id, string? Parent, string Path, int Line, int Column);

public sealed record ReportDeletion(string Path, ReportCommit DeletedBy, ReportCommit FirstAddedBy);
