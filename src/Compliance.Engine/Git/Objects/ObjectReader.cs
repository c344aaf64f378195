using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using LibGit2Sharp;

namespace Compliance.Engine.Git.Objects;

/// <summary>
/// Reads raw git objects (loose or packed) through libgit2's object database, one reader per thread:
/// libgit2 handles are not shared across threads. Reading the bytes and parsing them here costs a few
/// native calls per object, where LibGit2Sharp's object model costs several per tree entry.
/// </summary>
internal sealed class ObjectReader : IDisposable
{
    // git2/types.h: git_object_t.
    public const int CommitType = 1;
    public const int TreeType = 2;
    public const int BlobType = 3;

    // Consecutive commits share most of their trees, so recent trees are kept by ID; the bound keeps
    // memory flat over any history (a 5,000-entry folder is ~250 KiB a version).
    private const long MaxCachedBytes = 32L * 1024 * 1024;

    private readonly OidMap<byte[]> _trees = new();
    private long _cachedBytes;
    private IntPtr _repository;
    private IntPtr _odb;

    public ObjectReader(string gitDirectory)
    {
        NativeGit.EnsureBound();
        NativeGit.Check(NativeGit.git_repository_open(out _repository, gitDirectory), $"open the repository at {gitDirectory}");
        NativeGit.Check(NativeGit.git_repository_odb(out _odb, _repository), "open the object database");
    }

    internal IntPtr Repository => _repository;

    public byte[] Tree(GitOid id)
    {
        if (_trees.TryGetValue(id, out var known))
        {
            return known;
        }

        var data = Read(id, TreeType, "tree");
        if (_cachedBytes + data.Length > MaxCachedBytes)
        {
            _trees.Clear();
            _cachedBytes = 0;
        }

        _trees[id] = data;
        _cachedBytes += data.Length;
        return data;
    }

    public byte[] Commit(GitOid id) => Read(id, CommitType, "commit");

    /// <summary>A file's content as committed (not cached: the period view reads each version once).</summary>
    public byte[] Blob(GitOid id) => Read(id, BlobType, "blob");

    /// <summary>An object's size from its header alone: for a packed object, without inflating it.</summary>
    public long Size(GitOid id)
    {
        NativeGit.Check(NativeGit.git_odb_read_header(out var length, out _, _odb, id), $"read the header of {id.Sha}");
        return (long)length;
    }

    private byte[] Read(GitOid id, int type, string kind)
    {
        NativeGit.Check(NativeGit.git_odb_read(out var obj, _odb, id), $"read {kind} {id.Sha}");
        try
        {
            if (NativeGit.git_odb_object_type(obj) != type)
            {
                throw new LibGit2SharpException($"object {id.Sha} is not a {kind}");
            }

            var data = new byte[checked((int)NativeGit.git_odb_object_size(obj))];
            Marshal.Copy(NativeGit.git_odb_object_data(obj), data, 0, data.Length);
            return data;
        }
        finally
        {
            NativeGit.git_odb_object_free(obj);
        }
    }

    public void Dispose()
    {
        if (_odb != IntPtr.Zero)
        {
            NativeGit.git_odb_free(_odb);
            _odb = IntPtr.Zero;
        }

        if (_repository != IntPtr.Zero)
        {
            NativeGit.git_repository_free(_repository);
            _repository = IntPtr.Zero;
        }
    }
}
