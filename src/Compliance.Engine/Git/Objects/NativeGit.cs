using System;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.InteropServices;
using LibGit2Sharp;

namespace Compliance.Engine.Git.Objects;

/// <summary>
/// The few libgit2 calls that LibGit2Sharp does not expose: raw object reads and a revision walk that
/// yields IDs only. They bind to the very native library LibGit2Sharp ships and has already loaded, so
/// there is one libgit2 in the process, with one set of options and caches.
/// </summary>
internal static class NativeGit
{
    private const string Library = "libgit2 (LibGit2Sharp's)";

    // libgit2 return codes and sort flags (git2/errors.h, git2/revwalk.h).
    public const int NotFound = -3;
    public const int IterationOver = -31;
    public const uint SortTopological = 1;
    public const uint SortReverse = 4;

    // Bound once, on first use; a failure is kept and thrown again, with its reason, to every caller.
    private static readonly Lazy<Exception?> Binding = new(Bind, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// Binds these declarations to LibGit2Sharp's native library, once. Call before any of them: a library that
    /// cannot be bound is a LibGit2SharpException naming why (which the check reports as git being unreadable),
    /// not a type-initialisation failure.
    /// </summary>
    public static void EnsureBound()
    {
        if (Binding.Value is { } failure)
        {
            throw new LibGit2SharpException(failure.Message, failure);
        }
    }

    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicFields, "LibGit2Sharp.Core.NativeDllName", "LibGit2Sharp")]
    private static Exception? Bind()
    {
        try
        {
            var managed = typeof(Repository).Assembly;

            // LibGit2Sharp names its native library by the libgit2 commit it was built from (e.g. git2-5853918). The
            // type is named in full and kept by DynamicDependency, so the trimmed Native AOT CLI still has it.
            if (Type.GetType("LibGit2Sharp.Core.NativeDllName, LibGit2Sharp")?.GetField("Name")?.GetRawConstantValue() is not string name)
            {
                return new InvalidOperationException($"cannot find the name of the native library of LibGit2Sharp {managed.GetName().Version}");
            }

            NativeLibrary.SetDllImportResolver(typeof(NativeGit).Assembly, (requested, _, searchPath) =>
                requested == Library && NativeLibrary.TryLoad(name, managed, searchPath, out var handle) ? handle : IntPtr.Zero);

            // Reference-counted: LibGit2Sharp has initialised it too, and it is never shut down while in use.
            Check(git_libgit2_init(), "initialise libgit2");
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or DllNotFoundException or EntryPointNotFoundException or BadImageFormatException or LibGit2SharpException)
        {
            return new InvalidOperationException($"libgit2 could not be bound for reading raw objects: {ex.Message}", ex);
        }
    }

    /// <summary>Throws LibGit2Sharp's exception type, with libgit2's own message, for a negative result.</summary>
    public static void Check(int result, string what)
    {
        if (result >= 0)
        {
            return;
        }

        var error = git_error_last();
        var message = error == IntPtr.Zero ? null : Marshal.PtrToStringUTF8(Marshal.ReadIntPtr(error));
        throw new LibGit2SharpException($"libgit2 could not {what}: {message ?? $"error {result}"}");
    }

    [DllImport(Library)]
    private static extern int git_libgit2_init();

    [DllImport(Library)]
    private static extern IntPtr git_error_last();

    [DllImport(Library)]
    public static extern int git_repository_discover(ref GitBuffer found, [MarshalAs(UnmanagedType.LPUTF8Str)] string start, int acrossFilesystems, IntPtr ceilings);

    [DllImport(Library)]
    public static extern void git_buf_dispose(ref GitBuffer buffer);

    [DllImport(Library)]
    public static extern int git_repository_open(out IntPtr repository, [MarshalAs(UnmanagedType.LPUTF8Str)] string path);

    [DllImport(Library)]
    public static extern void git_repository_free(IntPtr repository);

    [DllImport(Library)]
    public static extern int git_repository_odb(out IntPtr odb, IntPtr repository);

    [DllImport(Library)]
    public static extern void git_odb_free(IntPtr odb);

    [DllImport(Library)]
    public static extern int git_odb_read(out IntPtr obj, IntPtr odb, in GitOid id);

    [DllImport(Library)]
    public static extern int git_odb_read_header(out UIntPtr length, out int type, IntPtr odb, in GitOid id);

    [DllImport(Library)]
    public static extern IntPtr git_odb_object_data(IntPtr obj);

    [DllImport(Library)]
    public static extern UIntPtr git_odb_object_size(IntPtr obj);

    [DllImport(Library)]
    public static extern int git_odb_object_type(IntPtr obj);

    [DllImport(Library)]
    public static extern void git_odb_object_free(IntPtr obj);

    [DllImport(Library)]
    public static extern int git_revwalk_new(out IntPtr walk, IntPtr repository);

    [DllImport(Library)]
    public static extern int git_revwalk_sorting(IntPtr walk, uint mode);

    [DllImport(Library)]
    public static extern int git_revwalk_push(IntPtr walk, in GitOid id);

    [DllImport(Library)]
    public static extern int git_revwalk_hide(IntPtr walk, in GitOid id);

    [DllImport(Library)]
    public static extern int git_revwalk_next(out GitOid id, IntPtr walk);

    [DllImport(Library)]
    public static extern void git_revwalk_free(IntPtr walk);
}
