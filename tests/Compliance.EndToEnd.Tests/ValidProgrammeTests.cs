using System;
using System.IO;
using Compliance.EndToEnd.Tests.Harness;

namespace Compliance.EndToEnd.Tests;

/// <summary>The gate passes a sound programme, and passes it again once a broken one is fixed.</summary>
public sealed class ValidProgrammeTests
{
    [Fact]
    public void ValidProgrammeBuildsWithNoDiagnostics()
    {
        using var repo = ProgrammeRepo.FromFixture("valid");

        var result = repo.Build();

        BuildAssert.Passes(result);
        Assert.True(File.Exists(Path.Combine(repo.Root, "bin", "Debug", "net10.0", "Programme.dll")), result.ToString());
    }

    [Fact]
    public void FixingTheBrokenFileAndCommittingAgainMakesTheNextBuildPass()
    {
        using var repo = ProgrammeRepo.FromFixture("valid");
        repo.Replace("controls/crypto.yaml", "maps_to: [MF-2]", "maps_to: [MF-2, MF-9]");
        repo.Commit("Map CRY-01 to a requirement that does not exist", new DateTimeOffset(2026, 2, 1, 9, 0, 0, TimeSpan.Zero));

        var broken = repo.Build();

        BuildAssert.Fails(
            broken,
            "controls/crypto.yaml(7,21): error CMP0021: The control 'CRY-01' names the requirement 'MF-9', which is not defined. Did you mean 'MF-1'? Fix: Replace 'MF-9' with 'MF-1'. (https://github.com/evidence-as-code/compliance/blob/main/docs/diagnostics.md#cmp0021)");

        repo.Replace("controls/crypto.yaml", "maps_to: [MF-2, MF-9]", "maps_to: [MF-2]");
        repo.Commit("Drop the dangling reference", new DateTimeOffset(2026, 2, 2, 9, 0, 0, TimeSpan.Zero));

        var fixedBuild = repo.Build();

        BuildAssert.Passes(fixedBuild);
    }
}
