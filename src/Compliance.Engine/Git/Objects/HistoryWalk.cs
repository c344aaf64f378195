namespace Compliance.Engine.Git.Objects;

/// <summary>
/// The commits reachable from a head, oldest first in topological order (parents before children), as
/// IDs only: libgit2's revision walk without a managed commit object per step.
/// </summary>
internal static class HistoryWalk
{
    /// <param name="reader">A reader on the repository to walk.</param>
    /// <param name="head">The newest commit.</param>
    /// <param name="since">A commit whose history is left out (already known), or null for all of it.</param>
    public static GitOid[] OldestFirst(ObjectReader reader, GitOid head, GitOid? since)
    {
        NativeGit.Check(NativeGit.git_revwalk_new(out var walk, reader.Repository), "start a revision walk");
        try
        {
            NativeGit.Check(NativeGit.git_revwalk_sorting(walk, NativeGit.SortTopological | NativeGit.SortReverse), "sort the revision walk");
            NativeGit.Check(NativeGit.git_revwalk_push(walk, head), $"walk from {head.Sha}");
            if (since is { } known)
            {
                NativeGit.Check(NativeGit.git_revwalk_hide(walk, known), $"leave out the history of {known.Sha}");
            }

            var order = new OidList(64);
            int result;
            while ((result = NativeGit.git_revwalk_next(out var id, walk)) == 0)
            {
                order.Add(id);
            }

            if (result != NativeGit.IterationOver)
            {
                NativeGit.Check(result, "walk the history");
            }

            return order.ToArray();
        }
        finally
        {
            NativeGit.git_revwalk_free(walk);
        }
    }
}
