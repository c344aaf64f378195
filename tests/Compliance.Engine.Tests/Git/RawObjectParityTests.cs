using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Compliance.Engine.Git;
using Compliance.Engine.Git.Objects;
using LibGit2Sharp;
using Xunit;

namespace Compliance.Engine.Tests;

/// <summary>
/// Provenance reads commits and trees from raw objects for speed. These tests hold that reading to what
/// LibGit2Sharp reports for the same objects, on commits and trees chosen to be awkward.
/// </summary>
public sealed class RawObjectParityTests : IDisposable
{
    private readonly TestProgramme _programme = new();

    [Fact]
    public void Commits_read_raw_equal_LibGit2Sharp_commits()
    {
        _programme.Write("evidence/notes/a.txt", "one");
        _programme.Commit("Plain summary", "2026-10-26T10:00:00+02:00");
        _programme.Write("evidence/notes/a.txt", "two");
        _programme.Git(new Dictionary<string, string> { ["GIT_AUTHOR_NAME"] = "Zoë Ångström", ["GIT_AUTHOR_EMAIL"] = "zoe@acme.example", ["GIT_AUTHOR_DATE"] = "2026-10-27T10:00:00-04:30", ["GIT_COMMITTER_DATE"] = "2026-10-27T11:00:00+05:45" },
            "commit", "-qam", "First line\nwrapped onto a second\n\nBody paragraph.");
        _programme.Git("commit", "-q", "--allow-empty", "--cleanup=verbatim", "-m", "\n\n  Leading blank lines\tand a tab  \n \t \nafter a whitespace-only line");

        // Hand-made commits: a signature header, an encoding header, odd zones and a date that is not one.
        var tree = _programme.Git("rev-parse", "HEAD^{tree}").Trim();
        var parent = _programme.Git("rev-parse", "HEAD").Trim();
        parent = Craft($"tree {tree}\nparent {parent}\nauthor Signed Person <signed@acme.example> 1793000000 +0000\ncommitter Signed Person <signed@acme.example> 1793000100 +0100\n"
            + "gpgsig -----BEGIN PGP SIGNATURE-----\n \n iQEzBAABCAAdFiEE\n -----END PGP SIGNATURE-----\n\nSigned commit\r\nwith CRLF\n");
        parent = Craft($"tree {tree}\nparent {parent}\nauthor Odd Zone <odd@acme.example> 1793000200 +9999\ncommitter  Spaced   Out  < spaced@acme.example > 1793000300 -1400\nencoding ISO-8859-1\n\nOdd zones\n");
        parent = Craft($"tree {tree}\nparent {parent}\nauthor Empty Message <empty@acme.example> 1793000400 +0000\ncommitter Empty Message <empty@acme.example> 1793000400 +0000\n\n\n");
        _programme.Git("update-ref", "refs/heads/main", parent);

        // What libgit2 refuses to parse, the raw reader refuses too, with the same exception type.
        var broken = new[]
        {
            Craft($"tree {tree}\nauthor No Email 1793000400 +0000\ncommitter No Email 1793000400 +0000\n\nx\n"),
            Craft($"tree {tree}\nauthor Bad Date <bad@acme.example> not-a-date +0000\ncommitter Bad Date <bad@acme.example> 1793000400 +0000\n\nx\n"),
        };

        using var repo = new Repository(_programme.Root);
        using var reader = new ObjectReader(Repository.Discover(_programme.Root));
        var commits = repo.Commits.QueryBy(new CommitFilter { IncludeReachableFrom = repo.Head.Tip }).ToList();
        Assert.Equal(7, commits.Count);
        foreach (var commit in commits)
        {
            var expected = CommitInfo.Of(repo, commit);
            var raw = RawCommit.Parse(GitOid.From(commit.Id), reader.Commit(GitOid.From(commit.Id)));
            var actual = raw.Info();
            Assert.Equal(expected, actual);
            Assert.Equal(expected.AuthorDate.Offset, actual.AuthorDate.Offset);
            Assert.Equal(expected.CommitDate.Offset, actual.CommitDate.Offset);
            Assert.Equal(commit.Tree.Id.Sha, raw.Tree.Sha);
            Assert.Equal(commit.Parents.Select(p => p.Sha), raw.Parents.Select(p => p.Sha));
        }

        foreach (var sha in broken)
        {
            Assert.ThrowsAny<LibGit2SharpException>(() => repo.Lookup<Commit>(sha));
            var id = GitOid.Parse(System.Text.Encoding.ASCII.GetBytes(sha));
            Assert.ThrowsAny<LibGit2SharpException>(() => RawCommit.Parse(id, reader.Commit(id)).Info());
        }

        var summaries = commits.Select(c => RawInfo(reader, c)).ToDictionary(i => i.Summary, i => i);
        Assert.False(summaries[string.Empty].Signed);
        Assert.True(summaries["Signed commit with CRLF"].Signed);
        Assert.Contains("  Leading blank lines\tand a tab", summaries.Keys);
        Assert.Contains("First line wrapped onto a second", summaries.Keys);
        Assert.Equal(TimeSpan.FromHours(-14), summaries["Odd zones"].CommitDate.Offset);
        Assert.Equal(TimeSpan.Zero, summaries["Odd zones"].AuthorDate.Offset);
    }

