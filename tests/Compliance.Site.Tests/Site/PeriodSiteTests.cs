using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Compliance.Engine;
using Compliance.Engine.Period;
using Compliance.Site.Tests.Infrastructure;

namespace Compliance.Site.Tests.Site;

/// <summary>
/// The site rendered with an audit period: the Period entry in the navigation, the period's print-all
/// page, and each exception's links to the artifacts on either side of its gap.
/// </summary>
public sealed class PeriodSiteTests
{
    private static readonly DayRange Period = new(new DateOnly(2026, 6, 1), new DateOnly(2026, 9, 30));

    private static CheckResult Render(FixtureRepo repo, TempFolder output, DayRange? period)
    {
        var result = ComplianceCheck.Run(new CheckOptions(repo.Root, FixtureRepo.AsOf) { Period = period, SampleSeed = "site-test" });
        SiteGenerator.Render(result, new SiteOptions(output.Path));
        return result;
    }

    [Fact]
    public void Every_page_lists_the_audit_period_in_its_navigation_only_when_the_site_has_a_period()
    {
        using var repo = FixtureRepo.Create("mini");
        using var withPeriod = new TempFolder();
        using var without = new TempFolder();
        Render(repo, withPeriod, Period);
        Render(repo, without, null);

        Assert.Contains("<li><a href=\"period/index.html\">Audit period</a></li>", File.ReadAllText(withPeriod.Combine("index.html")), StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"../period/index.html\">Audit period</a></li>", File.ReadAllText(withPeriod.Combine("controls/enc-01.html")), StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"index.html\" aria-current=\"page\">Audit period</a></li>", File.ReadAllText(withPeriod.Combine("period/index.html")), StringComparison.Ordinal);
        Assert.DoesNotContain(">Audit period</a></li>", File.ReadAllText(without.Combine("index.html")), StringComparison.Ordinal);
        Assert.False(File.Exists(without.Combine("print-period.html")));
    }

    [Fact]
    public void The_period_print_page_holds_the_period_and_every_population_and_its_anchors_all_resolve()
    {
        using var repo = FixtureRepo.Create("mini");
        using var output = new TempFolder();
        var result = Render(repo, output, Period);

        var print = File.ReadAllText(output.Combine("print-period.html"));
        Assert.Contains("id=\"period-index\"", print, StringComparison.Ordinal);
        var populations = Directory.GetFiles(output.Combine("period/populations"), "*.html");
        Assert.Equal(result.Period!.Populations.Count, populations.Length);
        foreach (var population in populations)
        {
            Assert.Contains($"id=\"period-populations-{Path.GetFileNameWithoutExtension(population)}\"", print, StringComparison.Ordinal);
        }

        var ids = Regex.Matches(print, "id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var anchors = Regex.Matches(print, "href=\"#([^\"]+)\"").Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.NotEmpty(anchors);
        Assert.All(anchors, a => Assert.Contains(a, ids));

        // A page that is not on the period's print page is linked as a page, from the site's root.
        var links = Regex.Matches(print, "href=\"([^\"#][^\"]*)\"").Select(m => m.Groups[1].Value).Where(h => !h.Contains(':')).Distinct().ToList();
        Assert.Contains("controls/enc-01.html", links);
        Assert.All(links, l => Assert.True(File.Exists(output.Combine(l.Split('#')[0])), $"print-period.html links to '{l}', which the site does not have"));
        Assert.Contains("href=\"print-period.html\"", File.ReadAllText(output.Combine("period/index.html")).Replace("../", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void The_whole_programmes_print_page_holds_the_period_so_the_overviews_link_to_it_resolves()
    {
        using var repo = FixtureRepo.Create("mini");
        using var output = new TempFolder();
        Render(repo, output, Period);

        var print = File.ReadAllText(output.Combine("print.html"));
        Assert.Contains("href=\"#period-index\"", print, StringComparison.Ordinal);
        Assert.Contains("id=\"period-index\"", print, StringComparison.Ordinal);
    }

    [Fact]
    public void An_evidence_exception_links_the_artifact_that_lapsed_and_the_one_that_restored_coverage()
    {
        using var repo = FixtureRepo.Create("mini");
        using var output = new TempFolder();
        var result = Render(repo, output, Period);

        var gap = result.Period!.Exceptions.First(e => e.Before is not null || e.After is not null);
        var page = File.ReadAllText(output.Combine("period/index.html"));
        var row = page.Substring(page.IndexOf($"<td>{gap.Target}</td><td>{gap.Days}", StringComparison.Ordinal));
        row = row.Substring(0, row.IndexOf("</tr>", StringComparison.Ordinal));
        foreach (var (label, sidecar) in new[] { ("Lapsed", gap.Before), ("Restored", gap.After) }.Where(p => p.Item2 is not null))
        {
            var link = Regex.Match(row, $"<li>{label}: <a href=\"([^\"]+)\"><code>{Regex.Escape(sidecar!)}</code></a></li>");
            Assert.True(link.Success, $"no '{label}' link to {sidecar} in: {row}");
            Assert.True(File.Exists(Path.GetFullPath(Path.Combine(output.Combine("period"), link.Groups[1].Value))), $"the '{label}' link {link.Groups[1].Value} goes nowhere");
        }
    }

    [Fact]
    public void A_phi_group_member_unknown_to_the_registry_is_listed_with_the_access_review_export_that_showed_them()
    {
        using var repo = FixtureRepo.Create("mini");
        var programme = Path.Combine(repo.Root, "controls", "programme.yaml");
        File.WriteAllText(programme, File.ReadAllText(programme) + "  identity_provider:\n    phi_groups: [Tour Guides]\n    access_review: IAM-01/access-review\n");
        const string export = """{"schemas":["urn:ietf:params:scim:api:messages:2.0:ListResponse"],"totalResults":2,"Resources":[{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"u-1","userName":"mallory@elsewhere.example","active":true},{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"id":"g-1","displayName":"Tour Guides","members":[{"value":"u-1"}]}]}""";
        var artifact = Path.Combine(repo.Root, "evidence", "iam-01", "scim-2026-07-20.json");
        File.WriteAllText(artifact, export);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(artifact)));
        File.WriteAllText(artifact + ".evidence.yaml", $"evidence:\n  artifact: scim-2026-07-20.json\n  control: IAM-01\n  requirement: access-review\n  collected_on: 2026-07-20\n  collector: alice\n  sha256: {sha}\n");
        repo.Commit("The IdP's access review", new DateTimeOffset(2026, 7, 20, 9, 0, 0, TimeSpan.Zero));
        using var output = new TempFolder();

        var result = Render(repo, output, Period);

        var exception = Assert.Single(result.Period!.Exceptions, e => e.RuleId == "CMP2708");
        Assert.Equal(("mallory@elsewhere.example", "2026-07-20..2026-09-30"), (exception.Target, exception.Days.ToString()));
        var page = File.ReadAllText(output.Combine("period/index.html"));
        var row = page.Substring(page.IndexOf("<td>mallory@elsewhere.example</td>", StringComparison.Ordinal));
        row = row.Substring(0, row.IndexOf("</tr>", StringComparison.Ordinal));
        Assert.Matches("<li>Shown by: <a href=\"[^\"]+\"><code>evidence/iam-01/scim-2026-07-20.json.evidence.yaml</code></a></li>", row);
        Assert.Contains("<code>controls/programme.yaml(", row, StringComparison.Ordinal);
    }
}
