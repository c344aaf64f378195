using System;
using Compliance.EndToEnd.Tests.Harness;

namespace Compliance.EndToEnd.Tests;

/// <summary>Integrity across files: references that name nothing, and IDs defined twice.</summary>
public sealed class ReferenceErrorTests
{
    private static readonly DateTimeOffset EditDate = new(2026, 2, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void DanglingMapsToReferenceFailsWithDidYouMeanAndLeavesTheRequirementUncovered()
    {
        using var repo = ProgrammeRepo.FromFixture("valid");
        repo.Replace("controls/crypto.yaml", "maps_to: [MF-2]", "maps_to: [MF2]");
        repo.Commit("Typo in a maps_to reference", EditDate);

        var result = repo.Build();

        BuildAssert.Fails(
            result,
            "controls/crypto.yaml(7,15): error CMP0021: The control 'CRY-01' names the requirement 'MF2', which is not defined. Did you mean 'MF-2'? Fix: Replace 'MF2' with 'MF-2'. (https://github.com/evidence-as-code/compliance/blob/main/docs/diagnostics.md#cmp0021)",
            "controls/frameworks/mini.yaml(22,9): error CMP0030: The in-scope requirement 'MF-2' (Encryption at rest) is implemented by no control. Fix: Add the requirement's ID to the maps_to list of the control that implements it. (https://github.com/evidence-as-code/compliance/blob/main/docs/diagnostics.md#cmp0030)");
    }

    [Fact]
    public void DuplicateControlIdAcrossTwoFilesPointsAtTheSecondAndNamesTheFirst()
    {
        using var repo = ProgrammeRepo.FromFixture("valid");
        repo.Write("controls/extra.yaml", """
            controls:
              - id: IAM-01
                title: A copy of IAM-01 in another file
                description: Someone copied the control instead of moving it.
                owner: bob
                status: implemented
                maps_to: [MF-1.1]

            """);
        repo.Commit("Copy IAM-01 into a second file", EditDate);

        var result = repo.Build();

        BuildAssert.Fails(
            result,
            "controls/extra.yaml(2,9): error CMP0020: The control ID 'IAM-01' is already defined at controls/access.yaml(2,9). Fix: Rename one of the two items, or delete the copy. (https://github.com/evidence-as-code/compliance/blob/main/docs/diagnostics.md#cmp0020)");
    }
}
