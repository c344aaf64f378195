using System;

namespace Compliance.Site.Model;

// Retired, superseded and deleted documents, as the retention check decided them (164.316(b)(2)(i)).

/// <summary>Why the document is no longer in effect, in the page's words.</summary>
public enum RetentionReason
{
    Retired,
    Superseded,
    Deleted,
}

/// <summary>One document kept for retention: when it was last in effect, the day it may go, and where its last version is.</summary>
public sealed record RetainedDocumentModel(
    string Path,
    RetentionReason Reason,
    DateOnly? LastInEffectOn,
    DateOnly? RetainUntil,
    string? SupersededBy,
    DateOnly? DeletedOn,
    string? LastVersionCommit,
    bool DeletedTooEarly)
{
    /// <summary>The last version on the programme's forge, when programme.yaml names the repository (site.repository_url).</summary>
    public string? LastVersionUrl { get; init; }
}
