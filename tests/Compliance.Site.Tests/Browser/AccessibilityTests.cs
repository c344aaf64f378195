using System;
using System.Linq;
using System.Threading.Tasks;
using Deque.AxeCore.Playwright;

namespace Compliance.Site.Tests.Browser;

/// <summary>
/// axe-core on the main pages: no serious or critical violation. axe comes from Deque's NuGet package
/// (Deque.AxeCore.Playwright), which embeds axe.min.js: it restores with the other packages and needs
/// no npm step in the test command.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests
{
    private readonly BrowserFixture _browser;

    public AccessibilityTests(BrowserFixture browser) => _browser = browser;

    [Theory]
    [InlineData("index.html")]
    [InlineData("frameworks/hipaa-security.html")]
    [InlineData("requirements/164-312-a-2-iv.html")]
    [InlineData("controls/enc-01.html")]
    [InlineData("evidence/enc-01/kms-keys-2026-09-12.json.html")]
    [InlineData("vendors.html")]
    [InlineData("policies/pol-sec.html")]
    [InlineData("crosswalk.html")]
    [InlineData("findings.html")]
    [InlineData("people.html")]
    [InlineData("audit-log.html")]
    [InlineData("incidents.html")]
    [InlineData("encryption.html")]
    [InlineData("evidence/enc-01/tls-api-2026-09-14.json.html")]
    public async Task Page_has_no_serious_or_critical_axe_violations(string relative)
    {
        await using var session = await _browser.OpenAsync();
        await session.Page.GotoAsync(BrowserFixture.FileUrl(_browser.Site, relative).AbsoluteUri);
        // The page itself must load cleanly; axe's own attempt to fetch stylesheets is then refused by the
        // site's CSP (connect-src 'none') and logged, which is the policy working, not a page problem.
        var problemsBeforeAxe = session.Problems.ToList();
        var result = await session.Page.RunAxe();

        var severe = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(severe.Count == 0, $"axe found {severe.Count} serious or critical violation(s) on {relative}:\n" + string.Join("\n", severe.Select(v =>
            $"- {v.Id} ({v.Impact}): {v.Help}\n    " + string.Join("\n    ", v.Nodes.Take(5).Select(n => n.Html)))));
        Assert.Empty(problemsBeforeAxe);
    }
}
