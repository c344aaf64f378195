using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Compliance.Site.Html;

namespace Compliance.Site.Output;

/// <summary>The writes: straight into a staging folder, or temp file and rename (and only when changed) into an existing site.</summary>
public sealed partial class SiteOutput
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Beyond this many characters a page is streamed to its file rather than encoded whole into a pooled
    /// buffer: the shared pool keeps what it lends, and a 14 MB page (the controls list at 32,000 controls)
    /// borrowed a 64 MiB buffer that stayed in the process for the rest of the run.
    /// </summary>
    private const int LargeTextChars = 1 << 20;

    /// <summary>True while files go to the staging folder: nothing can be reading it, so no temp file and no rename.</summary>
    private bool Staged => _staging is not null && !_committed;

    public void Write(string path, string text) => Write(path, new[] { text });

    public void Write(string path, HtmlString html) => Write(path, html.Value);

    /// <summary>
    /// Writes text given in parts (a page: its shared shell parts and its own), encoded to UTF-8 once
    /// into a pooled buffer, without joining the parts into one string first.
    /// </summary>
    public void Write(string path, string[] parts)
    {
        var chars = 0L;
        foreach (var part in parts)
        {
            chars += part.Length;
        }

        if (chars > LargeTextChars)
        {
            Write(path, (IEnumerable<string>)parts);
            return;
        }

        // Sized by the parts' own UTF-8 lengths, not the worst case of three bytes a character: a page's buffer is a third
        // of what it was, and the controls list's no longer a 4 MiB block on the large object heap (issue 15). The sum is
        // never short of the joined text's length: a pair of surrogates split between two parts counts 6 bytes, not 4.
        var bytes = 0;
        foreach (var part in parts)
        {
            bytes += Utf8.GetByteCount(part);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(bytes);
        try
        {
            // One encoder over all the parts: exactly the bytes of the joined string, even for a pair of surrogates split between two parts.
            var encoder = Utf8.GetEncoder();
            var length = 0;
            for (var i = 0; i < parts.Length; i++)
            {
                length += encoder.GetBytes(parts[i], buffer.AsSpan(length), flush: i == parts.Length - 1);
            }

            Write(path, buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public void Write(string path, byte[] content) => Write(path, content.AsSpan());

    public void Write(string path, ReadOnlySpan<byte> content)
    {
        var full = Claim(path);
        System.Threading.Interlocked.Add(ref _bytes, content.Length);
        var folder = Path.GetDirectoryName(full)!;
        EnsureFolder(folder);
        if (Staged)
        {
            CreateWith(full, content);
            return;
        }

        if (_existed && File.Exists(full) && SameContent(full, content))
        {
            System.Threading.Interlocked.Increment(ref _unchanged);
            return;
        }

        var temp = TempPath(folder, full);
        var moved = false;
        try
        {
            // The rename is what makes it atomic.
            CreateWith(temp, content);
            File.Move(temp, full, overwrite: true);
            moved = true;
        }
        finally
        {
            if (!moved && File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>Writes a large text file piece by piece (the print page), atomically, without holding it whole in memory.</summary>
    public void Write(string path, IEnumerable<string> pieces)
    {
        var full = Claim(path);
        var folder = Path.GetDirectoryName(full)!;
        EnsureFolder(folder);
        if (Staged)
        {
            System.Threading.Interlocked.Add(ref _bytes, CreateWith(full, pieces));
            return;
        }

        var temp = TempPath(folder, full);
        try
        {
            var length = CreateWith(temp, pieces);
            System.Threading.Interlocked.Add(ref _bytes, length);
            if (File.Exists(full) && new FileInfo(full).Length == length && SameFiles(full, temp))
            {
                System.Threading.Interlocked.Increment(ref _unchanged);
                return;
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>Deletes every file this run did not write, and folders left empty. Only ever inside the marked folder.</summary>
    public int RemoveStale()
    {
        if (Staged)
        {
            // The staging folder holds only what this run wrote.
            return 0;
        }

        var removed = 0;
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };
        foreach (var file in Directory.EnumerateFiles(_root, "*", options).ToList())
        {
            var relative = Path.GetRelativePath(_root, file).Replace('\\', '/');
            if (_written.ContainsKey(relative) || relative.StartsWith("..", StringComparison.Ordinal))
            {
                continue;
            }

            File.Delete(file);
            removed++;
        }

        foreach (var folder in Directory.EnumerateDirectories(_root, "*", options).OrderByDescending(d => d.Length).ToList())
        {
            if (!Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Directory.Delete(folder);
            }
        }

        return removed;
    }

    /// <summary>The full path of a site path, which this run must not have written before.</summary>
    private string Claim(string path)
    {
        var full = FullPath(path);
        if (!_written.TryAdd(path, path))
        {
            throw new InvalidOperationException($"The site path '{path}' was written twice.");
        }

        return full;
    }

    /// <summary>Creates a new file (never an existing one) with one write: no stream buffer to copy through.</summary>
    private static void CreateWith(string file, ReadOnlySpan<byte> content)
    {
        using var handle = File.OpenHandle(file, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        RandomAccess.Write(handle, content, 0);
    }

    /// <summary>Creates a new file from text pieces; returns its length in bytes.</summary>
    private static long CreateWith(string file, IEnumerable<string> pieces)
    {
        using var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        using (var writer = new StreamWriter(stream, Utf8, 1 << 16, leaveOpen: true))
        {
            foreach (var piece in pieces)
            {
                writer.Write(piece);
            }
        }

        return stream.Length;
    }

    private static bool SameFiles(string a, string b)
    {
        using var first = File.OpenRead(a);
        using var second = File.OpenRead(b);
        var x = new byte[1 << 16];
        var y = new byte[1 << 16];
        while (true)
        {
            var n = first.ReadAtLeast(x, x.Length, throwOnEndOfStream: false);
            var m = second.ReadAtLeast(y, y.Length, throwOnEndOfStream: false);
            if (n != m || !x.AsSpan(0, n).SequenceEqual(y.AsSpan(0, m)))
            {
                return false;
            }

            if (n == 0)
            {
                return true;
            }
        }
    }

    private static bool SameContent(string path, ReadOnlySpan<byte> content)
    {
        var info = new FileInfo(path);
        if (info.Length != content.Length)
        {
            return false;
        }

        return File.ReadAllBytes(path).AsSpan().SequenceEqual(content);
    }

    /// <summary>
    /// A temp file beside the target: this run's random token and a counter, so names are unique
    /// without asking the system for randomness per file, and short, so the folder's entries stay small.
    /// </summary>
    private string TempPath(string folder, string full) =>
        Path.Combine(folder, $".{Path.GetFileName(full)}.{_token}{System.Threading.Interlocked.Increment(ref _temps):x}.tmp");
}
