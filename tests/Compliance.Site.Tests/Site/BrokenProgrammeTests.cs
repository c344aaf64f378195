using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.RegularExpressions;
using Compliance.Site.Model;
using Compliance.Site.Tests.Infrastructure;

namespace Compliance.Site.Tests.Site;

/// <summary>
/// A failing programme still gets its site (issue 11): the "broken" fixture has duplicate IDs of every
/// kind, IDs whose file names collide, dangling references and malformed files, all at once.
/// </summary>
public sealed class BrokenProgrammeTests
{
    [Fact]
    public void A_programme_with_every_structural_error_at_once_renders_with_every_link_resolved()
    {
        using var repo = FixtureRepo.Create("broken");
        using var output = new TempFolder();
        var result = repo.Check();
        Assert.False(result.Passed);

        var site = SiteGenerator.Render(result, new SiteOptions(output.Path));

        var files = SiteSnapshot.Files(output.Path).ToList();
        Assert.Equal(files.Count, site.Files);
        Assert.Equal(4, files.Count(f => f.StartsWith("controls/", StringComparison.Ordinal))); // CTL-01, ctl_01, Index and the list
        Assert.Equal(3, files.Count(f => f.StartsWith("requirements/a-1", StringComparison.Ordinal))); // A-1 in alpha and in beta, and a_1
        Assert.Empty(BrokenLinks(output.Path, files, out var checkedLinks));
        Assert.True(checkedLinks > 300, $"Only {checkedLinks} links were checked.");
    }

    [Fact]
    public void The_same_requirement_ID_in_two_frameworks_gets_a_page_each_at_a_stable_path()
    {
        using var repo = FixtureRepo.Create("broken");
        using var first = new TempFolder();
        using var second = new TempFolder();

        SiteGenerator.Render(repo.Check(), new SiteOptions(first.Path));
        SiteGenerator.Render(repo.Check(), new SiteOptions(second.Path));

        var pages = RequirementPages(first.Path);
        Assert.Contains($"requirements/a-1-{Slugs.Hash("A-1")}.html", pages); // a_1 has the same slug, so both carry a hash
        var titles = pages.Where(p => p.StartsWith("requirements/a-1", StringComparison.Ordinal)).Select(p => File.ReadAllText(Path.Combine(first.Path, p))).ToList();
        Assert.Single(titles, t => t.Contains("<title>A-1 The first A-1 ", StringComparison.Ordinal));
        Assert.Single(titles, t => t.Contains("<title>A-1 A-1 in another framework ", StringComparison.Ordinal));
        Assert.Equal(pages, RequirementPages(second.Path));
    }

    [Fact]
    public void The_first_definition_of_a_duplicate_ID_is_the_one_the_site_shows()
    {
        using var repo = FixtureRepo.Create("broken");
        using var output = new TempFolder();

        SiteGenerator.Render(repo.Check(), new SiteOptions(output.Path));

        var control = File.ReadAllText(output.Combine("controls/ctl-01-" + Slugs.Hash("CTL-01") + ".html"));
        Assert.Contains("The first CTL-01", control, StringComparison.Ordinal);
        Assert.Contains("CMP0", File.ReadAllText(output.Combine("findings.html")), StringComparison.Ordinal);
    }

    private static List<string> RequirementPages(string site) =>
        SiteSnapshot.Files(site).Where(f => f.StartsWith("requirements/", StringComparison.Ordinal)).ToList();

    /// <summary>Every local href and src of every page names a file of the site, and an anchor on it when it has one.</summary>
    internal static List<string> BrokenLinks(string root, IReadOnlyList<string> files, out int checkedLinks)
    {
        checkedLinks = 0;
        var broken = new List<string>();
        var ids = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var present = new HashSet<string>(files, StringComparer.Ordinal);
        foreach (var page in files.Where(f => f.EndsWith(".html", StringComparison.Ordinal)))
        {
            var html = File.ReadAllText(Path.Combine(root, page));
            foreach (Match match in Regex.Matches(html, "\\s(?:href|src)=\"([^\"]*)\""))
            {
                var link = WebUtility.HtmlDecode(match.Groups[1].Value);
                if (Regex.IsMatch(link, "^[a-z]+:", RegexOptions.IgnoreCase))
                {
                    continue;
                }

                checkedLinks++;
                var hash = link.IndexOf('#');
                var path = hash >= 0 ? link.Substring(0, hash) : link;
                var fragment = hash >= 0 ? Uri.UnescapeDataString(link.Substring(hash + 1)) : string.Empty;
                var target = path.Length == 0 ? page : Resolve(page, Uri.UnescapeDataString(path));
                if (!present.Contains(target))
                {
                    broken.Add($"{page}: '{link}' points at a missing file");
                }
                else if (fragment.Length > 0 && !IdsOf(root, target, ids).Contains(fragment))
                {
                    broken.Add($"{page}: '{link}' points at a missing anchor");
                }
            }
        }

        return broken;
    }

    private static string Resolve(string page, string relative)
    {
        var parts = page.Split('/').SkipLast(1).ToList();
        foreach (var part in relative.Split('/'))
        {
            if (part == "..")
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else if (part != ".")
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }

    private static HashSet<string> IdsOf(string root, string file, Dictionary<string, HashSet<string>> cache)
    {
        if (!cache.TryGetValue(file, out var set))
        {
            set = Regex.Matches(File.ReadAllText(Path.Combine(root, file)), "\\sid=\"([^\"]+)\"").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);
            cache[file] = set;
        }

        return set;
    }
}
