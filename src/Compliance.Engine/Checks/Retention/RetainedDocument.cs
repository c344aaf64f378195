using System;

namespace Compliance.Engine.Checks;

/// <summary>Why a document stopped being in effect, which starts its six years (164.316(b)(2)(i)).</summary>
public enum EffectEnd
{
    /// <summary>Nothing retired or superseded it: it was in effect until it was deleted (or still is).</summary>
    UntilDeleted,

    /// <summary>A policy with status: retired, on its retired_on day.</summary>
    Retired,

    /// <summary>An evidence artifact, on the day a newer artifact for the same requirement was collected.</summary>
    Superseded,
}

/// <summary>
/// A document's retention, decided once: created on, last in effect on (and why), and kept until six
/// years after the later of the two. Deleted is set when the file is gone from HEAD; the site and
/// reports list retired and superseded documents from these values.
/// </summary>
public sealed record RetainedDocument(
    string Path,
    DateOnly CreatedOn,
    EffectEnd EffectEnd,
    DateOnly? LastInEffectOn,
    DateOnly? RetainUntil,
    string? SupersededBy,
    DateOnly? DeletedOn,
    string? LastVersionCommit)
{
    /// <summary>
    /// For a deleted document, when the programme names its repository's web address: the commit that holds
    /// its last version (the deleting commit's first parent, the one 'git show SHA^:PATH' reads), and its path
    /// from the repository's root (the programme may live in a subfolder). Null otherwise.
    /// </summary>
    public string? LastVersionSha { get; init; }

    /// <inheritdoc cref="LastVersionSha"/>
    public string? RepositoryPath { get; init; }

    /// <summary>Deleted before its retain-until day: the finding CMP1601.</summary>
    public bool Violated => DeletedOn is { } deleted && RetainUntil is { } until && deleted < until;
}
