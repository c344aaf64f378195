using System.Collections.Generic;
using Compliance.Engine.Checks;

namespace Compliance.Engine.Reports;

// The JSON report's records for the breach clocks and retention: the engine's typed values, as written.

public sealed record ReportBreach(string Incident, string DiscoveredOn, BreachCapacity Capacity, ReportDelay? LawEnforcementDelay, IReadOnlyList<ReportNotice> Notices);

public sealed record ReportDelay(string StatementOn, StatementForm Form, string Agency, string RequestedUntil, string EffectiveUntil, string? WrittenStatementOn, bool Capped, string? Evidence);

/// <summary>One breach notice: recipient (and covered entity), the CFR citation, deadline, delay, delegation and state.</summary>
public sealed record ReportNotice(NoticeRecipient Recipient, string? CoveredEntity, IReadOnlyList<string> States, string LegalBasis, string? Agreement, string? Deadline, bool Delayed, string? DelegatedBy, string? NotifiedOn, NoticeState State, int? MarginDays);

/// <summary>A retired, superseded or deleted document: when it was last in effect, why, and until when it is kept.</summary>
public sealed record ReportRetained(string Path, string CreatedOn, EffectEnd EffectEnd, string? LastInEffectOn, string? RetainUntil, string? SupersededBy, string? DeletedOn, string? LastVersionCommit, bool Violated);
