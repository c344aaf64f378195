using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Compliance.Site.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Compliance.Site.Tests.Browser;

/// <summary>
/// An auditor's paths through the site, from file:// with no network: overview, framework, requirement,
/// control, evidence; deploy, gate decision, person; breach clocks; endpoint, verification, evidence.
/// </summary>
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
    public async Task Deploy_gate_page_links_a_deploy_to_its_gate_decision_and_the_person_who_made_it()
    {
        await using var session = await _browser.OpenAsync();
        var page = session.Page;
        await page.GotoAsync(BrowserFixture.FileUrl(_browser.Site, "index.html").AbsoluteUri);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Sections" }).GetByRole(AriaRole.Link, new() { Name = "Deploy gate" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("audit-log\\.html$"));

        // The verification status comes first, in words.
        await Assertions.Expect(page.Locator(".verification")).ToContainTextAsync("Hash chain intact, 9 events.");

        // A denied decision reads "Denied", with its reasons by rule.
        var denied = page.Locator("table.decisions tbody tr", new() { HasText = "#4" });
        await Assertions.Expect(denied).ToContainTextAsync("Denied");
        await Assertions.Expect(denied).ToContainTextAsync("CMP2104");
        await Assertions.Expect(denied).ToContainTextAsync("carol@acme.example");
        await Assertions.Expect(page.Locator("table.decisions")).Not.ToContainTextAsync("Deployed: #4");

        // The deploy names its decision; following it lands on the decision's event, an allowed one.
        var deploy = page.Locator("table.deploys tbody tr", new() { HasText = "#8" });
        await Assertions.Expect(deploy).ToContainTextAsync("Allowed by the gate");
        await deploy.GetByRole(AriaRole.Link, new() { Name = "#7", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("audit-log\\.html#event-7$"));
        var decision = page.Locator("#event-7");
        await Assertions.Expect(decision).ToContainTextAsync("Gate decision");
        await Assertions.Expect(decision).ToContainTextAsync("Allowed");

        // The actor is the person of the people page, who lists the deploy.
        await decision.GetByRole(AriaRole.Link, new() { Name = "Bob Chen" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("people\\.html#person-bob$"));
        var bob = page.Locator("#person-bob");
        await Assertions.Expect(bob).ToContainTextAsync("2 decisions (1 denied), 1 deploy");
        await Assertions.Expect(bob.GetByRole(AriaRole.Link, new() { Name = "#8", Exact = true })).ToBeVisibleAsync();
        Assert.Empty(session.Problems);
    }

    [Fact]
    public async Task Incidents_page_states_each_notice_clock_in_words()
    {
        await using var session = await _browser.OpenAsync();
        var page = session.Page;
        await page.GotoAsync(BrowserFixture.FileUrl(_browser.Site, "index.html").AbsoluteUri);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Sections" }).GetByRole(AriaRole.Link, new() { Name = "Incidents" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("incidents\\.html$"));

        var breach = page.Locator("#incident-inc-2026-007");
        await Assertions.Expect(breach).ToContainTextAsync("2026-08-10");
        await Assertions.Expect(breach).ToContainTextAsync("620");
        await Assertions.Expect(breach).ToContainTextAsync("CA: 540 (media notice)");
        await Assertions.Expect(NoticeRow(breach, "Individuals")).ToContainTextAsync("Sent on time");
        // 164.408(b): HHS was due with the individuals' notice of 2026-09-18, not on day 60.
        await Assertions.Expect(NoticeRow(breach, "HHS")).ToContainTextAsync("Overdue");
        await Assertions.Expect(NoticeRow(breach, "HHS")).ToContainTextAsync("not sent: 13 days overdue");
        await Assertions.Expect(NoticeRow(breach, "The media (CA)")).ToContainTextAsync("2026-10-09");
        await Assertions.Expect(page.Locator("#incident-inc-2026-003")).ToContainTextAsync("Not a breach");
        Assert.Empty(session.Problems);
    }

    [Fact]
    public async Task Encryption_page_leads_from_an_endpoint_to_its_verification_evidence()
    {
        await using var session = await _browser.OpenAsync();
        var page = session.Page;
        await page.GotoAsync(BrowserFixture.FileUrl(_browser.Site, "encryption.html").AbsoluteUri);
        var api = page.Locator("#endpoint-api");
        await Assertions.Expect(api).ToContainTextAsync("Verified");
        await Assertions.Expect(api).ToContainTextAsync("TLS 1.3");
        await Assertions.Expect(api).ToContainTextAsync("deploy-signer@acme.example");
        await Assertions.Expect(api.Locator("table.verifications tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#endpoint-portal")).ToContainTextAsync("Not verified");

        var sha = SidecarSha("evidence/enc-01/tls-api-2026-08-20.evidence.yaml");
        var older = api.Locator("table.verifications tbody tr", new() { HasText = "tls-api-2026-08-20.json" });
        await Assertions.Expect(older).ToContainTextAsync(sha);
        await Assertions.Expect(older).ToContainTextAsync("TLS 1.2");
        await older.GetByRole(AriaRole.Link, new() { Name = "tls-api-2026-08-20.json", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("evidence/enc-01/tls-api-2026-08-20\\.json\\.html$"));
        await Assertions.Expect(page.Locator("code.hash").First).ToHaveTextAsync(sha);
        await Assertions.Expect(page.GetByText("Verifies endpoint")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Open the file" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("evidence/enc-01/tls-api-2026-08-20\\.json$"));
        Assert.Contains("\"protocol\": \"Tls12\"", await page.ContentAsync(), StringComparison.Ordinal);
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
    public async Task Screenshots_of_the_overview_and_the_enforcement_pages_and_a_pdf_of_everything_are_saved_as_test_artifacts()
    {
        await using var session = await _browser.OpenAsync();
        var page = session.Page;
        Directory.CreateDirectory(TestPaths.Screenshots);
        await page.GotoAsync(BrowserFixture.FileUrl(_browser.Site, "index.html").AbsoluteUri);
        var overview = Path.Combine(TestPaths.Screenshots, "overview.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = overview, FullPage = true });
        Assert.True(new FileInfo(overview).Length > 10_000);

        foreach (var name in new[] { "audit-log", "incidents", "encryption" })
        {
            await page.GotoAsync(BrowserFixture.FileUrl(_browser.Site, name + ".html").AbsoluteUri);
            var shot = Path.Combine(TestPaths.Screenshots, name + ".png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
            Assert.True(new FileInfo(shot).Length > 10_000);
        }

        await page.GotoAsync(BrowserFixture.FileUrl(_browser.Site, "print.html").AbsoluteUri);
        var pdf = Path.Combine(TestPaths.Screenshots, "print-all.pdf");
        await page.PdfAsync(new PagePdfOptions { Path = pdf, Format = "A4", PrintBackground = true });
        Assert.True(new FileInfo(pdf).Length > 10_000);
        Assert.Empty(session.Problems);
    }

    /// <summary>The row of a breach's notice table whose header starts with the recipient.</summary>
    private static ILocator NoticeRow(ILocator breach, string who) =>
        breach.Locator("tbody tr").Filter(new() { Has = breach.Page.Locator("th", new() { HasTextRegex = new Regex("^" + Regex.Escape(who)) }) });

    private string SidecarSha(string path)
    {
        var repoFile = Path.Combine(TestPaths.Fixtures, "mini", path);
        return File.ReadAllLines(repoFile).Single(l => l.TrimStart().StartsWith("sha256:", StringComparison.Ordinal)).Split(':')[1].Trim();
    }
}
