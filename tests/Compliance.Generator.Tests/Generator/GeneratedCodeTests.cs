using System;
using System.Linq;
using Compliance.Generator.Tests.Infrastructure;
using static Compliance.Generator.Tests.Infrastructure.GeneratedAssembly;

namespace Compliance.Generator.Tests.Generator;

/// <summary>The generated programme API at run time: the mini fixture compiled, loaded and navigated.</summary>
public sealed class GeneratedCodeTests
{
    private static readonly Lazy<GeneratedAssembly> Mini = new(() => GeneratedAssembly.Load(GeneratorHarness.Run(Fixtures.Load("mini"))));

    private static object? Find(string kind, string id) => Mini.Value.Call("Programme", $"Find{kind}", id);

    [Fact]
    public void Controls_link_to_their_owner_requirements_and_policies()
    {
        var control = Find("Control", "IAM-02");
        Assert.Equal("bob", Get(Get(control, "Owner"), "Id"));
        Assert.Equal(new[] { "164.308(a)(1)(ii)(A)" }, Strings(Get(control, "Requirements")));
        Assert.Equal(new[] { "POL-ACCESS" }, Strings(Get(control, "Policies")));
        Assert.Equal(new[] { "IAM-01/sso-config", "IAM-01/access-review" }, Strings(Get(Find("Control", "IAM-01"), "Evidence")));
    }

    [Fact]
    public void People_know_what_they_own()
    {
        var alice = Find("Person", "alice");
        Assert.Equal(new[] { "IAM-01", "OPS-01" }, Strings(Get(alice, "OwnedControls")));
        Assert.Equal(new[] { "POL-ACCESS" }, Strings(Get(alice, "OwnedPolicies")));
        Assert.Same(alice, Mini.Value.Call("Programme", "FindPersonByEmail", "ALICE@mini.example"));
    }

    [Fact]
    public void Revoked_person_loses_access_on_the_revocation_day()
    {
        var carol = Find("Person", "carol");
        var type = carol!.GetType();
        bool Active(DateOnly day) => (bool)type.GetMethod("IsActiveOn")!.Invoke(carol, new object[] { day })!;
        Assert.True(Active(new DateOnly(2026, 2, 28)));
        Assert.False(Active(new DateOnly(2026, 3, 1)));
    }

    [Fact]
    public void Requirements_know_their_hierarchy_controls_decision_and_crosswalk_partners()
    {
        var standard = Find("Requirement", "164.308(a)(1)");
        Assert.Equal("164.308", Get(Get(standard, "Parent"), "Id"));
        Assert.Equal(new[] { "164.308(a)(1)(ii)(A)", "164.308(a)(1)(ii)(D)" }, Strings(Get(standard, "Children")));
        Assert.Equal(new[] { "IAM-02" }, Strings(Get(Find("Requirement", "164.308(a)(1)(ii)(A)"), "Controls")));

        var addressable = Find("Requirement", "164.308(a)(1)(ii)(D)");
        Assert.Equal(true, Get(addressable, "IsAddressable"));
        Assert.Equal("Alternative", Get(Get(addressable, "Decision"), "Kind")!.ToString());
        Assert.Equal(new[] { "CC7.2" }, Strings(Get(addressable, "CrosswalkPartners")));
        Assert.Equal(false, Get(Find("Requirement", "A1.2"), "InScope"));
        Assert.Equal(new[] { "CC6.1", "CC7.2", "A1.2" }, Strings(Get(Get(Find("Requirement", "CC6.1"), "Framework"), "Requirements")));
    }

    [Fact]
    public void Services_lead_to_their_vendor_and_its_baa_chain()
    {
        var service = Find("Service", "kms.cloud.example");
        var vendor = Get(service, "Vendor");
        Assert.Equal("cloud-co", Get(vendor, "Id"));
        Assert.Equal(new DateOnly(2027, 1, 14), Get(Get(vendor, "Baa"), "ExpiresOn"));
        Assert.Equal(new[] { "mail-co" }, Strings(Get(vendor, "Subcontractors")));
        Assert.Null(Find("Vendor", "nobody"));
    }

    [Fact]
    public void Collections_hold_every_item()
    {
        Assert.Equal(new[] { "164.304", "164.308", "164.308(a)(1)", "164.308(a)(1)(ii)(A)", "164.308(a)(1)(ii)(D)", "CC6.1", "CC7.2", "A1.2" }, Strings(Mini.Value.Static("Programme", "Requirements")));
        Assert.Equal(new[] { "IAM-01", "IAM-02", "OPS-01" }, Strings(Mini.Value.Static("Programme", "Controls")));
        Assert.Equal(new[] { "WVR-2026-001" }, Strings(Mini.Value.Static("Programme", "Waivers")));
        Assert.Equal("mini", Mini.Value.Static("Programme", "Id"));
    }

    private static string[] Deploy(string actor, string[] services, string runner, bool signed, DateOnly asOf)
    {
        var context = Activator.CreateInstance(Mini.Value.Type("DeployContext"), actor, services, runner, signed)!;
        var decision = Mini.Value.Call("DeployGate", "Evaluate", context, asOf);
        var denials = Strings(Get(decision, "Denials"));
        Assert.Equal(denials.Length == 0, Get(decision, "Allowed"));
        return denials;
    }

    [Fact]
    public void Deploy_gate_allows_an_active_actor_on_a_signed_runner_with_a_baa_in_force()
    {
        Assert.Empty(Deploy("alice@mini.example", new[] { "kms.cloud.example" }, "prod-runner", true, new DateOnly(2026, 6, 1)));
        Assert.Empty(Deploy("bob", new[] { "compute.cloud.example" }, "staging-runner", false, new DateOnly(2027, 1, 14)));
    }

    [Fact]
    public void Deploy_gate_denies_with_every_reason()
    {
        Assert.Equal(
            new[]
            {
                "deny CMP2101: service 'nowhere.example' is not provided by any vendor in the BAA registry.",
                "deny CMP2102: service 'kms.cloud.example': vendor 'cloud-co' has a BAA that expired on 2027-01-14.",
                "deny CMP2104: actor 'carol' was revoked on 2026-03-01.",
                "deny CMP2107: runner 'prod-runner' requires signed deploys and this one is not signed.",
            },
            Deploy("carol", new[] { "nowhere.example", "kms.cloud.example" }, "prod-runner", false, new DateOnly(2027, 1, 15)));
        Assert.Equal(
            new[] { "deny CMP2106: runner 'laptop' is not a declared in-scope runner." },
            Deploy("alice", new[] { "kms.cloud.example" }, "laptop", true, new DateOnly(2026, 6, 1)));
    }
}
