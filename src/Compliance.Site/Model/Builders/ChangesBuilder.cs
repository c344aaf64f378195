using System;
using System.Linq;
using Compliance.Site.Git;

namespace Compliance.Site.Model;

/// <summary>What changed since the compared revision, each changed file with the items defined in it.</summary>
internal static class ChangesBuilder
{
    public static ChangesModel Build(ItemResolver items, ChangeSet changes)
    {
        var files = changes.Files.Select(f => new ChangedFile(f.Change, f.Path, f.OldPath, f.Change == "deleted" ? Array.Empty<ItemLink>() : items.InFile(f.Path))).ToList();
        return new ChangesModel(changes.Description, SiteBuildContext.Commit(changes.Base), files, changes.Commits.Select(c => SiteBuildContext.Commit(c)!).ToList(), changes.MoreCommits, changes.Unavailable);
    }
}
