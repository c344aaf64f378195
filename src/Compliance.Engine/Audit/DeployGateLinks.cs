using System;
using System.Collections.Generic;
using Compliance.Model.Text;

namespace Compliance.Engine.Audit;

/// <summary>The event types and fields that tie a deploy to the gate decision it went through.</summary>
public static class AuditEventTypes
{
    public const string GateDecision = "gate-decision";
    public const string Deploy = "deploy";
    public const string EncryptionVerified = "encryption-verified";
    public const string EvidenceCollected = "evidence-collected";

    /// <summary>A person's review of a deploy that did not go through an allowing decision (break-glass, incident).</summary>
    public const string DeployReviewed = "deploy-reviewed";

    /// <summary>The field of a deploy that names its gate decision by the decision event's hash.</summary>
    public const string DecisionField = "gate-decision";

    /// <summary>The field of a gate decision that holds its verdict: <see cref="Allow"/> or <see cref="Deny"/>.</summary>
    public const string VerdictField = "decision";

    public const string Allow = "allow";

    public const string Deny = "deny";

    /// <summary>The field of a denied gate decision that lists its reasons, "RULE subject; RULE subject".</summary>
    public const string ReasonsField = "reasons";

    /// <summary>The field of a deploy review that says why the deploy was acceptable.</summary>
    public const string ReasonField = "reason";

    /// <summary>The field of a deploy review that names the deploy event by its hash.</summary>
    public const string ReviewedDeployField = "deploy";
}

/// <summary>How a deploy relates to the gate decision it names.</summary>
public enum DeployGateState
{
    /// <summary>It names an allowing decision of the log, recorded before it, for the same artifact.</summary>
    Allowed,

    /// <summary>It names no decision at all.</summary>
    NoDecision,

    /// <summary>It names a hash that is not an event of the log.</summary>
    NotInLog,

    /// <summary>It names an event that is not a gate decision.</summary>
    NotADecision,

    /// <summary>The decision it names was recorded after it.</summary>
    DecisionAfter,

    /// <summary>The decision it names denied the deploy.</summary>
    Denied,

    /// <summary>The decision it names has no recognisable verdict.</summary>
    Unknown,

    /// <summary>The decision it names was for another artifact.</summary>
    OtherArtifact,
}

/// <summary>One deploy of the log: its position, the decision it names (if that is in the log) and its state.</summary>
public sealed record DeployGateLink(int Index, AuditEvent Deploy, int? DecisionIndex, DeployGateState State);

/// <summary>
/// Joins every deploy of the audit log to the gate decision it names. The gate blocks a deploy before it
/// happens; this shows after the fact whether each deploy really went through an allowing decision, for the
/// build (CMP2204) and the site alike.
/// </summary>
public static class DeployGateLinks
{
    public static IReadOnlyList<DeployGateLink> Of(IReadOnlyList<AuditEvent> events)
    {
        var byHash = new IntMap<string>(StringComparer.Ordinal);
        for (var i = 0; i < events.Count; i++)
        {
            byHash.TryAdd(events[i].Hash, i);
        }

        var links = new List<DeployGateLink>();
        for (var i = 0; i < events.Count; i++)
        {
            var deploy = events[i];
            if (deploy.Type != AuditEventTypes.Deploy)
            {
                continue;
            }

            if (deploy.Field(AuditEventTypes.DecisionField) is not { } hash)
            {
                links.Add(new DeployGateLink(i, deploy, null, DeployGateState.NoDecision));
            }
            else if (!byHash.TryGetValue(hash, out var at))
            {
                links.Add(new DeployGateLink(i, deploy, null, DeployGateState.NotInLog));
            }
            else
            {
                var decision = events[at];
                var state = decision.Type != AuditEventTypes.GateDecision ? DeployGateState.NotADecision
                    : at > i ? DeployGateState.DecisionAfter
                    : decision.Field(AuditEventTypes.VerdictField) switch
                    {
                        AuditEventTypes.Deny => DeployGateState.Denied,
                        AuditEventTypes.Allow when decision.Artifact is not null && deploy.Artifact is not null && decision.Artifact != deploy.Artifact => DeployGateState.OtherArtifact,
                        AuditEventTypes.Allow => DeployGateState.Allowed,
                        _ => DeployGateState.Unknown,
                    };
                links.Add(new DeployGateLink(i, deploy, at, state));
            }
        }

        return links;
    }

    /// <summary>
    /// The position of the review that accounts for a deploy that did not go through an allowing decision: a
    /// later deploy-reviewed event naming the deploy's hash, with a reason, from an actor the caller accepts
    /// (a person active on the day of the review). Null when there is none.
    /// </summary>
    public static int? ReviewOf(IReadOnlyList<AuditEvent> events, DeployGateLink link, Func<AuditEvent, bool> reviewerActive)
    {
        for (var i = link.Index + 1; i < events.Count; i++)
        {
            var review = events[i];
            if (review.Type == AuditEventTypes.DeployReviewed
                && review.Field(AuditEventTypes.ReviewedDeployField) == link.Deploy.Hash
                && !string.IsNullOrWhiteSpace(review.Field(AuditEventTypes.ReasonField))
                && reviewerActive(review))
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>What a state means, in words, for findings and pages.</summary>
    public static string Describe(DeployGateState state) => state switch
    {
        DeployGateState.Allowed => "it went through an allowing gate decision",
        DeployGateState.NoDecision => "it names no gate decision",
        DeployGateState.NotInLog => "the gate decision it names is not in the log",
        DeployGateState.NotADecision => "the event it names as its gate decision is not a gate decision",
        DeployGateState.DecisionAfter => "the gate decision it names was recorded after the deploy",
        DeployGateState.Denied => "the gate denied it",
        DeployGateState.OtherArtifact => "the gate decision it names was for another artifact",
        _ => "the gate decision it names has no recognisable verdict",
    };
}
