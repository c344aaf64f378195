using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Compliance.Engine;
using Compliance.Site.Configuration;
using Compliance.Site.Git;
using Compliance.Site.Model;
using Compliance.Site.Tests.Infrastructure;

namespace Compliance.Site.Tests.Model;

/// <summary>
/// The site model is linear in the programme's size. The check result's lists count every element the
/// builders read from them; a per-item scan of a whole list (a FirstOrDefault per policy, say) makes the
/// count grow with the square of the size. Counting, not timing, so the test holds on a loaded machine.
/// </summary>
public sealed class SiteModelGrowthTests
{
    [Fact]
    public void Model_reads_of_the_check_result_grow_linearly_with_the_programme()
    {
        var small = ReadsToBuild(size: 60);
        var large = ReadsToBuild(size: 240);

        // Four times the programme: about four times the reads of each list when linear, sixteen times when quadratic.
        Assert.True(small.Values.Sum() > 0, "the counted lists were never read: the test would not see a scan");
        foreach (var (list, reads) in small)
        {
            Assert.True(large[list] <= Math.Max(reads, 1) * 5, $"the model read {reads} elements of the check's {list} at n and {large[list]} at 4n: something scans that whole list per item");
        }
    }

    [Fact]
    public void Counting_lists_see_a_per_item_scan()
    {
        // The test's own instrument: a scan per item over a counted list is counted as quadratic.
        var tally = new ReadTally();
        var list = new CountingList<int>(Enumerable.Range(0, 100).ToList(), tally);
        foreach (var i in Enumerable.Range(0, 100))
        {
            _ = list.FirstOrDefault(x => x == i);
        }

        Assert.Equal(5050, tally.Reads);
    }

    /// <summary>How many elements of each of the check result's lists building the site model reads.</summary>
    private static Dictionary<string, long> ReadsToBuild(int size)
    {
        using var folder = new TempFolder("site-growth");
        SyntheticProgramme.Write(folder.Path, size);
        Infrastructure.Git.Run(folder.Path, FixtureRepo.FirstCommit, "init", "--quiet");
        Infrastructure.Git.Run(folder.Path, FixtureRepo.FirstCommit, "add", "--all");
        Infrastructure.Git.Run(folder.Path, FixtureRepo.FirstCommit, "commit", "--quiet", "--message", "Synthetic programme");
        var result = ComplianceCheck.Run(new CheckOptions(folder.Path, FixtureRepo.AsOf));
        Assert.Equal(size, result.Programme.Controls.Count);
        Assert.Equal(size / 10, result.Policies.Count);

        var tallies = new[] { "artifacts", "findings", "evidence", "vendors", "policies", "waivers" }.ToDictionary(n => n, _ => new ReadTally());
        var counted = result with
        {
            Artifacts = new CountingList<Compliance.Engine.Evidence.Artifact>(result.Artifacts, tallies["artifacts"]),
            Findings = new CountingList<Compliance.Model.Diagnostics.Finding>(result.Findings, tallies["findings"]),
            Evidence = new CountingList<Compliance.Engine.Checks.EvidenceStatus>(result.Evidence, tallies["evidence"]),
            Vendors = new CountingList<Compliance.Engine.Checks.VendorStatus>(result.Vendors, tallies["vendors"]),
            Policies = new CountingList<Compliance.Engine.Checks.PolicyStatus>(result.Policies, tallies["policies"]),
            Waivers = new CountingList<Compliance.Engine.Checks.WaiverStatus>(result.Waivers, tallies["waivers"]),
        };
        using var git = SiteGit.Open(folder.Path);
        var site = SiteModelBuilder.Build(counted, SiteConfig.Load(Path.Combine(folder.Path, "site")), git, compareTo: null);
        Assert.Equal(size / 10, site.Policies.Count);
        return tallies.ToDictionary(t => t.Key, t => t.Value.Reads);
    }
}

/// <summary>A programme of a given size: one framework of that many requirements, a control per requirement, a policy per ten controls, a vendor per ten.</summary>
internal static class SyntheticProgramme
{
    public static void Write(string root, int size)
    {
        var controls = Directory.CreateDirectory(Path.Combine(root, "controls")).FullName;
        var policies = Directory.CreateDirectory(Path.Combine(root, "policies")).FullName;
        File.WriteAllText(Path.Combine(controls, "programme.yaml"), "programme:\n  id: growth\n  name: Growth\n  scope:\n    - framework: growth\n");
        File.WriteAllText(Path.Combine(policies, "people.yaml"), "people:\n  - id: alice\n    name: Alice\n    email: alice@example.invalid\n    role: Engineer\n    status: active\n");

        var framework = new StringBuilder("framework:\n  id: growth\n  title: Growth Framework\nrequirements:\n");
        var controlText = new StringBuilder("controls:\n");
        for (var i = 1; i <= size; i++)
        {
            framework.Append($"  - id: GR-{i:0000}\n    title: Requirement {i}\n    kind: standard\n");
            controlText.Append($"  - id: CTL-{i:0000}\n    title: Control {i}\n    description: Control {i}.\n    owner: alice\n    status: implemented\n    maps_to: [GR-{i:0000}]\n");
            controlText.Append("    evidence:\n      - id: export\n        description: An export.\n        collection: automated\n        freshness_days: 30\n");
        }

        File.WriteAllText(Path.Combine(controls, "framework.yaml"), framework.ToString());
        File.WriteAllText(Path.Combine(controls, "controls.yaml"), controlText.ToString());

        var vendors = new StringBuilder("vendors:\n");
        for (var p = 1; p <= size / 10; p++)
        {
            var governed = string.Join(", ", Enumerable.Range((p - 1) * 10 + 1, 10).Select(i => $"CTL-{i:0000}"));
            File.WriteAllText(
                Path.Combine(policies, $"policy-{p:000}.md"),
                $"---\nid: POL-{p:000}\ntitle: Policy {p}\nowner: alice\nversion: \"1.0\"\napproved_by: alice\napproved_on: 2026-01-05\nreview_interval_days: 365\ngoverns: [{governed}]\n---\n# Policy {p}\n");
            vendors.Append($"  - id: vendor-{p:000}\n    name: Vendor {p}\n    handles_phi: false\n");
        }

        File.WriteAllText(Path.Combine(policies, "vendors.yaml"), vendors.ToString());
    }
}
