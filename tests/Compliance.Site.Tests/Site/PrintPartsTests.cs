using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Compliance.Site.Rendering;
using Compliance.Site.Tests.Infrastructure;

namespace Compliance.Site.Tests.Site;

/// <summary>
/// Beyond <see cref="PrintPlan.DefaultPagesPerPart"/> printed pages the print page splits by section: print.html
/// becomes an index of parts, each a whole document, and every link between parts resolves offline.
/// </summary>
public sealed class PrintPartsTests
{
    private static readonly Regex Ids = new(" id=\"([^\"]+)\"", RegexOptions.Compiled);
    private static readonly Regex Hrefs = new(" href=\"([^\"]*)\"", RegexOptions.Compiled);

    [Fact]
    public void A_site_under_the_limit_keeps_one_print_page()
    {
        using var repo = FixtureRepo.Create("mini");
        using var output = new TempFolder();
        repo.Render(output.Path);

        Assert.Empty(Directory.GetFiles(output.Path, "print-*.html"));
        var print = File.ReadAllText(output.Combine("print.html"));
        Assert.Contains("Everything, on one page", print, StringComparison.Ordinal);
        Assert.Contains("id=\"controls-index\"", print, StringComparison.Ordinal);
    }

    [Fact]
    public void Beyond_the_limit_the_print_splits_by_section_with_an_index_and_links_that_resolve()
    {
        using var repo = FixtureRepo.Create("mini");
        using var whole = new TempFolder();
        using var split = new TempFolder();
        var result = repo.Check();
        SiteGenerator.Render(result, new SiteOptions(whole.Path) { CompareTo = FixtureRepo.Tag });
        var rendered = SiteGenerator.Render(result, new SiteOptions(split.Path) { CompareTo = FixtureRepo.Tag, PrintPagesPerPart = 4 });

        var index = File.ReadAllText(split.Combine("print.html"));
        var parts = Hrefs.Matches(index).Select(m => m.Groups[1].Value).Where(h => h.StartsWith("print-", StringComparison.Ordinal)).Distinct().ToList();
        Assert.True(parts.Count >= 5, $"expected the mini site's print to split into several parts, got {parts.Count}");
        Assert.Equal(parts.OrderBy(p => p, StringComparer.Ordinal), Directory.GetFiles(split.Path, "print-*.html").Select(Path.GetFileName).OrderBy(p => p, StringComparer.Ordinal));
        Assert.Contains("Controls (part 1 of", index, StringComparison.Ordinal);
        Assert.Equal(Directory.GetFiles(split.Path, "*.html", SearchOption.AllDirectories).Length, rendered.Pages);

        // Every printed page is in exactly one part, and the parts hold what the one page held.
        var sections = new Regex("<section class=\"print-page[^\"]*\" id=\"([^\"]+)\"");
        var wholeSections = sections.Matches(File.ReadAllText(whole.Combine("print.html"))).Select(m => m.Groups[1].Value).ToList();
        var partSections = parts.SelectMany(p => sections.Matches(File.ReadAllText(split.Combine(p))).Select(m => m.Groups[1].Value)).ToList();
        Assert.Equal(wholeSections, partSections);

        // Each link of a part resolves offline: an anchor in the same part, an anchor in another part, or a file of the site.
        var idsOf = parts.ToDictionary(p => p, p => Ids.Matches(File.ReadAllText(split.Combine(p))).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal));
        var crossPart = 0;
        foreach (var part in parts)
        {
            foreach (var href in Hrefs.Matches(File.ReadAllText(split.Combine(part))).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)))
            {
                if (href.Contains(':'))
                {
                    continue;
                }

                var hash = href.IndexOf('#');
                var file = hash < 0 ? href : href.Substring(0, hash);
                var fragment = hash < 0 ? null : href.Substring(hash + 1);
                var target = file.Length == 0 ? part : file;
                Assert.True(File.Exists(split.Combine(target)), $"{part} links to '{href}', which is not a file of the site");
                if (fragment is not null && idsOf.TryGetValue(target, out var ids))
                {
                    Assert.True(ids.Contains(fragment), $"{part} links to '{href}', but {target} has no element '{fragment}'");
                    crossPart += target == part ? 0 : 1;
                }
            }
        }

        Assert.True(crossPart > 0, "no link went from one part to another: the test would not see a broken one");
    }

    [Fact]
    public void A_page_limit_below_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PrintPlan.For(null!, new List<SitePage>(), 0));
    }
}
