using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using LibGit2Sharp;

namespace Compliance.Engine.Git.Objects;

/// <summary>A file that a commit added, changed or deleted, with the blob it points at (the old blob for a deletion).</summary>
internal sealed record PathChange(ChangeKind Status, string Path, GitOid Blob);

/// <summary>
/// Compares two trees by object ID, descending only into subtrees whose IDs differ, in one merge pass
/// over the two sorted raw listings. Nothing is allocated for an unchanged entry: a commit that adds one
/// file costs a handful of tree reads and one path string. Much cheaper than a general diff for the
/// one-or-two-file changes that evidence commits make.
/// </summary>
internal sealed class TreeDiff
{
    private readonly ObjectReader _reader;

    // The tracked folders' paths, split and encoded once: every commit looks them up twice.
    private readonly Dictionary<string, byte[][]> _folders = new(StringComparer.Ordinal);

    public TreeDiff(ObjectReader reader) => _reader = reader;

    /// <summary>The ID of the subtree at a folder path ("a/b") below a root tree, or null when there is none.</summary>
    public GitOid? TreeAt(GitOid root, string path)
    {
        if (!_folders.TryGetValue(path, out var segments))
        {
            _folders[path] = segments = Segments(path);
        }

        return EntryAt(root, segments, out var isTree) is { } id && isTree ? id : null;
    }

    /// <summary>The ID of whatever is at a path below a root tree (blob or subtree), or null.</summary>
    public GitOid? EntryAt(GitOid root, string path, out bool isTree) => EntryAt(root, Segments(path), out isTree);

    private GitOid? EntryAt(GitOid root, byte[][] segments, out bool isTree)
    {
        var current = root;
        isTree = true;
        foreach (var segment in segments)
        {
            if (!isTree || !RawTree.TryFind(_reader.Tree(current), segment, out current, out isTree))
            {
                return null;
            }
        }

        return current;
    }

    private static byte[][] Segments(string path) => path.Split('/').Select(Encoding.UTF8.GetBytes).ToArray();

    /// <summary>Every file that differs between two versions of the folder at <paramref name="path"/>.</summary>
    public void Diff(GitOid? before, GitOid? after, string path, List<PathChange> changes)
    {
        if (before == after)
        {
            return;
        }

        var left = new RawTree(before is { } b ? _reader.Tree(b) : Array.Empty<byte>());
        var right = new RawTree(after is { } a ? _reader.Tree(a) : Array.Empty<byte>());
        var hasLeft = left.MoveNext();
        var hasRight = right.MoveNext();
        while (hasLeft || hasRight)
        {
            var order = !hasLeft ? 1 : !hasRight ? -1 : RawTreeEntry.Compare(left.Current, right.Current);
            if (order == 0)
            {
                // Equal in git's order means the same name and the same kind (a file "x" sorts apart from a folder "x").
                var was = left.Current;
                var now = right.Current;
                if (was.Id != now.Id)
                {
                    var child = $"{path}/{now.NameText}";
                    if (now.IsTree)
                    {
                        Diff(was.Id, now.Id, child, changes);
                    }
                    else
                    {
                        changes.Add(new PathChange(ChangeKind.Modified, child, now.Id));
                    }
                }

                hasLeft = left.MoveNext();
                hasRight = right.MoveNext();
            }
            else if (order < 0)
            {
                One(left.Current, path, ChangeKind.Deleted, changes);
                hasLeft = left.MoveNext();
            }
            else
            {
                One(right.Current, path, ChangeKind.Added, changes);
                hasRight = right.MoveNext();
            }
        }
    }

    /// <summary>An entry on one side only: a file added or deleted, or every file of a folder added or deleted.</summary>
    private void One(in RawTreeEntry entry, string path, ChangeKind status, List<PathChange> changes)
    {
        var child = $"{path}/{entry.NameText}";
        if (!entry.IsTree)
        {
            changes.Add(new PathChange(status, child, entry.Id));
        }
        else if (status == ChangeKind.Added)
        {
            Diff(null, entry.Id, child, changes);
        }
        else
        {
            Diff(entry.Id, null, child, changes);
        }
    }
}
