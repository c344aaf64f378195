using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace Compliance.Engine.Collection;

/// <summary>The repo-relative paths of one stored artifact and its sidecar.</summary>
public sealed record StoredEvidence(string Artifact, string Sidecar, string Sha256);

/// <summary>
/// Stores an artifact and its sidecar under evidence/ without ever replacing a file: both are
/// written to temp files in the target folder, then published by a no-overwrite move (a hard link
/// on Unix), so of two writers of the same name exactly one wins and readers never see half a file.
/// </summary>
public static class EvidenceStore
{
    /// <summary>Publishes <paramref name="stagedArtifact"/> (a temp file already in <paramref name="folder"/>) as NAME, with its sidecar.</summary>
    /// <param name="sha256">The digest of the staged bytes when the producer hashed them as it wrote them; otherwise the staged file is hashed.</param>
    /// <exception cref="EvidenceExistsException">An artifact or sidecar of that name exists; nothing was written.</exception>
    public static StoredEvidence Publish(string root, string folder, string name, string stagedArtifact, Func<string, string> sidecarFor, string? sha256 = null)
    {
        var target = Path.Combine(root, folder, name);
        var sidecarTarget = target + Loading.ProgrammeLoader.SidecarSuffix;
        var sha = sha256 ?? Evidence.EvidenceInventory.Sha256(stagedArtifact);
        var stagedSidecar = StageText(Path.Combine(root, folder), sidecarFor(sha));
        try
        {
            if (File.Exists(sidecarTarget))
            {
                throw new EvidenceExistsException($"{folder}/{name}{Loading.ProgrammeLoader.SidecarSuffix}");
            }

            MoveNoOverwrite(stagedArtifact, target, $"{folder}/{name}");
            try
            {
                MoveNoOverwrite(stagedSidecar, sidecarTarget, $"{folder}/{name}{Loading.ProgrammeLoader.SidecarSuffix}");
            }
            catch
            {
                // The artifact is ours (published a moment ago): without its sidecar it must not stay.
                File.Delete(target);
                throw;
            }

            return new StoredEvidence($"{folder}/{name}", $"{folder}/{name}{Loading.ProgrammeLoader.SidecarSuffix}", sha);
        }
        finally
        {
            DeleteQuietly(stagedArtifact);
            DeleteQuietly(stagedSidecar);
        }
    }

    /// <summary>A new temp file in the folder (created if need be) that <see cref="Publish"/> can move into place.</summary>
    public static string StagingPath(string fullFolder)
    {
        Directory.CreateDirectory(fullFolder);
        return Path.Combine(fullFolder, $".staging-{Guid.NewGuid():N}.tmp");
    }

    public static string Sha256Hex(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    public static void DeleteQuietly(string path)
    {
        try
        {
            if (File.Exists(path) || new FileInfo(path).LinkTarget is not null)
            {
                File.Delete(path);
            }
        }
        catch (IOException)
        {
        }
    }

    private static string StageText(string fullFolder, string content)
    {
        var path = StagingPath(fullFolder);
        File.WriteAllText(path, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    // link(2) creates the name atomically or fails with EEXIST: no check-then-rename window in which
    // two writers could both believe they published (File.Move is not guaranteed to be that on Unix).
    private static void MoveNoOverwrite(string from, string to, string shown)
    {
        if (OperatingSystem.IsWindows())
        {
            try
            {
                File.Move(from, to, overwrite: false);
            }
            catch (IOException) when (File.Exists(to))
            {
                throw new EvidenceExistsException(shown);
            }

            return;
        }

        if (NativeLink.link(from, to) != 0)
        {
            var errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
            if (errno == NativeLink.EEXIST)
            {
                throw new EvidenceExistsException(shown);
            }

            throw new IOException($"Could not publish '{shown}' (errno {errno}).");
        }

        File.Delete(from);
    }

    private static class NativeLink
    {
        public const int EEXIST = 17;

        [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
        public static extern int link(string oldpath, string newpath);
    }
}

/// <summary>Evidence is never overwritten: the name is taken.</summary>
public sealed class EvidenceExistsException : IOException
{
    public EvidenceExistsException(string path)
        : base($"'{path}' already exists; evidence is never overwritten. Give the new artifact another name (--name), e.g. with its collection date.")
    {
        Path = path;
    }

    public string Path { get; }
}
