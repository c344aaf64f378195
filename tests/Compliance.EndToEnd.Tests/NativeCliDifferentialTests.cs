using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Compliance.EndToEnd.Tests.Harness;
using Compliance.Tests.Shared;

namespace Compliance.EndToEnd.Tests;

/// <summary>
/// The Native AOT CLI against compliance.dll, command by command, byte by byte: its exit code, its output and every file
/// it writes. Most of the suite runs the commands in-process, on the JIT, where trimming, reflection-free serialization
/// and libgit2's marshalling under Native AOT are never exercised; this runs both binaries over the same programmes, so a
/// difference that only the native one has (an empty string back from libgit2, a type the trimmer removed) fails here.
/// </summary>
public sealed class NativeCliDifferentialTests
{
    private static string ManagedCli => Path.Combine(RepoLayout.RepoRoot, "src", "Compliance.Cli", "bin", RepoLayout.Configuration, "net10.0", "compliance.dll");

    [Fact]
    public void The_example_programme_checked_sampled_exported_and_rendered_is_the_same_from_both_binaries()
    {
        if (TestCli.Native is not { } native)
        {
            return;
        }

        var root = RepoLayout.RepoRoot;
        AssertSame(native, "check", "--root", root, "--as-of", "2026-11-01", "--no-cache", "--report-dir", "{out}/reports", "--site", "{out}/site");
        AssertSame(native, "check", "--root", root, "--as-of", "2026-11-01", "--no-cache", "--format", "json", "--period", "2026-01-01..2026-10-31", "--report-dir", "{out}/reports");
        AssertSame(native, "sample", "--root", root, "--period", "2026-01-01..2026-10-31", "--seed", "differential", "--out", "{out}/period");
        AssertSame(native, "export", "oscal", "--root", root, "--as-of", "2026-11-01", "--out", "{out}/oscal");
        AssertSame(native, "schema", "--out", "{out}/schemas");
    }

    [Fact]
    public void A_failing_programme_with_hostile_input_gets_the_same_findings_reports_and_site_from_both_binaries()
    {
        if (TestCli.Native is not { } native)
        {
            return;
        }

        using var repo = ProgrammeRepo.FromFixture("valid");
        repo.Write("controls/bomb.yaml", "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n");
        repo.Write("controls/tagged.yaml", "controls:\n  - id: !!python/object:os.system TAG-01\n    title: <script>alert(1)</script>\n");
        repo.Replace("controls/crypto.yaml", "freshness_days: 90", "freshness_days: ninety");
        repo.Commit("Break the programme", DateTimeOffset.Parse("2026-01-20T10:00:00Z"));

        var (exit, _) = AssertSame(native, "check", "--root", repo.Root, "--as-of", ProgrammeRepo.AsOf, "--no-cache", "--report-dir", "{out}/reports", "--site", "{out}/site");
        Assert.NotEqual(0, exit);
        AssertSame(native, "site", "--root", repo.Root, "--as-of", ProgrammeRepo.AsOf, "--out", "{out}/site");
    }

    /// <summary>Runs the command with each binary, each writing under its own folder ({out}); both must agree.</summary>
    private static (int Exit, string Output) AssertSame(string native, params string[] args)
    {
        var managedOut = Directory.CreateTempSubdirectory("compliance-managed-").FullName;
        var nativeOut = Directory.CreateTempSubdirectory("compliance-native-").FullName;
        try
        {
            var managed = Run(ManagedCli, args, managedOut);
            var fromNative = Run(native, args, nativeOut);
            var command = string.Join(' ', args.Take(2));
            Assert.True(managed.Exit == fromNative.Exit, $"{command}: exit {managed.Exit} managed, {fromNative.Exit} native\n{fromNative.Output}");
            Assert.Equal(managed.Output, fromNative.Output);
            Assert.True(managed.Output.Length > 0, $"{command} printed nothing");
            var managedFiles = Files(managedOut);
            Assert.Equal(managedFiles, Files(nativeOut));
            foreach (var file in managedFiles)
            {
                Assert.True(
                    File.ReadAllBytes(Path.Combine(managedOut, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(nativeOut, file))),
                    $"{command}: {file} differs between compliance.dll and the native executable");
            }

            return managed;
        }
        finally
        {
            Directory.Delete(managedOut, recursive: true);
            Directory.Delete(nativeOut, recursive: true);
        }
    }

    private static List<string> Files(string root) => Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal).ToList();

    /// <summary>Exit code and output, with the output folder written as {out} and durations as {time}.</summary>
    private static (int Exit, string Output) Run(string cli, string[] args, string outDir)
    {
        var (fileName, arguments) = TestCli.Command(cli, args.Select(a => a.Replace("{out}", outDir, StringComparison.Ordinal)));
        var result = ProcessRunner.Run(fileName, arguments, outDir, new Dictionary<string, string?> { ["GITHUB_STEP_SUMMARY"] = null }, TimeSpan.FromMinutes(3));

        // Paths are printed relative to the programme's root too, so the folder's own name is what is replaced; how
        // long a phase took and the memory it peaked at are the only things the binaries may print differently.
        var output = result.Output.Replace(outDir, "{out}", StringComparison.Ordinal).Replace(Path.GetFileName(outDir), "{out}", StringComparison.Ordinal);
        output = Regex.Replace(output, @"working set \d+ MiB", "working set {memory}");
        return (result.ExitCode, Regex.Replace(output, @"\b\d+(\.\d+)? ?(ms|s|pages/s)\b", "{time}"));
    }
}
