using System;
using LibGit2Sharp;

namespace Compliance.Engine.Git.Objects;

/// <summary>One entry of a raw tree object: its name (UTF-8 bytes), whether it is a subtree, and its object ID.</summary>
internal readonly ref struct RawTreeEntry
{
    public RawTreeEntry(ReadOnlySpan<byte> name, bool isTree, GitOid id)
    {
        Name = name;
        IsTree = isTree;
        Id = id;
    }

    public ReadOnlySpan<byte> Name { get; }

    public bool IsTree { get; }

    public GitOid Id { get; }

    public string NameText => System.Text.Encoding.UTF8.GetString(Name);

    /// <summary>
    /// Git's tree order: bytewise, as if every subtree's name ended in '/'. Both sides of a diff are in
    /// this order, so one merge pass over them finds every difference.
    /// </summary>
    public static int Compare(in RawTreeEntry left, in RawTreeEntry right)
    {
        var common = Math.Min(left.Name.Length, right.Name.Length);
        var result = left.Name.Slice(0, common).SequenceCompareTo(right.Name.Slice(0, common));
        if (result != 0)
        {
            return result;
        }

        var l = left.Name.Length > common ? left.Name[common] : left.IsTree ? (byte)'/' : (byte)0;
        var r = right.Name.Length > common ? right.Name[common] : right.IsTree ? (byte)'/' : (byte)0;
        return l.CompareTo(r);
    }
}

/// <summary>
/// Reads the entries of a raw tree object ("mode SP name NUL 20-byte-id", repeated) in place, without an
/// object or a string per entry.
/// </summary>
internal ref struct RawTree
{
    private readonly ReadOnlySpan<byte> _data;
    private int _next;

    public RawTree(ReadOnlySpan<byte> data)
    {
        _data = data;
        _next = 0;
        Current = default;
    }

    public RawTreeEntry Current { get; private set; }

    public readonly RawTree GetEnumerator() => this;

    public bool MoveNext()
    {
        if (_next >= _data.Length)
        {
            return false;
        }

        var rest = _data.Slice(_next);
        var space = rest.IndexOf((byte)' ');
        var nul = space < 0 ? -1 : rest.Slice(space + 1).IndexOf((byte)0);
        if (space <= 0 || nul <= 0 || space + 1 + nul + 1 + GitOid.Size > rest.Length)
        {
            throw new LibGit2SharpException("a tree object in the repository is malformed");
        }

        // Mode 40000 is a subtree; files, executables, symlinks (120000) and submodules (160000) are leaves.
        var mode = rest.Slice(0, space);
        var isTree = mode.SequenceEqual("40000"u8) || mode.SequenceEqual("040000"u8);
        var end = space + 1 + nul;
        Current = new RawTreeEntry(rest.Slice(space + 1, nul), isTree, GitOid.Read(rest.Slice(end + 1)));
        _next += end + 1 + GitOid.Size;
        return true;
    }

    /// <summary>The entry with this name, if the tree has one.</summary>
    public static bool TryFind(ReadOnlySpan<byte> data, ReadOnlySpan<byte> name, out GitOid id, out bool isTree)
    {
        foreach (var entry in new RawTree(data))
        {
            if (entry.Name.SequenceEqual(name))
            {
                id = entry.Id;
                isTree = entry.IsTree;
                return true;
            }
        }

        id = default;
        isTree = false;
        return false;
    }
}
