using System.IO;
using LibGit2Sharp;

namespace Compliance.Engine.Git;

/// <summary>Reads a file as committed at HEAD, to compare an append-only file with its committed prefix.</summary>
public static class GitContent
{
    public static string? AtHead(string root, string relativePath)
    {
        var gitDir = Repository.Discover(root);
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
        return repo.Head.Tip[path]?.Target is Blob blob ? blob.GetContentText() : null;
    }
}
