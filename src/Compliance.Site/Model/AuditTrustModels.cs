using System;
using System.Collections.Generic;
using Compliance.Engine.Audit.Anchors;
using Compliance.Engine.Audit.History;
using Compliance.Engine.Audit.Signing;

namespace Compliance.Site.Model;

// What stands behind the log beyond its chain, as the engine decided it: signatures, anchors and the history walk.

/// <summary>One anchor token as the engine judged it, with the TSA's time.</summary>
public sealed record AnchorModel(string Name, AnchorState State, long? Seq, string? HeadHash, DateTimeOffset? TsaTime, string? Tsa, string Message);

/// <summary>The anchoring check: every anchor, the interval, the latest trusted time, and whether the interval was exceeded.</summary>
public sealed record AnchoringModel(IReadOnlyList<AnchorModel> Anchors, int IntervalDays, DateTimeOffset? LatestTrusted, bool Overdue);

/// <summary>The append-only check over the log's committed history.</summary>
public sealed record HistoryModel(AuditHistoryState State, int Versions, string Message, string? Commit, string? Author);

/// <summary>An event's signature as the engine judged it, and who signed.</summary>
public sealed record EventSignatureModel(SignatureState State, string? Signer, string? KeyId);
