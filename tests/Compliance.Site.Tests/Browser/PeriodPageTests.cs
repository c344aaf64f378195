using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Compliance.Engine;
using Compliance.Engine.Period;
using Compliance.Site.Tests.Infrastructure;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Compliance.Site.Tests.Browser;

/// <summary>
/// The audit period's pages in Chromium: the Period page draws its inline-SVG charts from file:// with
/// JavaScript off, passes axe, and prints. The site is the mini fixture's, rendered with the period of
/// its history (2026-06-01..2026-09-30).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PeriodPageTests
{
    private static readonly Lazy<string> PeriodSite = new(RenderWithPeriod, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly BrowserFixture _browser;

    public PeriodPageTests(BrowserFixture browser) => _browser = browser;

    private static string RenderWithPeriod()
    {
        // Kept for the test run: the temporary folders are removed with the machine's temp directory.
        var repo = FixtureRepo.Create("mini");
        var output = new TempFolder("site-period");
        var result = ComplianceCheck.Run(new CheckOptions(repo.Root, FixtureRepo.AsOf) { Period = new DayRange(new DateOnly(2026, 6, 1), new DateOnly(2026, 9, 30)), SampleSeed = "browser-test" });
        SiteGenerator.Render(result, new SiteOptions(output.Path));
        return output.Path;
    }

    [Fact]
    public async Task The_period_page_draws_its_charts_from_file_urls_with_javascript_off()
    {
        var context = await _browser.Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        try
        {
            var page = await context.NewPageAsync();
            var failed = 0;
            page.RequestFailed += (_, _) => failed++;
            await page.GotoAsync(BrowserFixture.FileUrl(PeriodSite.Value, "period/index.html").AbsoluteUri);

            Assert.True(await page.Locator("svg.timeline").CountAsync() > 0, "no timeline bar on the Period page");
            Assert.True(await page.Locator("svg.coverage-chart").CountAsync() > 0, "no coverage chart on the Period page");
            var box = await page.Locator("svg.timeline").First.BoundingBoxAsync();
            Assert.True(box is { Width: > 100, Height: > 5 }, $"the first timeline is not drawn at a visible size ({box?.Width}x{box?.Height})");
            Assert.True(await page.Locator("svg.timeline rect").CountAsync() > 0);
            Assert.Equal(0, failed);
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [Theory]
    [InlineData("period/index.html")]
    [InlineData("period/populations/changes.html")]
    [InlineData("controls/enc-01.html")]
    public async Task Period_pages_have_no_serious_or_critical_axe_violations(string relative)
    {
        await using var session = await _browser.OpenAsync();
        await session.Page.GotoAsync(BrowserFixture.FileUrl(PeriodSite.Value, relative).AbsoluteUri);
        var problemsBeforeAxe = session.Problems.ToList();

        var result = await session.Page.RunAxe();

        var severe = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(severe.Count == 0, $"axe found {severe.Count} serious or critical violation(s) on {relative}:\n" + string.Join("\n", severe.Select(v =>
            $"- {v.Id} ({v.Impact}): {v.Help}\n    " + string.Join("\n    ", v.Nodes.Take(5).Select(n => n.Html)))));
        Assert.Empty(problemsBeforeAxe);
    }

    [Fact]
    public async Task The_period_page_prints_with_its_charts()
    {
        await using var session = await _browser.OpenAsync();
        var page = session.Page;
        await page.GotoAsync(BrowserFixture.FileUrl(PeriodSite.Value, "period/index.html").AbsoluteUri);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        Assert.True(await page.Locator("svg.timeline").First.IsVisibleAsync(), "the timeline is hidden in print");
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true });
        Assert.True(pdf.Length > 10_000, $"the printed Period page is only {pdf.Length} bytes");
        Directory.CreateDirectory(TestPaths.Screenshots);
        await File.WriteAllBytesAsync(Path.Combine(TestPaths.Screenshots, "period.pdf"), pdf);
    }

    [Fact]
    public async Task The_periods_print_all_page_prints_every_chart_to_a_pdf_and_passes_axe()
    {
        await using var session = await _browser.OpenAsync();
        var page = session.Page;
        await page.GotoAsync(BrowserFixture.FileUrl(PeriodSite.Value, "print-period.html").AbsoluteUri);
        var problemsBeforeAxe = session.Problems.ToList();
        var severe = (await page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").Select(v => v.Id).ToList();
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        Assert.Empty(severe);
        Assert.True(await page.Locator("section.print-page").CountAsync() > 1, "the period's print page holds fewer than the Period page and a population");
        var timelines = page.Locator("svg.timeline");
        Assert.True(await timelines.CountAsync() > 0);
        Assert.True(await timelines.Last.IsVisibleAsync(), "the last timeline is hidden in print");
        Assert.True(await page.Locator("svg.coverage-chart").First.IsVisibleAsync(), "the coverage chart is hidden in print");
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true });
        Assert.True(pdf.Length > 10_000, $"the printed period is only {pdf.Length} bytes");
        Directory.CreateDirectory(TestPaths.Screenshots);
        await File.WriteAllBytesAsync(Path.Combine(TestPaths.Screenshots, "print-period.pdf"), pdf);
        Assert.Empty(problemsBeforeAxe);
    }
}
