using System.Collections.Generic;
using System.Linq;

namespace Compliance.Site.Model;

/// <summary>Maps the engine's access reconciliation to the site model; it decides nothing.</summary>
internal sealed class AccessReviewBuilder
{
    private readonly SiteBuildContext _context;

    public AccessReviewBuilder(SiteBuildContext context) => _context = context;

    public AccessReviewModel? Build(IReadOnlyList<ArtifactModel> artifacts)
    {
        if (_context.Result.AccessReview is not { } review)
        {
            return null;
        }

        var page = artifacts.FirstOrDefault(a => a.Path == review.Artifact)?.Viewer;
        var findings = review.Findings
            .Select(f => new AccessFindingModel(f.Problem, f.RuleId, SiteLinks.RuleAnchor(f.RuleId), f.PersonId is { } id ? _context.Person(id) : null, f.IdpUser))
            .ToList();
        return new AccessReviewModel(review.Artifact, page, review.CollectedOn, review.Users, findings);
    }
}
