using System;
using System.Linq;
using Compliance.Model.Diagnostics;
using Xunit;

namespace Compliance.Model.Tests;

/// <summary>A rule carries its stage and waivability; these pin what the catalog promises in docs/diagnostics.md.</summary>
public class RuleFamilyTests
{
    [Fact]
    public void Only_evidence_baa_and_policy_review_rules_can_be_waived()
    {
        var waivable = Rules.All.Where(r => r.Waivable).Select(r => r.Family.Name).Distinct().OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(new[] { "Evidence", "Policies", "Vendors" }, waivable);
        Assert.False(Rules.IsWaivable("CMP9999"));
        Assert.True(Rules.IsWaivable(Rules.EvidenceStale.Id));
        Assert.False(Rules.IsWaivable(Rules.RetentionViolation.Id));
    }

    [Fact]
    public void Structure_rules_are_the_generators_and_deploy_rules_the_deploy_gates()
    {
        Assert.All(Rules.All.Where(r => r.Stage == RuleStage.Structure), r => Assert.StartsWith("CMP0", r.Id, StringComparison.Ordinal));
        Assert.All(Rules.All.Where(r => r.Stage == RuleStage.Deploy), r => Assert.StartsWith("CMP21", r.Id, StringComparison.Ordinal));
        Assert.Equal(RuleStage.Gate, Rules.CheckFailed.Stage);
        Assert.Equal(RuleStage.Structure, Rules.InternalError.Stage);
    }

    [Fact]
    public void Help_links_are_absolute_and_land_on_the_rules_anchor()
    {
        Assert.All(Rules.All, r =>
        {
            Assert.True(Uri.TryCreate(r.HelpLink, UriKind.Absolute, out var uri), r.HelpLink);
            Assert.Equal("#" + r.Id.ToLowerInvariant(), uri!.Fragment);
        });
    }
}
