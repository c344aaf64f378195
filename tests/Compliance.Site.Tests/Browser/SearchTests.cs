using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.Playwright;

namespace Compliance.Site.Tests.Browser;

/// <summary>Search from the keyboard: '/' focuses the box, arrows choose, Enter opens; citations find the controls that implement them; incidents and endpoints are found by ID and host.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SearchTests
{
    private readonly BrowserFixture _browser;

    public SearchTests(BrowserFixture browser) => _browser = browser;

    [Fact]
    public async Task Slash_then_a_hipaa_citation_then_arrows_and_enter_open_the_control()
    {
        await using var session = await _browser.OpenAsync();
        var page = session.Page;
        await page.GotoAsync(BrowserFixture.FileUrl(_browser.Site, "index.html").AbsoluteUri);

        await page.Keyboard.PressAsync("/");
        var input = page.GetByRole(AriaRole.Combobox, new() { Name = "Search the audit" });
        await Assertions.Expect(input).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("164.312(a)(2)(iv)");

        var options = page.GetByRole(AriaRole.Option);
        await Assertions.Expect(options.First).ToContainTextAsync("164.312(a)(2)(iv)");
        await Assertions.Expect(options.Nth(1)).ToContainTextAsync("ENC-01");
        await Assertions.Expect(input).ToHaveAttributeAsync("aria-expanded", "true");

        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(options.Nth(1)).ToHaveAttributeAsync("aria-selected", "true");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("controls/enc-01\\.html$"));
        Assert.Empty(session.Problems);
    }

    [Theory]
    [InlineData("kms.cloudco.example", "CloudCo")]
    [InlineData("mailco", "MailCo")]
    [InlineData("POL-SEC", "Information Security Policy")]
    [InlineData("sanction", "Sanction Policy")]
    [InlineData("INC-2026-007", "Patient export e-mailed to the wrong clinic")]
    [InlineData("portal.acme.example", "https://portal.acme.example:8443")]
    public async Task Ids_titles_vendors_and_services_are_found(string query, string expected)
    {
        await using var session = await _browser.OpenAsync();
        var page = session.Page;
        await page.GotoAsync(BrowserFixture.FileUrl(_browser.Site, "controls/index.html").AbsoluteUri);
        await page.Keyboard.PressAsync("/");
        await page.Keyboard.TypeAsync(query);
        await Assertions.Expect(page.GetByRole(AriaRole.Listbox)).ToContainTextAsync(expected);
        Assert.Empty(session.Problems);
    }
}
