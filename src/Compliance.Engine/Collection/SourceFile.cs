using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;

namespace Compliance.Engine.Collection;

/// <summary>
/// The file 'evidence add' copies, opened once: the name is opened without following a final symbolic
/// link, the kind is read from that open handle (fstat), and the content is hashed and copied from the
/// same handle. A check of the path followed by a second open of it would let the name be swapped for a
/// link (to a secret, a device) between the two.
/// </summary>
public sealed class SourceFile : IDisposable
{
    private readonly FileStream _stream;

    private SourceFile(FileStream stream) => _stream = stream;

    /// <summary>The opened regular file, or null with the kind that was refused (Missing, a link, a folder, a device...).</summary>
    public static SourceFile? Open(string path, out FileKindValue kind)
    {
        if (OperatingSystem.IsWindows())
        {
            // Windows has no O_NOFOLLOW; a reparse point is refused by the path check, then the file is opened once.
            kind = FileKind.Of(path);
            return kind == FileKindValue.Regular ? new SourceFile(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read)) : null;
        }

        var fd = Native.open(path, Native.ReadOnlyNoFollow);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            kind = errno == Native.ENOENT || errno == Native.ENOTDIR ? FileKindValue.Missing
                : errno == Native.ELOOP(OperatingSystem.IsMacOS()) ? FileKindValue.SymbolicLink
                : throw new IOException($"'{path}' could not be opened: {Marshal.GetPInvokeErrorMessage(errno)}.");
            return null;
        }

        var handle = new SafeFileHandle(fd, ownsHandle: true);
        kind = FileKind.OfHandle(handle);
        if (kind != FileKindValue.Regular)
        {
            handle.Dispose();
            return null;
        }

        return new SourceFile(new FileStream(handle, FileAccess.Read, 1 << 16));
    }

    /// <summary>Copies the content to a new file at <paramref name="destination"/> and returns the SHA-256 of exactly the bytes copied.</summary>
    public string CopyTo(string destination)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var output = new FileStream(destination, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        var buffer = new byte[1 << 16];
        int read;
        while ((read = _stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            output.Write(buffer, 0, read);
        }

        output.Flush(flushToDisk: true);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public void Dispose() => _stream.Dispose();

    private static class Native
    {
        public const int ENOENT = 2;
        public const int ENOTDIR = 20;

        // O_RDONLY | O_NOFOLLOW | O_NONBLOCK (a FIFO must not block the open) | O_CLOEXEC; the values differ by platform.
        public static readonly int ReadOnlyNoFollow = OperatingSystem.IsMacOS() ? 0x0100 | 0x0004 | 0x01000000 : 0x20000 | 0x800 | 0x80000;

        public static int ELOOP(bool macOS) => macOS ? 62 : 40;

        [DllImport("libc", SetLastError = true)]
        public static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);
    }
}
