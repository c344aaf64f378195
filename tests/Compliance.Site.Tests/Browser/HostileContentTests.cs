using System;
using System.Linq;
using System.Threading.Tasks;
using Compliance.Site.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Compliance.Site.Tests.Browser;

/// <summary>
/// A programme whose YAML fields and Markdown carry script and HTML payloads (script elements, onerror
/// handlers, javascript: and data: links, attribute breakouts). Every page of its site is opened and
/// searched: nothing may run (each payload would set window.__pwned, retitle the page or open a
/// dialog), and the payloads must show as inert text.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HostileContentTests
{
    private const string Probe = @"() => ({
        pwned: window.__pwned !== undefined,
        title: document.title,
        handlers: [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).map(e => e.outerHTML.slice(0, 120)),
        scripts: [...document.scripts].map(s => s.getAttribute('src') || 'inline:' + s.textContent.slice(0, 80)),
        badLinks: [...document.querySelectorAll('a[href], img[src]')].map(e => e.getAttribute('href') ?? e.getAttribute('src')).filter(u => !/^(https?:|[#.\w])/i.test(u) || /^\s*(javascript|vbscript|data):/i.test(u))
    })";

    private readonly BrowserFixture _browser;

    public HostileContentTests(BrowserFixture browser) => _browser = browser;

    [Fact]
    public async Task No_payload_runs_on_any_page_or_in_search_results()
    {
        await using var session = await _browser.OpenAsync();
        var page = session.Page;
        var pages = SiteSnapshot.Files(_browser.HostileSite).Where(f => f.EndsWith(".html", StringComparison.Ordinal)).ToList();
        Assert.True(pages.Count > 8);
        foreach (var relative in pages)
        {
            await page.GotoAsync(BrowserFixture.FileUrl(_browser.HostileSite, relative).AbsoluteUri);
            await page.Mouse.MoveAsync(200, 300);
            await Check(page, relative);
        }

        await page.GotoAsync(BrowserFixture.FileUrl(_browser.HostileSite, "index.html").AbsoluteUri);
        foreach (var query in new[] { "<img", "script", "onerror", "XSS", "evil" })
        {
            await page.Keyboard.PressAsync("/");
            await page.Keyboard.PressAsync("Control+A");
            await page.Keyboard.TypeAsync(query);
            await Assertions.Expect(page.GetByRole(AriaRole.Listbox)).ToBeVisibleAsync();
            await Check(page, $"search for {query}");
        }

        Assert.True(session.Dialogs.Count == 0, "Dialogs opened:\n" + string.Join("\n", session.Dialogs));
    }

    [Fact]
    public async Task Payloads_show_as_inert_text()
    {
        await using var session = await _browser.OpenAsync();
        var page = session.Page;
        await page.GotoAsync(BrowserFixture.FileUrl(_browser.HostileSite, "controls/xss-1.html").AbsoluteUri);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Control <img src=x onerror=\"window.__pwned=1;document.title='pwned'\">");
        await Assertions.Expect(page.GetByText("<script>window.__pwned=1;document.title='pwned'</script> then").First).ToBeVisibleAsync();

        await page.GotoAsync(BrowserFixture.FileUrl(_browser.HostileSite, "policies/pol-evil.html").AbsoluteUri);
        await Assertions.Expect(page.GetByText("Inline <script>window.__pwned=1;document.title='pwned'</script> in a paragraph.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("<div onclick=\"window.__pwned=1\">raw block</div>")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("a javascript link")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("a", new() { HasText = "a javascript link" }).CountAsync());

        await page.GotoAsync(BrowserFixture.FileUrl(_browser.HostileSite, "audit-log.html").AbsoluteUri);
        await Assertions.Expect(page.Locator("#event-1")).ToContainTextAsync("<script>window.__pwned=1;document.title='pwned'</script>");
        await Assertions.Expect(page.Locator("#event-1")).ToContainTextAsync("javascript:window.__pwned=1");
        await Assertions.Expect(page.Locator("#event-3")).ToContainTextAsync("Gate denied it");
        await Assertions.Expect(page.Locator("#event-4")).ToContainTextAsync("Decision not in the log");
        Assert.Equal(0, await page.Locator("a", new() { HasText = "javascript:" }).CountAsync());

        await page.GotoAsync(BrowserFixture.FileUrl(_browser.HostileSite, "incidents.html").AbsoluteUri);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 3 }).First).ToContainTextAsync("Breach <script>window.__pwned=1;document.title='pwned'</script>");
        await Assertions.Expect(page.GetByText("</td></tr></table><script>window.__pwned=1</script>")).ToBeVisibleAsync();

        await page.GotoAsync(BrowserFixture.FileUrl(_browser.HostileSite, "encryption.html").AbsoluteUri);
        await Assertions.Expect(page.Locator("article.endpoint").First).ToContainTextAsync("https://evil.example/\"><script>window.__pwned=1;document.title='pwned'</script>");
        await Assertions.Expect(page.Locator("article.endpoint").First).ToContainTextAsync("Handshake failed");

        var title = await page.TitleAsync();
        Assert.NotEqual("pwned", title);
        Assert.Contains("<script>", title, StringComparison.Ordinal);
        Assert.Empty(session.Dialogs);
    }

    private static async Task Check(IPage page, string where)
    {
        var probe = await page.EvaluateAsync<ProbeResult>(Probe);
        Assert.False(probe.Pwned, $"A payload ran on {where}.");
        Assert.NotEqual("pwned", probe.Title);
        Assert.True(probe.Handlers.Length == 0, $"Event-handler attributes on {where}: {string.Join(" | ", probe.Handlers)}");
        Assert.True(probe.Scripts.All(s => s.EndsWith("assets/search-index.js", StringComparison.Ordinal) || s.EndsWith("assets/site.js", StringComparison.Ordinal)), $"Unexpected scripts on {where}: {string.Join(" | ", probe.Scripts)}");
        Assert.True(probe.BadLinks.Length == 0, $"Unsafe URLs on {where}: {string.Join(" | ", probe.BadLinks)}");
    }

    private sealed class ProbeResult
    {
        public bool Pwned { get; set; }

        public string Title { get; set; } = string.Empty;

        public string[] Handlers { get; set; } = Array.Empty<string>();

        public string[] Scripts { get; set; } = Array.Empty<string>();

        public string[] BadLinks { get; set; } = Array.Empty<string>();
    }
}
