using System.Collections.Generic;
using System.Linq;
using Xunit.Sdk;

namespace Compliance.EndToEnd.Tests.Harness;

/// <summary>
/// Assertions on a build: the exit code and the exact diagnostic lines, in order. On a mismatch the
/// message shows both lists in full, one line each, and the build's whole output.
/// </summary>
public static class BuildAssert
{
    /// <summary>The build failed (non-zero exit code) with exactly these diagnostics.</summary>
    public static void Fails(BuildResult result, params string[] expected) => Check(result, succeeded: false, expected);

    /// <summary>The build succeeded (exit code 0) with exactly these diagnostics (none if none are given).</summary>
    public static void Passes(BuildResult result, params string[] expected) => Check(result, succeeded: true, expected);

    private static void Check(BuildResult result, bool succeeded, IReadOnlyList<string> expected)
    {
        var exitOk = succeeded ? result.ExitCode == 0 : result.ExitCode != 0;
        var linesOk = expected.SequenceEqual(result.Diagnostics);
        if (exitOk && linesOk)
        {
            return;
        }

        throw new XunitException(
            $"Expected the build to {(succeeded ? "pass (exit code 0)" : "fail (non-zero exit code)")}; it exited with {result.ExitCode}.\n" +
            $"Expected diagnostics{(linesOk ? " (matched)" : string.Empty)}:\n{Listing(expected)}\n" +
            $"Actual diagnostics:\n{Listing(result.Diagnostics)}\n" +
            $"Build output:\n{result.Output}");
    }

    private static string Listing(IReadOnlyList<string> lines) =>
        lines.Count == 0 ? "  (none)" : string.Join("\n", lines.Select(l => "  " + l));
}
