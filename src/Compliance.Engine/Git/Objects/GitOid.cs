using System;
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

    private GitOid(ulong a, ulong b, uint c) => (_a, _b, _c) = (a, b, c);

    // Field by field in the machine's byte order, as the struct lies in memory: MemoryMarshal.Read<GitOid> is a
    // framework generic over a value type, which ReadyToRun cannot precompile (issue 15).
    public static GitOid Read(ReadOnlySpan<byte> raw)
    {
        raw = raw.Slice(0, Size);
        return new GitOid(BitConverter.ToUInt64(raw), BitConverter.ToUInt64(raw.Slice(8)), BitConverter.ToUInt32(raw.Slice(16)));
    }

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

    public LibGit2Sharp.ObjectId ToObjectId()
    {
        var raw = new byte[Size];
        CopyTo(raw);
        return new(raw);
    }

    public string Sha
    {
        get
        {
            Span<byte> raw = stackalloc byte[Size];
            CopyTo(raw);
            return Convert.ToHexStringLower(raw);
        }
    }

    private void CopyTo(Span<byte> raw)
    {
        BitConverter.TryWriteBytes(raw, _a);
        BitConverter.TryWriteBytes(raw.Slice(8), _b);
        BitConverter.TryWriteBytes(raw.Slice(16), _c);
    }

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
