using System;
using System.Collections.Generic;

namespace Compliance.Site.Model;

// The policies: review state, text and revisions.

/// <summary>The engine's policy review state as the site shows it, with a state for a policy that was never approved.</summary>
public enum PolicyReviewState
{
    Current,
    DueSoon,
    Overdue,
    Unknown,
}

public sealed record PolicyModel(
    string Id,
    string Title,
    string Version,
    PersonLink? Owner,
    PersonLink? ApprovedBy,
    DateOnly? ApprovedOn,
    int ReviewIntervalDays,
    DateOnly? NextReview,
    int? DaysToReview,
    PolicyReviewState Review,
    IReadOnlyList<ItemLink> Governs,
    string Markdown,
    string Path,
    IReadOnlyList<RevisionModel> Revisions,
    PageRef Page)
{
    public ItemLink Link => new(Id, Title, Page);
}

public sealed record RevisionModel(CommitModel Commit, string Change, string? Version, int? LinesAdded, int? LinesRemoved);
