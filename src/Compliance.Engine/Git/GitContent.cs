using System.IO;
using System.Linq;
using LibGit2Sharp;

namespace Compliance.Engine.Git;

/// <summary>Reads files as committed: at HEAD (an append-only file's committed prefix), or the last committed version that differs from the working tree.</summary>
public static class GitContent
{
    public static string? AtHead(string root, string relativePath) => Read(root, relativePath, (repo, path) =>
        repo.Head.Tip[path]?.Target is Blob blob ? blob.GetContentText() : null);

    /// <summary>
    /// The version before the one on disk: HEAD's, or, when the file on disk is what HEAD holds (the change is
    /// committed), its first parent's. Null without history, or when the file did not exist there.
    /// </summary>
    public static string? PreviousVersion(string root, string relativePath, string current) => Read(root, relativePath, (repo, path) =>
    {
        var atHead = repo.Head.Tip[path]?.Target as Blob;
        if (atHead is not null && !Same(atHead.GetContentText(), current))
        {
            return atHead.GetContentText();
        }

        return repo.Head.Tip.Parents.FirstOrDefault()?[path]?.Target is Blob before ? before.GetContentText() : null;
    });

    private static bool Same(string committed, string current) =>
        committed.Replace("\r\n", "\n") == current.Replace("\r\n", "\n");

    private static string? Read(string root, string relativePath, System.Func<Repository, string, string?> read)
    {
        var gitDir = GitDiscovery.GitDirectory(root);
        if (gitDir is null)
        {
            return null;
        }

        using var repo = new Repository(gitDir);
        if (repo.Head.Tip is null || repo.Info.IsShallow)
        {
            return null;
        }

        var prefix = Path.GetRelativePath(repo.Info.WorkingDirectory, root).Replace('\\', '/');
        var path = prefix == "." ? relativePath : $"{prefix.TrimEnd('/')}/{relativePath}";
        return read(repo, path);
    }
}
