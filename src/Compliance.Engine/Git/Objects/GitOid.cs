using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Compliance.Engine.Git.Objects;

/// <summary>
/// A SHA-1 object ID as libgit2 lays it out (20 bytes), so it passes to native code without copying and
/// compares and hashes as three machine words instead of a byte array on the heap.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 1)]
internal readonly struct GitOid : IEquatable<GitOid>
{
    public const int Size = 20;

    private readonly ulong _a;
    private readonly ulong _b;
    private readonly uint _c;

    public static GitOid Read(ReadOnlySpan<byte> raw) => MemoryMarshal.Read<GitOid>(raw.Slice(0, Size));

    public static GitOid Parse(ReadOnlySpan<byte> hex)
    {
        Span<byte> raw = stackalloc byte[Size];
        if (hex.Length < 2 * Size)
        {
            throw new FormatException("an object ID needs 40 hexadecimal digits");
        }

        for (var i = 0; i < Size; i++)
        {
            raw[i] = (byte)((Nibble(hex[2 * i]) << 4) | Nibble(hex[(2 * i) + 1]));
        }

        return Read(raw);
    }

    public static GitOid From(LibGit2Sharp.ObjectId id) => Read(id.RawId);

    /// <summary>
    /// The ID git gives a blob of this content (SHA-1 over "blob SIZE NUL" and the bytes): comparing it with a
    /// committed ID says whether the blob holds exactly these bytes without reading it from the pack.
    /// </summary>
    public static GitOid OfBlob(ReadOnlySpan<byte> content)
    {
        using var sha1 = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA1);
        sha1.AppendData(System.Text.Encoding.ASCII.GetBytes($"blob {content.Length}\0"));
        sha1.AppendData(content);
        Span<byte> raw = stackalloc byte[Size];
        sha1.GetHashAndReset(raw);
        return Read(raw);
    }

    public LibGit2Sharp.ObjectId ToObjectId() => new(Bytes.ToArray());

    public string Sha => Convert.ToHexStringLower(Bytes);

    private ReadOnlySpan<byte> Bytes => MemoryMarshal.AsBytes(new ReadOnlySpan<GitOid>(in Unsafe.AsRef(in this)));

    public bool Equals(GitOid other) => _a == other._a && _b == other._b && _c == other._c;

    public override bool Equals(object? obj) => obj is GitOid other && Equals(other);

    // Object IDs are uniformly distributed already: their first bytes make a good hash.
    public override int GetHashCode() => (int)_a;

    public static bool operator ==(GitOid left, GitOid right) => left.Equals(right);

    public static bool operator !=(GitOid left, GitOid right) => !left.Equals(right);

    public override string ToString() => Sha;

    private static int Nibble(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => throw new FormatException($"'{(char)c}' is not a hexadecimal digit in an object ID"),
    };
}
