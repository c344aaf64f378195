using System;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Compliance.Site.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Compliance.Site.Tests.Browser;

/// <summary>A split print in Chromium, from file:// with no network: the index, a part printed on its own, and a link from one part into another.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PrintPartsBrowserTests
{
    private readonly BrowserFixture _browser;

    public PrintPartsBrowserTests(BrowserFixture browser) => _browser = browser;

    [Fact]
    public async Task Each_part_prints_on_its_own_and_links_into_other_parts_resolve_offline()
    {
        using var repo = FixtureRepo.Create("mini");
        using var output = new TempFolder("site-print-parts");
        SiteGenerator.Render(repo.Check(), new SiteOptions(output.Path) { CompareTo = FixtureRepo.Tag, PrintPagesPerPart = 4 });

        await using var session = await _browser.OpenAsync();
        var page = session.Page;
        await page.GotoAsync(BrowserFixture.FileUrl(output.Path, "print.html").AbsoluteUri);
        await Assertions.Expect(page.Locator(".print-cover h1")).ToContainTextAsync("the whole programme");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Controls \\(part 1 of \\d+\\)$") }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("print-\\d\\d\\.html$"));
        await Assertions.Expect(page.Locator(".print-cover h1")).ToContainTextAsync("Controls (part 1 of");
        var controlsPart = page.Url;

        // Printed alone: the print stylesheet applies, the screen-only navigation between parts goes, and it makes a PDF.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator("nav.print-parts-nav")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("section.print-page").First).ToBeVisibleAsync();
        Directory.CreateDirectory(TestPaths.Screenshots);
        var pdf = Path.Combine(TestPaths.Screenshots, "print-part-controls.pdf");
        await page.PdfAsync(new PagePdfOptions { Path = pdf, Format = "A4", PrintBackground = true });
        Assert.True(new FileInfo(pdf).Length > 5_000);
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        // A control's link to a requirement goes to the part of that requirement's framework, at its section.
        var link = page.Locator("section.print-page a[href^='print-'][href*='#requirements-']").First;
        var href = await link.GetAttributeAsync("href");
        Assert.NotNull(href);
        await link.ClickAsync();
        // The address is polled, with no wait for a load state: when the navigation had committed before the wait began,
        // WaitForURLAsync waited for a load event instead, and timed out after 30 s under load in a CI run. The
        // section's visibility below waits for the new document itself.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(href!) + "$"), new() { Timeout = 30_000 });
        Assert.NotEqual(controlsPart, page.Url);
        var fragment = href!.Substring(href.IndexOf('#') + 1);
        await Assertions.Expect(page.Locator($"section#{fragment}")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.Empty(session.Problems);
    }
}
