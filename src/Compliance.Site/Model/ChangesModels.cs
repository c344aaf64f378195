using System.Collections.Generic;

namespace Compliance.Site.Model;

// What changed since the compared revision.

public sealed record ChangesModel(
    string Description,
    CommitModel? Base,
    IReadOnlyList<ChangedFile> Files,
    IReadOnlyList<CommitModel> Commits,
    int MoreCommits,
    string? Unavailable);

public sealed record ChangedFile(string Change, string Path, string? OldPath, IReadOnlyList<ItemLink> Items);
