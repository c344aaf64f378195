using System;
using System.IO;
using Compliance.EndToEnd.Tests.Harness;

namespace Compliance.EndToEnd.Tests;

/// <summary>The harness itself: no build here, so these run in milliseconds.</summary>
public sealed class HarnessTests
{
    [Fact]
    public void TestOutputFolderHoldsTheGeneratorTheModelAndYamlDotNet()
    {
        foreach (var assembly in RepoLayout.AnalyzerAssemblies)
        {
            Assert.True(File.Exists(Path.Combine(RepoLayout.AnalyzerDir, assembly)), $"{assembly} is missing from {RepoLayout.AnalyzerDir}");
        }
    }

    [Fact]
    public void RepoRootIsTheFolderHoldingTheSolution()
    {
        Assert.True(File.Exists(Path.Combine(RepoLayout.RepoRoot, "Compliance.sln")));
        Assert.True(File.Exists(RepoLayout.SdkProps));
        Assert.True(File.Exists(RepoLayout.SdkTargets));
    }

    [Fact]
    public void DiagnosticLinesAreMadeRelativeStrippedOfTheProjectAndDeduplicated()
    {
        const string root = "/tmp/compliance-e2e-abc";
        var output = string.Join("\n",
            "  Determining projects to restore...",
            "/tmp/compliance-e2e-abc/controls/x.yaml(3,5): error CMP0021: The control 'A' names 'B', defined at /tmp/compliance-e2e-abc/controls/y.yaml(1,9). [/tmp/compliance-e2e-abc/Programme.csproj]",
            "CSC : error CMP0024: No file defines the programme. [/tmp/compliance-e2e-abc/Programme.csproj::TargetFramework=net10.0]",
            "/tmp/compliance-e2e-abc/controls/x.yaml(7,1): warning CMP0031: The control 'C' maps to no requirement. [/tmp/compliance-e2e-abc/Programme.csproj]",
            "Build FAILED.",
            "/tmp/compliance-e2e-abc/controls/x.yaml(3,5): error CMP0021: The control 'A' names 'B', defined at /tmp/compliance-e2e-abc/controls/y.yaml(1,9). [/tmp/compliance-e2e-abc/Programme.csproj]",
            "    1 Warning(s)");

        var lines = DotnetBuild.ExtractDiagnostics(output, root);

        Assert.Equal(
            new[]
            {
                "controls/x.yaml(3,5): error CMP0021: The control 'A' names 'B', defined at controls/y.yaml(1,9).",
                "CSC : error CMP0024: No file defines the programme.",
                "controls/x.yaml(7,1): warning CMP0031: The control 'C' maps to no requirement.",
            },
            lines);
    }

    [Fact]
    public void CommitsCarryTheFixedIdentityAndTheGivenDates()
    {
        using var repo = ProgrammeRepo.FromFixture("valid");
        repo.Append("controls/crypto.yaml", "# reviewed\n");
        repo.Commit("Review the crypto controls", new DateTimeOffset(2026, 2, 1, 9, 30, 0, TimeSpan.Zero));

        var log = Git.Run(repo.Root, Git.DefaultDate, "log", "--format=%an <%ae> %aI | %cn <%ce> %cI | %s").Split('\n');

        Assert.Equal(
            new[]
            {
                $"{Git.AuthorName} <{Git.AuthorEmail}> 2026-02-01T09:30:00+00:00 | {Git.AuthorName} <{Git.AuthorEmail}> 2026-02-01T09:30:00+00:00 | Review the crypto controls",
                $"{Git.AuthorName} <{Git.AuthorEmail}> 2026-01-15T10:00:00+00:00 | {Git.AuthorName} <{Git.AuthorEmail}> 2026-01-15T10:00:00+00:00 | Add the 'valid' fixture",
            },
            log);
        Assert.Equal(string.Empty, Git.Run(repo.Root, Git.DefaultDate, "status", "--porcelain"));
    }

    [Fact]
    public void TheRepositoryFolderIsDeletedOnDispose()
    {
        string root;
        using (var repo = ProgrammeRepo.FromFixture("valid"))
        {
            root = repo.Root;
            Assert.True(File.Exists(Path.Combine(root, "controls", "programme.yaml")));
            Assert.StartsWith(Path.GetTempPath(), root, StringComparison.Ordinal);
        }

        Assert.False(Directory.Exists(root));
    }

    private static string Fixture(string relativePath) => File.ReadAllText(Path.Combine(RepoLayout.Fixture("valid"), relativePath));

    [Fact]
    public void AnEditThatDoesNotMatchExactlyOnceFailsLoudly()
    {
        using var repo = ProgrammeRepo.FromFixture("valid");

        Assert.Throws<InvalidOperationException>(() => repo.Replace("controls/access.yaml", "no such text", "x"));
        Assert.Throws<InvalidOperationException>(() => repo.Replace("controls/access.yaml", "status:", "x"));
        Assert.Equal(Fixture("controls/access.yaml"), repo.Read("controls/access.yaml"));
    }
}
