using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace Compliance.Site.Tests.Infrastructure;

/// <summary>
/// Golden files for a whole rendered site: every file under the site folder is compared byte for byte
/// with Snapshots/&lt;name&gt;/&lt;path&gt;.verified (text snapshots are LF, see .gitattributes). Nothing is
/// scrubbed: the output is deterministic. On a mismatch &lt;path&gt;.received is written beside the
/// verified file (git-ignored) and the test fails listing every difference. To accept the new output,
/// run the tests with ACCEPT_SNAPSHOTS=1: verified files are then rewritten and stale ones deleted.
/// </summary>
internal static class SiteSnapshot
{
    public const string AcceptVariable = "ACCEPT_SNAPSHOTS";

    private const string Verified = ".verified";
    private const string Received = ".received";

    public static bool Accepting => Environment.GetEnvironmentVariable(AcceptVariable) == "1";

    public static void Match(string name, string siteFolder)
    {
        var folder = Path.Combine(TestPaths.Snapshots, name);
        var produced = Files(siteFolder).ToList();
        var expected = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*" + Verified, SearchOption.AllDirectories)
                .Select(f => Relative(folder, f)[..^Verified.Length])
                .ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);

        var problems = new List<string>();
        string? firstDiff = null;
        foreach (var path in produced)
        {
            var actual = File.ReadAllBytes(Path.Combine(siteFolder, path));
            var verifiedPath = Path.Combine(folder, path + Verified);
            var receivedPath = Path.Combine(folder, path + Received);
            if (Accepting)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(verifiedPath)!);
                File.WriteAllBytes(verifiedPath, actual);
                File.Delete(receivedPath);
                continue;
            }

            if (!expected.Contains(path))
            {
                Write(receivedPath, actual);
                problems.Add($"new file {path} (no {path}{Verified}; received output written)");
                continue;
            }

            var verified = File.ReadAllBytes(verifiedPath);
            if (verified.AsSpan().SequenceEqual(actual))
            {
                File.Delete(receivedPath);
                continue;
            }

            Write(receivedPath, actual);
            problems.Add($"{path} differs (received: {receivedPath})");
            firstDiff ??= $"{path}:\n{Diff(Encoding.UTF8.GetString(verified), Encoding.UTF8.GetString(actual))}";
        }

        foreach (var missing in expected.Except(produced, StringComparer.Ordinal).OrderBy(p => p, StringComparer.Ordinal))
        {
            if (Accepting)
            {
                File.Delete(Path.Combine(folder, missing + Verified));
                continue;
            }

            problems.Add($"{missing} is no longer produced (delete {missing}{Verified}, or run with {AcceptVariable}=1)");
        }

        if (problems.Count > 0)
        {
            Assert.Fail($"The rendered site differs from Snapshots/{name} in {problems.Count} file(s) (run with {AcceptVariable}=1 to accept):\n  "
                + string.Join("\n  ", problems.Take(40)) + (firstDiff is null ? string.Empty : "\n\nFirst difference, " + firstDiff));
        }
    }

    public static IEnumerable<string> Files(string siteFolder) =>
        Directory.EnumerateFiles(siteFolder, "*", SearchOption.AllDirectories)
            .Select(f => Relative(siteFolder, f))
            .OrderBy(p => p, StringComparer.Ordinal);

    private static string Relative(string folder, string file) => Path.GetRelativePath(folder, file).Replace('\\', '/');

    private static void Write(string path, byte[] content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
    }

    /// <summary>The first differing lines, with a little context.</summary>
    private static string Diff(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        var text = new StringBuilder();
        for (var k = Math.Max(0, i - 2); k < i; k++)
        {
            text.Append("  ").Append(Cut(a[k])).Append('\n');
        }

        for (var k = i; k < Math.Min(a.Length, i + 4); k++)
        {
            text.Append("- ").Append(Cut(a[k])).Append('\n');
        }

        for (var k = i; k < Math.Min(b.Length, i + 4); k++)
        {
            text.Append("+ ").Append(Cut(b[k])).Append('\n');
        }

        return text.ToString();
    }

    private static string Cut(string line) => line.Length > 300 ? line[..300] + "…" : line;
}
