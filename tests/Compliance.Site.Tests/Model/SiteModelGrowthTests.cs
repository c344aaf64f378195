using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
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
