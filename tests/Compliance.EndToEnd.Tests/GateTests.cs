using System;
using Compliance.EndToEnd.Tests.Harness;

namespace Compliance.EndToEnd.Tests;

/// <summary>
/// The gate after compilation: 'compliance check' findings become MSBuild errors at the file they name.
/// The CLI prints paths relative to the programme root (the generator prints absolute ones); both read the same here.
/// </summary>
public sealed class GateTests
{
    [Fact]
    public void EditedEvidenceArtifactFailsTheGateAfterACleanCompile()
    {
        using var repo = ProgrammeRepo.FromFixture("valid");
        repo.Replace("evidence/crypto/kms-keys-2026-01-12.json", "\"rotation_period_days\": 365", "\"rotation_period_days\": 730");
        repo.Commit("Edit a collected artifact in place", new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.Zero));

        var result = repo.Build();

        BuildAssert.Fails(
            result,
            "controls/crypto.yaml(9,13): error CMP1101: None of the 1 artifacts recorded for 'CRY-01/kms-config' is usable (see the errors on their sidecars). Fix: Collect the evidence, store it under evidence/ with a NAME.evidence.yaml sidecar naming this control and requirement.",
            "evidence/crypto/kms-keys-2026-01-12.evidence.yaml(7,11): error CMP1104: The SHA-256 of 'evidence/crypto/kms-keys-2026-01-12.json' is 7134c30df4d9cf899c8cfc31076842ce07add2e3af9740599fb44ff6bba685f8, not the e086eb8ef8151db10c8b301641ef750f378e818b064c09532cfe956ab1c400cc recorded when it was collected: the artifact was modified. Fix: The artifact changed after it was recorded: restore the original from git history, or collect new evidence with a new sidecar. Never edit evidence in place.");
    }
}
