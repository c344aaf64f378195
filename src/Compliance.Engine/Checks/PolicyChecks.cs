using System.Collections.Generic;
using Compliance.Model.Diagnostics;

namespace Compliance.Engine.Checks;

/// <summary>Policy reviews on time (164.316(b)(2)(iii)) and approved by an active person.</summary>
public static class PolicyChecks
{
    public static IReadOnlyList<PolicyStatus> Run(CheckContext context)
    {
        var statuses = new List<PolicyStatus>();
        foreach (var policy in context.Programme.Policies)
        {
            var id = policy.Id.Value;
            if (policy.ApprovedOn is not { } approvedOn)
            {
                continue;
            }

            var approved = CheckContext.Day(approvedOn);
            var due = approved.AddDays(policy.ReviewIntervalDays);
            var review = due < context.AsOf ? PolicyReviewState.Overdue
                : due.DayNumber - context.AsOf.DayNumber <= context.Options.PolicyWarningDays ? PolicyReviewState.DueSoon
                : PolicyReviewState.Current;
            if (review == PolicyReviewState.Overdue)
            {
                context.Report(Rules.PolicyReviewOverdue, policy.Id.Span, id,
                    $"The review of policy '{id}' was due on {CheckContext.Iso(due)} ({policy.ReviewIntervalDays} days after its approval on {CheckContext.Iso(approved)}): {context.AsOf.DayNumber - due.DayNumber} days overdue.");
            }
            else if (review == PolicyReviewState.DueSoon)
            {
                context.Report(Rules.PolicyReviewDueSoon, policy.Id.Span, id,
                    $"The review of policy '{id}' falls due on {CheckContext.Iso(due)}, in {due.DayNumber - context.AsOf.DayNumber} days.");
            }

            if (policy.ApprovedBy is { } approverRef && context.Person(approverRef.Value) is { } approver && !CheckContext.IsActiveOn(approver, context.AsOf))
            {
                context.Report(Rules.PolicyApproverInactive, approverRef.Span, id,
                    $"Policy '{id}' is approved by '{approver.Id.Value}', whose access was revoked on {CheckContext.Iso(CheckContext.Day(approver.RevokedOn!.Value))}.");
            }

            statuses.Add(new PolicyStatus(id, approved, due, review, due.DayNumber - context.AsOf.DayNumber));
        }

        return statuses;
    }
}

/// <summary>Where a policy's review stands on the as-of date: due soon means within the warning window.</summary>
public enum PolicyReviewState
{
    Current,
    DueSoon,
    Overdue,
}

/// <summary>A policy's approval, next review date and review state on the as-of date.</summary>
public sealed record PolicyStatus(string PolicyId, System.DateOnly ApprovedOn, System.DateOnly NextReviewOn, PolicyReviewState Review, int DaysToReview)
{
    public bool Overdue => Review == PolicyReviewState.Overdue;
}
