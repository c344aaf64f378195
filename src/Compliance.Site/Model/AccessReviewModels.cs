using System;
using System.Collections.Generic;
using Compliance.Engine.Checks;

namespace Compliance.Site.Model;

// The latest access review reconciled with the identity provider, as the engine decided it.

public sealed record AccessFindingModel(AccessProblem Problem, string RuleId, PageRef RulePage, PersonLink? Person, string IdpUser);

public sealed record AccessReviewModel(string Artifact, PageRef? ArtifactPage, DateOnly CollectedOn, int Users, IReadOnlyList<AccessFindingModel> Findings);
