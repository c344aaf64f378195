using System;
using System.IO;
using System.Runtime.InteropServices;

namespace Compliance.Engine.Collection;

public enum FileKindValue
{
    Missing,
    Regular,
    SymbolicLink,
    Directory,
    Device,
    Other,
}

/// <summary>
/// What a path is, without following a symbolic link. .NET reports a character device as an
/// ordinary file, so on Unix the type bits come from lstat through the runtime's own native shim
/// (its FileStatus layout is the runtime's, not the C library's, so it is the same on every Unix).
/// </summary>
public static class FileKind
{
    private const int TypeMask = 0xF000;
    private const int RegularBits = 0x8000;
    private const int DirectoryBits = 0x4000;
    private const int LinkBits = 0xA000;
    private const int CharacterDeviceBits = 0x2000;
    private const int BlockDeviceBits = 0x6000;

    // 256 bytes is larger than the runtime's FileStatus on any platform; Mode is its second int.
    private const int StatusBytes = 256;

    public static FileKindValue Of(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null)
        {
            return FileKindValue.SymbolicLink;
        }

        if (Directory.Exists(path))
        {
            return FileKindValue.Directory;
        }

        if (!info.Exists)
        {
            return FileKindValue.Missing;
        }

        return OperatingSystem.IsWindows() ? FileKindValue.Regular : UnixKind(path);
    }

    /// <summary>What an open handle is (fstat), so that the kind checked is the file's that is then read (Unix only).</summary>
    public static FileKindValue OfHandle(SafeHandle handle)
    {
        var status = new byte[StatusBytes];
        return FStat(handle, status) != 0 ? FileKindValue.Missing : KindOf(status);
    }

    private static FileKindValue UnixKind(string path)
    {
        var status = new byte[StatusBytes];
        return LStat(path, status) != 0 ? FileKindValue.Missing : KindOf(status);
    }

    private static FileKindValue KindOf(byte[] status) =>
        (BitConverter.ToInt32(status, 4) & TypeMask) switch
        {
            RegularBits => FileKindValue.Regular,
            DirectoryBits => FileKindValue.Directory,
            LinkBits => FileKindValue.SymbolicLink,
            CharacterDeviceBits or BlockDeviceBits => FileKindValue.Device,
            _ => FileKindValue.Other,
        };

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_FStat", SetLastError = true)]
    private static extern int FStat(SafeHandle fd, byte[] status);

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_LStat", CharSet = CharSet.Ansi, SetLastError = true)]
    private static extern int LStat(string path, byte[] status);
}
