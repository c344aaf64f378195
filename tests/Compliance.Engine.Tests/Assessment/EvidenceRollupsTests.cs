using System;
using System.IO;
using System.Security.Cryptography;
using Compliance.Engine.Assessment;
using Xunit;

namespace Compliance.Engine.Tests.Assessment;

/// <summary>The evidence state of controls and requirements is decided in the engine, from the evidence statuses, once.</summary>
public sealed class EvidenceRollupsTests
{
    private const string Framework = """
        framework:
          id: mini
          title: Mini framework
        requirements:
          - id: M-1
            title: Encrypt data
            kind: standard
          - id: M-2
            title: Protect data
            kind: standard
          - id: M-2.a
            title: At rest
            kind: standard
            parent: M-2
          - id: M-2.b
            title: In transit
            kind: standard
            parent: M-2
          - id: M-3
            title: Clearinghouse functions
            kind: standard
        """;

    private const string Controls = """
        controls:
          - id: CRY-01
            title: Encryption at rest
            description: Disks are encrypted.
            owner: alice
            status: implemented
            maps_to: [M-1, M-2.a]
            evidence:
              - id: kms-keys
                description: Key inventory.
                collection: automated
                freshness_days: 30
          - id: CRY-02
            title: Encryption in transit
            description: TLS everywhere.
            owner: alice
            status: implemented
            maps_to: [M-1, M-2.b]
            evidence:
              - id: tls-scan
                description: TLS scan.
                collection: automated
                freshness_days: 30
        """;

    private const string Decisions = """
        decisions:
          - requirement: M-3
            decision: not-applicable
            rationale: Acme runs no clearinghouse.
            approved_by: alice
            approved_on: 2026-02-16
        """;

    private static CheckResult Run(string? tlsCollectedOn)
    {
        using var programme = new TestProgramme(git: false);
        programme.Write("controls/frameworks/mini.yaml", Framework);
        programme.Write("controls/controls.yaml", Controls);
        programme.Write("controls/decisions.yaml", Decisions);
        programme.AddEvidence("keys-2026-10-20.json", "{}", "2026-10-20");
        if (tlsCollectedOn is not null)
        {
            // The helper's sidecars name CRY-01; this one names CRY-02's requirement.
            var name = $"tls-{tlsCollectedOn}.json";
            var artifact = programme.Write($"evidence/cry-02/tls-scan/{name}", "{}");
            var sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(artifact)));
            programme.Write($"evidence/cry-02/tls-scan/{name}.evidence.yaml", $"""
                evidence:
                  artifact: {name}
                  control: CRY-02
                  requirement: tls-scan
                  collected_on: {tlsCollectedOn}
                  collector: job:tls-scan
                  sha256: {sha}
                """);
        }

        return programme.Check();
    }

    [Fact]
    public void A_control_and_the_requirements_it_implements_take_the_worst_state_of_its_evidence()
    {
        var rollups = Run(tlsCollectedOn: "2026-08-01").EvidenceRollups!;

        Assert.Equal(EvidenceRollup.Fresh, rollups.Control("CRY-01"));
        Assert.Equal(EvidenceRollup.Stale, rollups.Control("CRY-02"));
        Assert.Equal(EvidenceRollup.Stale, rollups.Requirement("M-1"));
        Assert.Equal(EvidenceRollup.Fresh, rollups.Requirement("M-2.a"));
    }

    [Fact]
    public void A_requirement_covered_through_its_children_takes_the_worst_of_theirs()
    {
        Assert.Equal(EvidenceRollup.Missing, Run(tlsCollectedOn: null).EvidenceRollups!.Requirement("M-2"));
        Assert.Equal(EvidenceRollup.Fresh, Run(tlsCollectedOn: "2026-10-25").EvidenceRollups!.Requirement("M-2"));
    }

    [Fact]
    public void A_decision_and_an_unknown_id_have_no_evidence_state()
    {
        var rollups = Run(tlsCollectedOn: "2026-10-25").EvidenceRollups!;

        Assert.Equal(EvidenceRollup.None, rollups.Requirement("M-3"));
        Assert.Equal(EvidenceRollup.None, rollups.Requirement("NOPE"));
        Assert.Equal(EvidenceRollup.None, rollups.Control("NOPE"));
    }
}
