using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Compliance.Engine.Audit;

namespace Compliance.Site.Model;

// The HIPAA controls the system enforces (issue 5): the deploy gate and its tamper-evident audit log,
// the breach-notification clocks, and encryption verified at deploy time. Plain values, as the rest
// of the page model; the builder reads them from the check result and the audit log.

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

    /// <summary>Events after the verified prefix of the log: from its first bad line on, or appended after the check ran.</summary>
    public int Unverified => Events.Count - Events.Count(e => e.ChainVerified);

    /// <summary>The pages of events, oldest first; empty when every event fits on the log's own page.</summary>
    public IReadOnlyList<AuditEventPageModel> EventPages { get; init; } = Array.Empty<AuditEventPageModel>();
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

// ---------------------------------------------------------------------------------------- incidents

public enum NoticeState
{
    SentOnTime,
    SentLate,
    Overdue,
    DueSoon,
    Open,
    NotRequired,
    CannotBeDecided,
}

/// <summary>One notice of a breach: to whom, under which rule, its deadline, and when it was sent or how long is left on the as-of date.</summary>
public sealed record NoticeModel(string Who, string Basis, DateOnly? Deadline, DateOnly? NotifiedOn, int? MarginDays, NoticeState State, bool Delayed)
{
    public bool IsOpen => State is NoticeState.Overdue or NoticeState.DueSoon or NoticeState.Open or NoticeState.CannotBeDecided;

    /// <summary>The covered entity that delegated this notice to the programme, if one did.</summary>
    public string? DelegatedBy { get; init; }
}

public sealed record StateResidentsModel(string State, int Residents, bool MediaNotice);

public sealed record IncidentModel(
    string Id,
    string Title,
    DateOnly? DiscoveredOn,
    bool Breach,
    int IndividualsAffected,
    IReadOnlyList<StateResidentsModel> States,
    Compliance.Engine.Checks.NoticeDelay? LawEnforcementDelay,
    string? Summary,
    bool HasClock,
    IReadOnlyList<NoticeModel> Notices,
    PageRef Anchor)
{
    /// <summary>Whether the programme acted on the breach as covered entity or as business associate.</summary>
    public Compliance.Engine.Checks.BreachCapacity? Capacity { get; init; }

    public ItemLink Link => new(Id, Title, Anchor);

    /// <summary>A clock is open while any of its notices is not sent.</summary>
    public bool Open => HasClock && Notices.Any(n => n.IsOpen);
}

public sealed record IncidentsModel(IReadOnlyList<IncidentModel> Breaches, IReadOnlyList<IncidentModel> Others, int WarningDays, PageRef Page)
{
    public IEnumerable<IncidentModel> All
    {
        get
        {
            foreach (var incident in Breaches)
            {
                yield return incident;
            }

            foreach (var incident in Others)
            {
                yield return incident;
            }
        }
    }
}

// ---------------------------------------------------------------------------------------- encryption

public sealed record CertificateModel(string Subject, string Issuer, string NotAfter, string Sha256);

public sealed record SignatureModel(string Artifact, string Signer, bool Verified, string? Error);

/// <summary>What one tls-verification record says: where, when, what was negotiated, the certificate and the artifact signature check.</summary>
public sealed record TlsRecordModel(
    string Endpoint,
    string Url,
    string Host,
    int Port,
    string VerifiedAt,
    bool Succeeded,
    string? Protocol,
    bool ProtocolAcceptable,
    string? Cipher,
    string? Error,
    CertificateModel? Certificate,
    SignatureModel? Signature);

/// <summary>One tls-verification artifact: its evidence page and file, and the record it holds (when it could be read).</summary>
public sealed record VerificationModel(
    ArtifactModel Artifact,
    string? EndpointId,
    TlsRecordModel? Record,
    string? Problem,
    bool Latest,
    bool AfterAsOf);

public sealed record EndpointModel(
    string Id,
    string Url,
    string EvidenceKey,
    PageRef? EvidencePage,
    string State,
    VerificationModel? Latest,
    IReadOnlyList<VerificationModel> History,
    PageRef Anchor)
{
    public ItemLink Link => new(Id, Url, Anchor);
}

public sealed record EncryptionModel(IReadOnlyList<EndpointModel> Endpoints, IReadOnlyList<VerificationModel> Undeclared, PageRef Page);
