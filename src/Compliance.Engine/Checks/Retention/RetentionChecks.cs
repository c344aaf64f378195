using System;
using System.Collections.Generic;
using System.Linq;
using Compliance.Engine.Git;
using Compliance.Model.Diagnostics;
using Compliance.Model.Parsing;
using Compliance.Model.Text;

namespace Compliance.Engine.Checks;

/// <summary>
/// Six-year retention of documentation (45 CFR 164.316(b)(2)(i)): a document under policies/,
/// controls/ or evidence/ is kept until six years after the later of its creation and the day it was
/// last in effect. A policy's last day is its retired_on (status: retired); an evidence artifact's is
/// the day a newer artifact for the same requirement superseded it; anything else was in effect until
/// it was deleted, so deleting it is always too early. A rename (git mv) keeps its history and is not
/// a deletion.
/// </summary>
public static class RetentionChecks
{
    private static readonly string[] Folders = { "evidence/", "policies/", "controls/" };

    public static IReadOnlyList<RetainedDocument> Run(CheckContext context)
    {
        var provenance = context.Provenance;
        if (!provenance.Available)
        {
            return Array.Empty<RetainedDocument>();
        }

        using var content = new DeletedContent(context.Options.Root);
        var supersession = Supersession.Build(context, content);
        var documents = new List<RetainedDocument>();
        foreach (var policy in context.Programme.Policies.Where(p => p.IsRetired && p.RetiredOn is not null))
        {
            var created = provenance.Find(policy.Path)?.Added.CommitDay ?? CheckContext.Day(policy.RetiredOn!.Value);
            documents.Add(Retained(policy.Path, created, EffectEnd.Retired, CheckContext.Day(policy.RetiredOn!.Value), null, null, provenance.Find(policy.Path)?.LastChanged.Sha));
        }

        foreach (var path in supersession.SupersededArtifacts.Where(p => provenance.Find(p) is { ExistsAtHead: true }))
        {
            var (on, by) = supersession.SupersededOf(path)!.Value;
            documents.Add(Retained(path, provenance.Find(path)!.Added.CommitDay, EffectEnd.Superseded, on, by, null, provenance.Find(path)!.LastChanged.Sha));
        }

        foreach (var deletion in provenance.Deletions.Where(d => Folders.Any(f => d.Path.StartsWith(f, StringComparison.Ordinal))))
        {
            var document = Deleted(deletion, content, supersession);
            if (context.Programme.Programme?.RepositoryUrl is not null)
            {
                // Only then is the parent looked up: the site links the last version at it, on the programme's forge.
                document = document with { LastVersionSha = content.FirstParent(deletion.DeletedBy.Sha), RepositoryPath = content.RepositoryPath(deletion.Path) };
            }

            documents.Add(document);
            if (document.Violated)
            {
                Report(context, deletion, document);
            }
        }

        // OrderBy is stable, so documents that tie keep the order they were found in.
        return documents.OrderBy(d => d, Comparer<RetainedDocument>.Create((x, y) =>
        {
            var order = string.CompareOrdinal(x.Path, y.Path);
            return order != 0 ? order : DayOrder.Compare(x.DeletedOn, y.DeletedOn);
        })).ToList();
    }

    private static RetainedDocument Deleted(Deletion deletion, DeletedContent content, Supersession supersession)
    {
        var created = deletion.FirstAdded.CommitDay;
        var deleted = deletion.DeletedBy.CommitDay;
        var parentSha = deletion.DeletedBy.Sha;
        if (deletion.Path.StartsWith("policies/", StringComparison.Ordinal) && ProgrammeFileParser.IsMarkdown(deletion.Path)
            && content.Before(parentSha, deletion.Path) is { } text
            && ProgrammeFileParser.Parse(deletion.Path, text).Policy is { IsRetired: true, RetiredOn: { } retired })
        {
            return Retained(deletion.Path, created, EffectEnd.Retired, CheckContext.Day(retired), null, deleted, parentSha);
        }

        if (deletion.Path.StartsWith("evidence/", StringComparison.Ordinal) && supersession.SupersededOf(deletion.Path) is { } superseded)
        {
            return Retained(deletion.Path, created, EffectEnd.Superseded, superseded.On, superseded.By, deleted, parentSha);
        }

        return Retained(deletion.Path, created, EffectEnd.UntilDeleted, deleted, null, deleted, parentSha);
    }

    private static RetainedDocument Retained(string path, DateOnly created, EffectEnd end, DateOnly lastInEffect, string? supersededBy, DateOnly? deleted, string? lastVersion)
    {
        var from = lastInEffect > created ? lastInEffect : created;
        return new RetainedDocument(path, created, end, lastInEffect, from.AddYears(CheckOptions.RetentionYears), supersededBy, deleted, lastVersion);
    }

    private static void Report(CheckContext context, Deletion deletion, RetainedDocument document)
    {
        var deleted = document.DeletedOn!.Value;
        var why = document.EffectEnd switch
        {
            EffectEnd.Retired => $"it was retired on {CheckContext.Iso(document.LastInEffectOn!.Value)}",
            EffectEnd.Superseded => $"'{document.SupersededBy}' superseded it on {CheckContext.Iso(document.LastInEffectOn!.Value)}",
            _ => "it was in effect until then (nothing retired or superseded it)",
        };
        context.Report(Rules.RetentionViolation, SourceSpan.StartOf(deletion.Path), deletion.Path,
            $"'{deletion.Path}' was deleted by commit {deletion.DeletedBy.ShortSha} ({deletion.DeletedBy.AuthorName}, {CheckContext.Iso(deleted)}); commit {deletion.FirstAdded.ShortSha} added it on {CheckContext.Iso(document.CreatedOn)} and {why}, so it must be kept until at least {CheckContext.Iso(document.RetainUntil!.Value)}.");
    }
}
