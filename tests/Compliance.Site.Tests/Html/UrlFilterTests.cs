using Compliance.Site.Html;

namespace Compliance.Site.Tests.Html;

/// <summary>Only relative, http and https URLs pass; data: only for raster images; nothing that a browser would read as script.</summary>
public sealed class UrlFilterTests
{
    [Theory]
    [InlineData("policies/retention.md")]
    [InlineData("../controls/iam-01.html#ev")]
    [InlineData("#scope")]
    [InlineData("?q=1")]
    [InlineData("http://example.com/a")]
    [InlineData("https://www.ecfr.gov/current/title-45")]
    [InlineData("HTTPS://EXAMPLE.COM")]
    [InlineData("  https://example.com  ")]
    [InlineData("./a:b")]
    public void Allowed_links(string url) => Assert.True(UrlFilter.IsAllowed(url, UrlUse.Link), url);

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JaVaScRiPt:alert(1)")]
    [InlineData(" javascript:alert(1)")]
    [InlineData("\u0001javascript:alert(1)")]
    [InlineData("java\tscript:alert(1)")]
    [InlineData("java\nscript:alert(1)")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("data:text/html;base64,PHNjcmlwdD4=")]
    [InlineData("data:image/png;base64,iVBORw0KGgo=")]
    [InlineData("file:///etc/passwd")]
    [InlineData("mailto:a@example.com")]
    [InlineData("//evil.example/x")]
    [InlineData("/etc/passwd")]
    [InlineData("\\\\server\\share")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Refused_links(string? url) => Assert.False(UrlFilter.IsAllowed(url, UrlUse.Link), url ?? "null");

    [Theory]
    [InlineData("data:image/png;base64,iVBORw0KGgo=", true)]
    [InlineData("data:image/jpeg;base64,/9j/4AAQ", true)]
    [InlineData("data:image/svg+xml;base64,PHN2Zz4=", false)]
    [InlineData("data:image/png;base64,<script>", false)]
    [InlineData("data:text/html,<script>alert(1)</script>", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("images/logo.png", true)]
    public void Images_may_also_be_raster_data_urls(string url, bool allowed) => Assert.Equal(allowed, UrlFilter.IsAllowed(url, UrlUse.Image));

    [Fact]
    public void The_url_is_normalised_as_a_browser_reads_it()
    {
        Assert.True(UrlFilter.TryFilter(" https://exa\tmple.com/a\n ", UrlUse.Link, out var safe));
        Assert.Equal("https://example.com/a", safe.Value);
    }
}
