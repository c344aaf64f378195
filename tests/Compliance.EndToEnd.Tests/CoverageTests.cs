using System;
using Compliance.EndToEnd.Tests.Harness;

namespace Compliance.EndToEnd.Tests;

/// <summary>Coverage: an uncovered requirement fails the gate; a control that maps to nothing only warns.</summary>
public sealed class CoverageTests
{
    private static readonly DateTimeOffset EditDate = new(2026, 2, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void NewAddressableRequirementWithNoControlFailsTheBuild()
    {
        using var repo = ProgrammeRepo.FromFixture("valid");
        repo.Append("controls/frameworks/mini.yaml", """
              - id: MF-4
                title: Audit logging
                kind: standard
                required: false
                category: Security

            """);
        repo.Commit("The framework gains a requirement", EditDate);

        var result = repo.Build();

        BuildAssert.Fails(
            result,
            "controls/frameworks/mini.yaml(31,9): error CMP0030: The in-scope requirement 'MF-4' (Audit logging) is implemented by no control. Fix: Add 'MF-4' to the maps_to of the control that implements it, or record an alternative or not-reasonable decision for this Addressable specification in a decisions file. (https://github.com/evidence-as-code/compliance/blob/main/docs/diagnostics.md#cmp0030)");
    }

    [Fact]
    public void ControlThatMapsToNothingOnlyWarnsAndTheBuildPasses()
    {
        using var repo = ProgrammeRepo.FromFixture("valid");
        repo.Append("controls/crypto.yaml", """
              - id: CRY-02
                title: Key rotation
                description: Keys rotate every year.
                owner: alice
                status: planned
                maps_to: []

            """);
        repo.Commit("Add a control that maps to nothing yet", EditDate);

        var result = repo.Build();

        BuildAssert.Passes(
            result,
            "controls/crypto.yaml(13,9): warning CMP0031: The control 'CRY-02' maps to no requirement. Fix: Add the IDs of the requirements the control implements to its maps_to list. (https://github.com/evidence-as-code/compliance/blob/main/docs/diagnostics.md#cmp0031)");
    }
}
