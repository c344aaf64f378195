using System;
using System.Runtime.InteropServices;

namespace Compliance.Engine.Git.Objects;

/// <summary>libgit2's <c>git_buf</c> (git2/buffer.h): a string that libgit2 allocates and <c>git_buf_dispose</c> frees.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct GitBuffer
{
    public IntPtr Pointer;
    public UIntPtr Reserved;
    public UIntPtr Size;

    public readonly string Text => Pointer == IntPtr.Zero ? string.Empty : Marshal.PtrToStringUTF8(Pointer, checked((int)Size.ToUInt64()));
}
