using System;
using System.Collections.Generic;
using Compliance.Engine.Audit;
using Compliance.Engine.Git;
using Compliance.Model.Diagnostics;
using Compliance.Model.Text;

namespace Compliance.Engine.Checks;

/// <summary>
/// The build runs 'compliance audit verify': an edited, deleted, reordered or truncated event, or a rewritten
/// committed prefix, is an error. In an intact log, a deploy that did not go through an allowing gate decision
/// is an error too, until an active person records a review of it.
/// </summary>
public static class AuditLogChecks
{
    public static AuditVerification Run(CheckContext context)
    {
        using var keys = Audit.Signing.SigningKeyRing.Of(context.Programme);
        AuditSignatureChecks.ReportKeyProblems(context, keys);
        var source = AuditLogSource.For(context.Options.Root, context.Programme.Programme);
        var (verification, snapshot) = source.Verify(context.Provenance.Available);
        if (!verification.Valid)
        {
            var rule = RuleFor(verification.Problem);
            var at = new SourceSpan(source.DisplayPath, 0, 0, verification.Line, 1, verification.Line, 1);
            context.Report(rule, at, source.DisplayPath, verification.Message);
        }
        else if (snapshot?.Content is { } content)
        {
            var events = AuditLogText.Events(content);
            DeploysWithoutAllowingDecision(context, source.DisplayPath, events);
            var signatures = AuditSignatureChecks.Run(context, keys, source.DisplayPath, events);
            var anchoring = AuditAnchorChecks.Run(context, snapshot, events);
            return verification with { Read = events, Signatures = signatures, Anchoring = anchoring, Snapshot = snapshot, Parsed = events };
        }

        return verification with { Snapshot = snapshot, Parsed = snapshot?.Content is { } text ? AuditLogText.Events(text) : System.Array.Empty<AuditEvent>() };
    }

    private static void DeploysWithoutAllowingDecision(CheckContext context, string path, IReadOnlyList<AuditEvent> events)
    {
        foreach (var link in DeployGateLinks.Of(events))
        {
            if (link.State == DeployGateState.Allowed || DeployGateLinks.ReviewOf(events, link, review => ActiveReviewer(context.Programme, review)) is not null)
            {
                continue;
            }

            // A verified log has one event per line, so the event's position is its line.
            var line = link.Index + 1;
            var deploy = link.Deploy;
            var at = new SourceSpan(path, 0, 0, line, 1, line, 1);
            context.Report(Rules.DeployWithoutAllowingDecision, at, deploy.Hash,
                $"The deploy at line {line} (seq {deploy.Seq}, {CheckContext.Iso(DateOnly.FromDateTime(deploy.Time.UtcDateTime))}, by {deploy.Actor}{(deploy.Artifact is null ? string.Empty : $", {deploy.Artifact}")}) did not go through an allowing gate decision: {DeployGateLinks.Describe(link.State)}. No review of it is recorded.");
        }
    }

    /// <summary>A reviewer counts when they are a person of the programme, active on the day of the review.</summary>
    public static bool ActiveReviewer(Model.Linking.LinkedProgramme programme, AuditEvent review) =>
        CheckContext.FindActor(programme, review.Actor) is { } person
        && CheckContext.IsActiveOn(person, DateOnly.FromDateTime(review.Time.UtcDateTime));

    /// <summary>The rule a failed verification breaks, for the build and for 'compliance audit verify' alike.</summary>
    public static Rule RuleFor(AuditProblem problem) => problem switch
    {
        AuditProblem.Truncated => Rules.AuditLogTruncated,
        AuditProblem.Rewritten => Rules.AuditLogRewritten,
        AuditProblem.Unreadable => Rules.AuditLogRefUnreadable,
        AuditProblem.HistoryRewritten => Rules.AuditLogHistoryRewritten,
        _ => Rules.AuditLogTampered,
    };
}