    [Fact]
    public void Tree_comparison_finds_what_a_git_diff_finds()
    {
        // Names chosen around git's tree order, where a folder sorts as if its name ended in '/'.
        var steps = new (string Message, Action Change)[]
        {
            ("names around the folder order", () =>
            {
                foreach (var name in new[] { "a.b", "a/x.txt", "a-b", "a b", "a0", "ä.txt", "z/deep/er/file.txt", "x" })
                {
                    _programme.Write($"evidence/{name}", name);
                }
            }),
            ("change inside a folder, delete beside it", () =>
            {
                _programme.Write("evidence/a/x.txt", "changed");
                _programme.Delete("evidence/a-b");
            }),
            ("a file becomes a folder", () =>
            {
                _programme.Delete("evidence/x");
                _programme.Write("evidence/x/inside.txt", "now a folder");
            }),
            ("a folder is deleted, a nested one added", () =>
            {
                Directory.Delete(Path.Combine(_programme.Root, "evidence/z"), recursive: true);
                _programme.Delete("evidence/a.b");
                _programme.Write("evidence/a.b/c/d.txt", "deeper");
            }),
            ("a folder becomes a file", () =>
            {
                Directory.Delete(Path.Combine(_programme.Root, "evidence/x"), recursive: true);
                _programme.Write("evidence/x", "a file again");
            }),
            ("the whole folder goes", () => Directory.Delete(Path.Combine(_programme.Root, "evidence"), recursive: true)),
        };

        var day = 26;
        foreach (var (message, change) in steps)
        {
            change();
            _programme.Commit(message, $"2026-10-{day++}T10:00:00Z");
        }

        using var repo = new Repository(_programme.Root);
        using var reader = new ObjectReader(Repository.Discover(_programme.Root));
        var trees = new TreeDiff(reader);
        var compared = 0;
        foreach (var commit in repo.Commits.Where(c => c.Parents.Any()))
        {
            var parent = commit.Parents.First();
            var expected = repo.Diff.Compare<TreeChanges>(parent.Tree, commit.Tree, new[] { "evidence" })
                .SelectMany(c => c.Status switch
                {
                    ChangeKind.Added => new[] { $"Added {c.Path}" },
                    ChangeKind.Deleted => new[] { $"Deleted {c.OldPath}" },
                    ChangeKind.TypeChanged => new[] { $"Deleted {c.OldPath}", $"Added {c.Path}" },
                    _ => new[] { $"{c.Status} {c.Path}" },
                })
                .Order(StringComparer.Ordinal)
                .ToList();

            var found = new List<PathChange>();
            trees.Diff(trees.TreeAt(GitOid.From(parent.Tree.Id), "evidence"), trees.TreeAt(GitOid.From(commit.Tree.Id), "evidence"), "evidence", found);
            Assert.Equal(expected, found.Select(c => $"{c.Status} {c.Path}").Order(StringComparer.Ordinal).ToList());
            Assert.All(found.Where(c => c.Status != ChangeKind.Deleted), c => Assert.Equal(commit[c.Path].Target.Sha, c.Blob.Sha));
            compared += expected.Count;
        }

        Assert.True(compared >= 20, $"only {compared} changes compared");
    }

    [Fact]
    public void A_missing_object_is_a_libgit2_error_not_a_crash()
    {
        using var reader = new ObjectReader(Repository.Discover(_programme.Root));
        var missing = GitOid.Parse("0123456789abcdef0123456789abcdef01234567"u8);
        var error = Assert.ThrowsAny<LibGit2SharpException>(() => reader.Commit(missing));
        Assert.Contains("0123456789abcdef0123456789abcdef01234567", error.Message);
    }

    private static CommitInfo RawInfo(ObjectReader reader, Commit commit) => RawCommit.Parse(GitOid.From(commit.Id), reader.Commit(GitOid.From(commit.Id))).Info();

    private string Craft(string raw)
    {
        var file = Path.Combine(_programme.Root, ".git", "crafted-commit");
        File.WriteAllText(file, raw);
        return _programme.Git("hash-object", "-t", "commit", "-w", "--literally", file).Trim();
    }

    public void Dispose() => _programme.Dispose();
}
