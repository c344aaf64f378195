using System;
using System.IO;
using System.Linq;
using Larkspur.Compliance;
using EngineGate = Compliance.Engine.Deploy.DeployGate;

namespace Larkspur.Programme.Tests;

public class TypedProgrammeTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 1);

    [Fact]
    public void Relationships_are_references_not_strings()
    {
        var kms = Larkspur.Compliance.Programme.FindService("kms.googleapis.com")!;
        Assert.Equal("google-cloud", kms.Vendor.Id);
        Assert.True(kms.Vendor.Baa!.IsInForceOn(AsOf));

        var encryption = Requirements.HipaaSecurity._164_312_a_2_iv;
        Assert.True(encryption.IsAddressable);
        Assert.NotEmpty(encryption.Controls);
        Assert.All(encryption.Controls, c => Assert.Contains(encryption, c.Requirements));
        Assert.Contains(encryption.CrosswalkPartners, p => p.Id == "CC6.1" || p.Id == "CC6.7");
        Assert.Equal("164.312(a)(1)", encryption.Parent!.Id);
    }

    [Fact]
    public void Every_crosswalk_pair_joins_existing_requirements_of_its_frameworks_and_none_repeats()
    {
        Assert.NotEmpty(Crosswalks.All);
        foreach (var crosswalk in Crosswalks.All)
        {
            foreach (var link in crosswalk.Links)
            {
                var source = Larkspur.Compliance.Programme.FindRequirement(link.SourceId);
                var target = Larkspur.Compliance.Programme.FindRequirement(link.TargetId);
                Assert.True(source is not null, $"{crosswalk.Id}: the source '{link.SourceId}' is not a requirement");
                Assert.True(target is not null, $"{crosswalk.Id}: the target '{link.TargetId}' is not a requirement");
                Assert.Equal(crosswalk.SourceFrameworkId, source!.FrameworkId);
                Assert.Equal(crosswalk.TargetFrameworkId, target!.FrameworkId);
                Assert.False(string.IsNullOrWhiteSpace(link.Rationale), $"{crosswalk.Id}: {link.SourceId} -> {link.TargetId} has no rationale");
            }

            var repeated = crosswalk.Links.GroupBy(l => (l.SourceId, l.TargetId)).Where(g => g.Count() > 1).Select(g => $"{g.Key.SourceId} -> {g.Key.TargetId}").ToList();
            Assert.True(repeated.Count == 0, $"{crosswalk.Id} repeats: {string.Join(", ", repeated)}");
        }
    }

    [Theory]
    [InlineData("CC6.6", "164.312(e)(1)")]
    [InlineData("CC4.1", "164.308(a)(8)")]
    [InlineData("CC7.3", "164.312(b)")]
    [InlineData("P6.5", "164.410(a)")]
    [InlineData("CC7.1", "164.312(c)(2)")]
    public void The_repaired_crosswalk_has_the_pairs_the_controls_join(string source, string target) =>
        Assert.Contains(Crosswalks.All.SelectMany(c => c.Links), l => l.SourceId == source && l.TargetId == target);

    [Fact]
    public void The_doubtful_pair_of_recovery_to_the_integrity_mechanism_is_gone()
    {
        Assert.DoesNotContain(Crosswalks.All.SelectMany(c => c.Links), l => l.SourceId == "CC7.5" && l.TargetId == "164.312(c)(2)");
        Assert.DoesNotContain(Crosswalks.All.SelectMany(c => c.Links), l => l.Relationship == CrosswalkRelationship.Superset);
    }

    [Fact]
    public void Every_in_scope_leaf_is_implemented_or_decided()
    {
        var leaves = Larkspur.Compliance.Programme.InScopeRequirements.Where(r => !r.Informative && r.Children.Count(c => c.InScope && !c.Informative) == 0).ToList();
        Assert.NotEmpty(leaves);
        Assert.All(leaves, r => Assert.True(r.Controls.Count > 0 || r.Decision is not null, r.Id));
    }

    [Fact]
    public void The_revoked_engineer_owns_nothing_and_cannot_act()
    {
        var revoked = Larkspur.Compliance.Programme.People.Single(p => p.Status == PersonStatus.Revoked);
        Assert.Empty(revoked.OwnedControls);
        Assert.Empty(revoked.OwnedPolicies);
        Assert.False(revoked.CanAccessPhiOn(AsOf));
    }

    public static TheoryData<string, string[], string, bool> Deploys => new()
    {
        { "priya.raman@larkspur.example", new[] { "kms.googleapis.com", "container.googleapis.com" }, "hipaa-prod-runner", true },
        { "priya.raman@larkspur.example", new[] { "kms.googleapis.com" }, "hipaa-prod-runner", false },
        { "jonah.pike@larkspur.example", new[] { "kms.googleapis.com" }, "hipaa-prod-runner", true },
        { "nobody@larkspur.example", new[] { "unknown.example" }, "rogue-runner", false },
        { "priya.raman@larkspur.example", new[] { "kms.googleapis.com" }, "hipaa-staging-runner", false },
    };

    [Theory]
    [MemberData(nameof(Deploys))]
    public void The_generated_gate_agrees_with_the_engine(string actor, string[] services, string runner, bool signed)
    {
        var generated = DeployGate.Evaluate(new DeployContext(actor, services, runner, signed), AsOf);
        var engine = EngineGate.Evaluate(global::Compliance.Engine.Loading.ProgrammeLoader.Load(RepoRoot()), new global::Compliance.Engine.Deploy.DeployContext(actor, services, runner, signed), AsOf);

        Assert.Equal(engine.Allowed, generated.Allowed);
        Assert.Equal(engine.Denials.Select(d => d.ToString()), generated.Denials.Select(d => d.ToString()));
    }

    [Fact]
    public void A_valid_deploy_is_allowed_and_an_expired_BAA_is_denied_later()
    {
        var context = new DeployContext("priya.raman@larkspur.example", new[] { "kms.googleapis.com" }, "hipaa-prod-runner", true);
        Assert.True(DeployGate.Evaluate(context, AsOf).Allowed);

        var zendesk = Larkspur.Compliance.Programme.Vendors.Single(v => v.Id == "zendesk");
        var later = zendesk.Baa!.ExpiresOn.AddDays(1);
        var decision = DeployGate.Evaluate(context with { Services = new[] { zendesk.Services[0].Id } }, later);
        Assert.False(decision.Allowed);
        Assert.Contains(decision.Denials, d => d.RuleId == "CMP2102" && d.Message.Contains("expired"));
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Compliance.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Compliance.sln not found above the test folder.");
    }
}
