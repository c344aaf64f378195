using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Compliance.Site.Tests.Infrastructure;

namespace Compliance.Site.Tests.Browser;

/// <summary>Every page of the site opens from file:// without a console error, and every local link, script, stylesheet and image resolves (anchors included).</summary>
[Collection(BrowserCollection.Name)]
public sealed class LinkCrawlTests
{
    private const string CollectLinks = @"() => [...document.querySelectorAll('a[href], link[href], script[src], img[src]')]
        .map(e => e.getAttribute('href') ?? e.getAttribute('src'))";

    private readonly BrowserFixture _browser;

    public LinkCrawlTests(BrowserFixture browser) => _browser = browser;

    [Fact]
    public async Task Every_page_loads_cleanly_and_no_internal_link_is_broken()
    {
        var site = _browser.Site;
        var pages = SiteSnapshot.Files(site).Where(f => f.EndsWith(".html", StringComparison.Ordinal)).ToList();
        var ids = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var broken = new List<string>();
        var checkedLinks = 0;

        await using var session = await _browser.OpenAsync();
        foreach (var relative in pages)
        {
            var url = BrowserFixture.FileUrl(site, relative);
            await session.Page.GotoAsync(url.AbsoluteUri);
            foreach (var href in await session.Page.EvaluateAsync<string[]>(CollectLinks))
            {
                if (href.StartsWith("http:", StringComparison.Ordinal) || href.StartsWith("https:", StringComparison.Ordinal) || href.StartsWith("data:", StringComparison.Ordinal))
                {
                    continue;
                }

                checkedLinks++;
                var hash = href.IndexOf('#');
                var path = hash >= 0 ? href.Substring(0, hash) : href;
                var fragment = hash >= 0 ? Uri.UnescapeDataString(href.Substring(hash + 1)) : string.Empty;
                var target = path.Length == 0 ? url : new Uri(url, path);
                if (target.Scheme != Uri.UriSchemeFile)
                {
                    broken.Add($"{relative}: '{href}' is not a local link");
                    continue;
                }

                var file = Uri.UnescapeDataString(target.LocalPath);
                if (!File.Exists(file))
                {
                    broken.Add($"{relative}: '{href}' points at a missing file");
                    continue;
                }

                if (fragment.Length > 0 && !IdsOf(file, ids).Contains(fragment))
                {
                    broken.Add($"{relative}: '{href}' points at a missing anchor");
                }
            }
        }

        Assert.True(pages.Count > 40, $"Only {pages.Count} pages were crawled.");
        Assert.True(checkedLinks > 1000, $"Only {checkedLinks} links were checked.");
        Assert.True(broken.Count == 0, "Broken links:\n" + string.Join("\n", broken.Take(50)));
        Assert.True(session.Problems.Count == 0, "Problems in the browser:\n" + string.Join("\n", session.Problems.Take(50)));
    }

    private static HashSet<string> IdsOf(string file, Dictionary<string, HashSet<string>> cache)
    {
        if (!cache.TryGetValue(file, out var set))
        {
            set = Regex.Matches(File.ReadAllText(file), "\\sid=\"([^\"]+)\"").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);
            cache[file] = set;
        }

        return set;
    }
}
