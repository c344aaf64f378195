using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Compliance.Engine.Audit;

namespace Compliance.Site.Model;

// The audit log the system enforces (issue 5): the deploy gate's decisions and deploys, and the verification of its hash chain.

/// <summary>What the build's verification of the audit log found, or that this check did not verify it.</summary>
public sealed record AuditVerificationModel(bool Checked, bool Valid, int Events, string Problem, int Line, string Message);

/// <summary>
/// The audit log: its verification status, every event newest first (file order reversed: the chain,
/// not the timestamps, says what came first), the gate decisions and deploys among them, a summary of
/// the decisions, and the runners the programme declares.
/// </summary>
public sealed record AuditLogModel(
    string Path,
    bool Exists,
    string? Sha256,
    string? HeadHash,
    AuditVerificationModel Verification,
    IReadOnlyList<AuditEventModel> Events,
    IReadOnlyList<AuditEventModel> Decisions,
    IReadOnlyList<AuditEventModel> Deploys,
    GateDecisionSummary Summary,
    IReadOnlyList<RunnerModel> Runners,
    PageRef Page)
{
    /// <summary>
    /// A log longer than this is shown on pages of this many events each, by line (so appending events never
    /// moves an older event to another page); the log's own page then lists the pages, the problems and the
    /// newest decisions and deploys instead of every event.
    /// </summary>
    public const int EventsPerPage = 1000;

    /// <summary>How many of the newest decisions and deploys the log's page lists beside every problem, when the log is paged.</summary>
    public const int NewestShown = 100;

    /// <summary>The pages of events, oldest first; empty when every event fits on the log's own page.</summary>
    public IReadOnlyList<AuditEventPageModel> EventPages { get; init; } = Array.Empty<AuditEventPageModel>();

    /// <summary>The anchoring check; null when the programme does not anchor its log or the log did not verify.</summary>
    public AnchoringModel? Anchoring { get; init; }

    /// <summary>The append-only check over history; null when it did not run.</summary>
    public HistoryModel? History { get; init; }
}

/// <summary>One page of a long audit log: lines <see cref="FirstLine"/> to <see cref="LastLine"/>, newest first.</summary>
public sealed record AuditEventPageModel(int Number, int FirstLine, int LastLine, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<AuditEventModel> Events, PageRef Page);

public enum GateVerdict
{
    Allow,
    Deny,
    Unknown,
}

/// <summary>One deny reason of a gate decision, as 'compliance gate' records it: "RULE subject".</summary>
public sealed record GateReasonModel(string RuleId, string RuleTitle, PageRef? RulePage, string Subject);

/// <summary>An event's field: its key and value, and where the value leads when the site knows it (a decision, an artifact, an endpoint, a runner).</summary>
public sealed record AuditFieldModel(string Key, string Value, PageRef? Link);

/// <summary>A short reference to an event, for the lists that point at it (a decision's deploys, a person's activity, the overview).</summary>
public sealed record AuditEventLink(long Seq, string Type, DateTimeOffset Time, GateVerdict? Verdict, string? Artifact, PageRef Anchor)
{
    public string Text => $"#{Seq.ToString(CultureInfo.InvariantCulture)}";
}

/// <summary>
/// One event of the log. <see cref="Line"/> is its position among the events read, which is its line in
/// the file for every event of the verified prefix (a line that does not parse ends that prefix).
/// </summary>
public sealed record AuditEventModel(
    long Seq,
    int Line,
    DateTimeOffset Time,
    string Type,
    string Actor,
    PersonLink? Person,
    string? Artifact,
    IReadOnlyList<AuditFieldModel> Fields,
    string Prev,
    string Hash,
    bool ChainVerified,
    PageRef Anchor)
{
    /// <summary>For a gate decision: allow, deny, or what else it recorded.</summary>
    public GateVerdict? Verdict { get; init; }

    public string? VerdictText { get; init; }

    public IReadOnlyList<GateReasonModel> Reasons { get; init; } = Array.Empty<GateReasonModel>();

    /// <summary>For a gate decision: the deploys that name it.</summary>
    public IReadOnlyList<AuditEventLink> DeploysThrough { get; init; } = Array.Empty<AuditEventLink>();

    /// <summary>For a deploy: the decision it names, when that is an event of the log.</summary>
    public AuditEventLink? Decision { get; init; }

    public DeployGateState? GateState { get; init; }

    /// <summary>For a deploy: the gate-decision hash it names.</summary>
    public string? DecisionHash { get; init; }

    /// <summary>For a deploy that did not go through an allowing decision: the review that accounts for it, if any.</summary>
    public AuditEventLink? Review { get; init; }

    public string? ReviewReason { get; init; }

    /// <summary>The event's signature verdict; null when the check did not judge it (the log did not verify).</summary>
    public EventSignatureModel? Signature { get; init; }

    public string? Field(string key)
    {
        foreach (var field in Fields)
        {
            if (field.Key == key)
            {
                return field.Value;
            }
        }

        return null;
    }

    public AuditEventLink Link => new(Seq, Type, Time, Verdict, Artifact, Anchor);
}

/// <summary>Allowed and denied decisions, and the deny reasons by rule with the services, actors and runners they named.</summary>
public sealed record GateDecisionSummary(int Decisions, int Allowed, int Denied, int Other, int Deploys, int DeploysWithProblems, IReadOnlyList<DenialCount> Reasons);

public sealed record DenialCount(string RuleId, string RuleTitle, PageRef? RulePage, int Decisions, IReadOnlyList<string> Subjects);

public sealed record RunnerModel(string Id, bool RequireSigned, string? Description, int Decisions, PageRef Anchor);
