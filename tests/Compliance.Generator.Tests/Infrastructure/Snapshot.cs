using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Compliance.Generator.Tests.Infrastructure;

/// <summary>
/// Golden files: compares text with Snapshots/&lt;name&gt;.verified.txt (LF line endings).
/// On a mismatch it writes &lt;name&gt;.received.txt beside it (git-ignored) and fails with a diff excerpt.
/// To accept new output, run the tests with the environment variable ACCEPT_SNAPSHOTS=1: every compared
/// snapshot is then overwritten with the received text and passes. Review the diff before committing.
/// </summary>
internal static class Snapshot
{
    public const string AcceptVariable = "ACCEPT_SNAPSHOTS";

    private const int MaxDiffLines = 80;

    public static bool Accepting => Environment.GetEnvironmentVariable(AcceptVariable) == "1";

    public static void Match(string name, string actual)
    {
        var received = Normalise(actual);
        var verifiedPath = Path.Combine(TestPaths.Snapshots, name + ".verified.txt");
        var receivedPath = Path.Combine(TestPaths.Snapshots, name + ".received.txt");

        if (Accepting)
        {
            Directory.CreateDirectory(TestPaths.Snapshots);
            File.WriteAllText(verifiedPath, received, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Delete(receivedPath);
            return;
        }

        if (!File.Exists(verifiedPath))
        {
            File.WriteAllText(receivedPath, received, new UTF8Encoding(false));
            Assert.Fail($"No verified snapshot {verifiedPath}. The output was written to {receivedPath}; review it and rename it, or run the tests with {AcceptVariable}=1.");
        }

        var verified = Normalise(File.ReadAllText(verifiedPath));
        if (verified == received)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received, new UTF8Encoding(false));
        Assert.Fail($"Snapshot '{name}' differs from {verifiedPath}.\nReceived output: {receivedPath}\n(run with {AcceptVariable}=1 to accept it)\n\n{Diff(verified, received)}");
    }

    private static string Normalise(string text) => text.Replace("\r\n", "\n");

    /// <summary>A unified-style diff (--- verified, +++ received) with three lines of context, cut at <see cref="MaxDiffLines"/> lines.</summary>
    internal static string Diff(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        if ((long)a.Length * b.Length > 25_000_000)
        {
            return FirstDifference(a, b);
        }

        // Longest common subsequence table, from the end, so the walk below goes forwards.
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var ops = new List<(char Op, int Line, string Text)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                ops.Add((' ', x + 1, a[x]));
                x++;
                y++;
            }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                ops.Add(('+', y + 1, b[y]));
                y++;
            }
            else
            {
                ops.Add(('-', x + 1, a[x]));
                x++;
            }
        }

        var output = new StringBuilder("--- verified\n+++ received\n");
        var printed = 0;
        var lastPrinted = -1;
        for (var k = 0; k < ops.Count && printed < MaxDiffLines; k++)
        {
            var near = false;
            for (var d = Math.Max(0, k - 3); d <= Math.Min(ops.Count - 1, k + 3) && !near; d++)
            {
                near = ops[d].Op != ' ';
            }

            if (!near)
            {
                continue;
            }

            if (lastPrinted != k - 1)
            {
                output.Append("@@ line ").Append(ops[k].Line).Append(" @@\n");
            }

            output.Append(ops[k].Op).Append(ops[k].Text).Append('\n');
            lastPrinted = k;
            printed++;
        }

        if (printed == MaxDiffLines)
        {
            output.Append("... (diff cut; compare the .received.txt file with the .verified.txt file)\n");
        }

        return output.ToString();
    }

    private static string FirstDifference(string[] a, string[] b)
    {
        var line = 0;
        while (line < a.Length && line < b.Length && a[line] == b[line])
        {
            line++;
        }

        return $"First difference at line {line + 1}:\n-{(line < a.Length ? a[line] : "<end of file>")}\n+{(line < b.Length ? b[line] : "<end of file>")}";
    }
}
