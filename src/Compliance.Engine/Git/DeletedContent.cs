using System;
using System.IO;
using System.Linq;
using LibGit2Sharp;

namespace Compliance.Engine.Git;

/// <summary>
/// Reads the last version of a deleted file: its content in the first parent of the commit that
/// deleted it. The retention check needs it to know when a deleted policy or sidecar was last in effect.
/// One repository handle for all the reads of one check.
/// </summary>
public sealed class DeletedContent : IDisposable
{
    private readonly Repository? _repo;
    private readonly string _prefix;

    public DeletedContent(string root)
    {
        var gitDir = GitDiscovery.GitDirectory(root);
        _repo = gitDir is null ? null : new Repository(gitDir);
        var prefix = _repo is null ? "." : Path.GetRelativePath(_repo.Info.WorkingDirectory, root).Replace('\\', '/');
        _prefix = prefix == "." ? string.Empty : prefix.TrimEnd('/') + "/";
    }

    /// <summary>The text of the path as it was just before the commit deleted it, or null when it cannot be read.</summary>
    public string? Before(string deletingSha, string relativePath)
    {
        if (_repo?.Lookup<Commit>(deletingSha) is not { } commit)
        {
            return null;
        }

        foreach (var parent in commit.Parents)
        {
            if (parent[_prefix + relativePath]?.Target is Blob blob)
            {
                return blob.GetContentText();
            }
        }

        return null;
    }

    /// <summary>The first parent of the deleting commit, which holds the last version ('git show SHA^:PATH'); null when it cannot be read.</summary>
    public string? FirstParent(string deletingSha) =>
        _repo?.Lookup<Commit>(deletingSha) is { } commit && commit.Parents.FirstOrDefault() is { } parent ? parent.Sha : null;

    /// <summary>A programme-relative path as a path from the repository's root.</summary>
    public string RepositoryPath(string relativePath) => _prefix + relativePath;

    public void Dispose() => _repo?.Dispose();
}
