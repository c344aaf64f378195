using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Compliance.Site.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Compliance.Site.Tests.Browser;

/// <summary>An auditor's path through the site, from file:// with no network: overview, framework, requirement, control, evidence.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NavigationTests
{
    private readonly BrowserFixture _browser;

    public NavigationTests(BrowserFixture browser) => _browser = browser;

    [Fact]
    public async Task Overview_to_framework_to_requirement_to_control_to_evidence()
    {
        await using var session = await _browser.OpenAsync();
        var page = session.Page;
        await page.GotoAsync(BrowserFixture.FileUrl(_browser.Site, "index.html").AbsoluteUri);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Acme Clinic Cloud");

        await page.GetByRole(AriaRole.Link, new() { Name = "HIPAA Security Rule", Exact = true }).First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("frameworks/hipaa-security\\.html$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("HIPAA Security Rule");

        await page.GetByRole(AriaRole.Link, new() { Name = "164.312(a)(2)(iv) Encryption and Decryption" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("requirements/164-312-a-2-iv\\.html$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Encryption and Decryption");

        await page.GetByRole(AriaRole.Link, new() { Name = "ENC-01 Encryption at rest and in transit" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("controls/enc-01\\.html$"));
        await Assertions.Expect(page.GetByText("Key configuration export showing customer-managed keys on every store.")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "kms-keys-2026-09-12.json" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("evidence/enc-01/kms-keys-2026-09-12\\.json\\.html$"));
        var sha = SidecarSha("evidence/enc-01/kms-keys-2026-09-12.evidence.yaml");
        await Assertions.Expect(page.Locator("code.hash").First).ToHaveTextAsync(sha);
        await Assertions.Expect(page.GetByText("Hash matches").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("pre.artifact-text")).ToContainTextAsync("\"cmek\": true");

        await page.GetByRole(AriaRole.Link, new() { Name = "Open the file" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("evidence/enc-01/kms-keys-2026-09-12\\.json$"));
        Assert.Contains("\"cmek\": true", await page.ContentAsync(), StringComparison.Ordinal);

        Assert.Empty(session.Problems);
    }

    [Fact]
    public async Task The_search_script_runs_under_the_content_security_policy_from_file()
    {
        await using var session = await _browser.OpenAsync();
        var page = session.Page;
        await page.GotoAsync(BrowserFixture.FileUrl(_browser.Site, "controls/enc-01.html").AbsoluteUri);
        var csp = await page.Locator("meta[http-equiv='Content-Security-Policy']").GetAttributeAsync("content");
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator(".search")).ToBeVisibleAsync();
        Assert.Empty(session.Problems);
    }

    [Fact]
    public async Task Screenshot_of_the_overview_and_a_pdf_of_everything_are_saved_as_test_artifacts()
    {
        await using var session = await _browser.OpenAsync();
        var page = session.Page;
        Directory.CreateDirectory(TestPaths.Screenshots);
        await page.GotoAsync(BrowserFixture.FileUrl(_browser.Site, "index.html").AbsoluteUri);
        var overview = Path.Combine(TestPaths.Screenshots, "overview.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = overview, FullPage = true });
        Assert.True(new FileInfo(overview).Length > 10_000);

        await page.GotoAsync(BrowserFixture.FileUrl(_browser.Site, "print.html").AbsoluteUri);
        var pdf = Path.Combine(TestPaths.Screenshots, "print-all.pdf");
        await page.PdfAsync(new PagePdfOptions { Path = pdf, Format = "A4", PrintBackground = true });
        Assert.True(new FileInfo(pdf).Length > 10_000);
        Assert.Empty(session.Problems);
    }

    private string SidecarSha(string path)
    {
        var repoFile = Path.Combine(TestPaths.Fixtures, "mini", path);
        return File.ReadAllLines(repoFile).Single(l => l.TrimStart().StartsWith("sha256:", StringComparison.Ordinal)).Split(':')[1].Trim();
    }
}
