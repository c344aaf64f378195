using System;
using System.IO;
using Compliance.Engine.Git;
using LibGit2Sharp;
using Xunit;

namespace Compliance.Engine.Tests;

/// <summary>
/// GitDiscovery stands in for LibGit2Sharp's Repository.Discover, which the Native AOT CLI cannot use. These tests hold it
/// to LibGit2Sharp's answers: from the root, a nested folder, a work tree's .git file, and a folder outside any repository.
/// </summary>
public sealed class GitDiscoveryTests : IDisposable
{
    private readonly TestProgramme _programme = new();
    private readonly string _outside = Path.Combine(Path.GetTempPath(), "compliance-no-repo-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Finds_the_git_directory_as_LibGit2Sharp_does()
    {
        _programme.Write("evidence/notes/a.txt", "one");
        _programme.Commit("First", "2026-10-26T10:00:00+02:00");
        var nested = Path.Combine(_programme.Root, "evidence", "notes");

        foreach (var start in new[] { _programme.Root, nested, nested + Path.DirectorySeparatorChar })
        {
            var found = GitDiscovery.GitDirectory(start);
            Assert.NotNull(found);
            Assert.Equal(Repository.Discover(start), found);
            Assert.EndsWith("/.git/", found, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Finds_a_linked_work_trees_own_git_directory()
    {
        _programme.Write("evidence/notes/a.txt", "one");
        _programme.Commit("First", "2026-10-26T10:00:00+02:00");
        var tree = _outside + "-tree";
        try
        {
            _programme.Git("worktree", "add", "-q", tree);
            var found = GitDiscovery.GitDirectory(tree);
            Assert.Equal(Repository.Discover(tree), found);
            Assert.Contains("/.git/worktrees/", found, StringComparison.Ordinal);
        }
        finally
        {
            _programme.Git("worktree", "remove", "--force", tree);
        }
    }

    [Fact]
    public void Is_null_outside_any_repository()
    {
        Directory.CreateDirectory(_outside);
        Assert.Null(Repository.Discover(_outside));
        Assert.Null(GitDiscovery.GitDirectory(_outside));
    }

    public void Dispose()
    {
        _programme.Dispose();
        if (Directory.Exists(_outside))
        {
            Directory.Delete(_outside, recursive: true);
        }
    }
}
