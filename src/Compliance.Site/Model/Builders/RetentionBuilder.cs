using System;
using System.Collections.Generic;
using System.Linq;
using Compliance.Engine.Checks;

namespace Compliance.Site.Model;

/// <summary>The retention check's documents, as the site lists them: every date and verdict is the engine's.</summary>
internal static class RetentionBuilder
{
    public static IReadOnlyList<RetainedDocumentModel> Build(IReadOnlyList<RetainedDocument> documents, string? repositoryUrl) => documents
        .Select(d => new RetainedDocumentModel(
            d.Path,
            d.DeletedOn is not null && d.EffectEnd == EffectEnd.UntilDeleted ? RetentionReason.Deleted
                : d.EffectEnd == EffectEnd.Retired ? RetentionReason.Retired
                : RetentionReason.Superseded,
            d.LastInEffectOn,
            d.RetainUntil,
            d.SupersededBy,
            d.DeletedOn,
            d.LastVersionCommit,
            d.Violated)
        {
            LastVersionUrl = BlobUrl(repositoryUrl, d.LastVersionSha, d.RepositoryPath),
        })
        .ToList();

    /// <summary>
    /// The forge's page of the file at a commit, REPO/blob/SHA/PATH (GitHub's form), each path segment escaped;
    /// null without the programme's repository_url or the engine's commit. The page filters it like any outside URL.
    /// </summary>
    private static string? BlobUrl(string? repositoryUrl, string? sha, string? path) =>
        repositoryUrl is null || sha is null || path is null
            ? null
            : $"{repositoryUrl}/blob/{sha}/{string.Join("/", path.Split('/').Select(Uri.EscapeDataString))}";
}
