using System;
using System.Collections.Generic;
using System.Linq;
using Compliance.Model.Documents;
using Compliance.Site.Git;

namespace Compliance.Site.Model;

/// <summary>A policy's page model: its review state, the controls it governs, its text and its revisions.</summary>
internal sealed class PoliciesBuilder
{
    private readonly SiteBuildContext _context;

    public PoliciesBuilder(SiteBuildContext context) => _context = context;

    public PolicyModel Build(PolicyDefinition policy, IReadOnlyDictionary<string, IReadOnlyDictionary<string, FileRevision>> revisionsOf)
    {
        var id = policy.Id.Value;
        _context.PolicyStatusById.TryGetValue(id, out var status);
        var review = status?.Review switch
        {
            Compliance.Engine.Checks.PolicyReviewState.Current => PolicyReviewState.Current,
            Compliance.Engine.Checks.PolicyReviewState.DueSoon => PolicyReviewState.DueSoon,
            Compliance.Engine.Checks.PolicyReviewState.Overdue => PolicyReviewState.Overdue,
            Compliance.Engine.Checks.PolicyReviewState.Retired => PolicyReviewState.Retired,
            _ => PolicyReviewState.Unknown,
        };

        var history = _context.Result.Provenance.Find(policy.Path);
        var revisions = new List<RevisionModel>();
        if (history is not null)
        {
            var details = revisionsOf[policy.Path];
            for (var i = history.Changes.Count - 1; i >= 0; i--)
            {
                var commit = history.Changes[i];
                details.TryGetValue(commit.Sha, out var detail);
                revisions.Add(new RevisionModel(SiteBuildContext.Commit(commit)!, i == 0 ? "added" : "modified", detail?.Version, detail?.LinesAdded, detail?.LinesRemoved));
            }
        }

        return new PolicyModel(
            id,
            policy.Title,
            policy.Version,
            policy.Owner is null ? null : _context.Person(policy.Owner.Value),
            policy.ApprovedBy is null ? null : _context.Person(policy.ApprovedBy.Value),
            SiteBuildContext.Day(policy.ApprovedOn),
            policy.ReviewIntervalDays,
            status?.NextReviewOn,
            status?.DaysToReview,
            review,
            policy.Governs.Select(g => g.Value).Distinct(StringComparer.Ordinal)
                .Select(c => _context.Programme.Lookups.Control(c) is { } control ? new ItemLink(c, control.Title, _context.Links.ControlPage(c)) : new ItemLink(c, "(not defined)", null))
                .ToList(),
            policy.Body,
            policy.Path,
            revisions,
            _context.Links.PolicyPage(id));
    }
}
