using System;
using Compliance.Engine.Git.Objects;

namespace Compliance.Engine.Git;

/// <summary>
/// Finds the repository that holds a folder, as <c>Repository.Discover</c> does, through libgit2 directly: LibGit2Sharp's
/// own call returns its result in a class that the Native AOT CLI's marshaller does not copy back, so it found nothing.
/// </summary>
public static class GitDiscovery
{
    /// <summary>The git directory (such as <c>/repo/.git/</c>) of the repository that holds <paramref name="path"/>, or null if none does.</summary>
    public static string? GitDirectory(string path)
    {
        NativeGit.EnsureBound();
        var found = default(GitBuffer);
        try
        {
            // Not across file systems and with no ceiling, as LibGit2Sharp asks.
            var result = NativeGit.git_repository_discover(ref found, path, 0, IntPtr.Zero);
            if (result == NativeGit.NotFound)
            {
                return null;
            }

            NativeGit.Check(result, $"look for a git repository that holds {path}");
            return found.Text;
        }
        finally
        {
            NativeGit.git_buf_dispose(ref found);
        }
    }
}
