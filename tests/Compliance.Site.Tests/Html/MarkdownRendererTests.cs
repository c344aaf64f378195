using Compliance.Site.Html;
using Compliance.Site.Markdown;

namespace Compliance.Site.Tests.Html;

/// <summary>The one Markdig pipeline: raw HTML is text, every link and image URL is filtered, and nothing needs an inline style.</summary>
public sealed class MarkdownRendererTests
{
    private static string Render(string markdown, MarkdownOptions? options = null) => MarkdownRenderer.Render(markdown, options).Html.Value;

    [Fact]
    public void Raw_html_renders_as_text()
    {
        var html = Render("Hello <script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n<div onclick=\"x()\">block</div>\n");
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<div", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html);
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JAVASCRIPT:alert(1))")]
    [InlineData("[x](java&#9;script:alert(1))")]
    [InlineData("[x](vbscript:msgbox(1))")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[x][r]\n\n[r]: javascript:alert(1)")]
    [InlineData("[x](mailto:a@example.com)")]
    public void Refused_links_keep_their_text_and_lose_their_target(string markdown)
    {
        var html = Render(markdown);
        Assert.DoesNotContain("<a", html);
        Assert.Contains(">x", html);
    }

    [Fact]
    public void Autolinks_to_scripts_become_text()
    {
        var html = Render("<javascript:alert(1)> and <https://example.com/a>");
        Assert.DoesNotContain("href=\"javascript", html);
        Assert.Contains("href=\"https://example.com/a\"", html);
    }

    [Fact]
    public void Images_keep_only_local_and_raster_data_sources()
    {
        var html = Render("![a](javascript:alert(1)) ![b](data:image/png;base64,iVBORw0KGgo=) ![c](https://example.com/c.png)");
        Assert.DoesNotContain("javascript", html);
        Assert.Contains("<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"b\"", html);
        Assert.Contains("<a href=\"https://example.com/c.png\">c</a>", html);
    }

    [Fact]
    public void Relative_links_go_through_the_resolver()
    {
        var options = new MarkdownOptions(ResolveRelative: url => url == "other.md" ? SafeUrl.Internal("other.html") : null);
        var html = Render("[known](other.md) and [unknown](../controls/x.yaml)", options);
        Assert.Contains("<a href=\"other.html\">known</a>", html);
        Assert.DoesNotContain("x.yaml", html);
        Assert.Contains("unknown", html);
    }

    [Fact]
    public void Front_matter_is_dropped_and_headings_are_shifted_and_prefixed()
    {
        var result = MarkdownRenderer.Render("---\nid: X\n---\n# Title\n\n## Scope\n\nSee [scope](#scope).\n", new MarkdownOptions(IdPrefix: "pol-x-", HeadingShift: 2));
        Assert.Equal("Title", result.Title);
        Assert.DoesNotContain("id: X", result.Html.Value);
        Assert.Contains("<h3 id=\"pol-x-title\">Title</h3>", result.Html.Value);
        Assert.Contains("<h4 id=\"pol-x-scope\">Scope</h4>", result.Html.Value);
        Assert.Contains("href=\"#pol-x-scope\"", result.Html.Value);
    }

    [Fact]
    public void Tables_carry_no_inline_style()
    {
        var html = Render("| a | b |\n|:--|--:|\n| 1 | 2 |\n");
        Assert.Contains("<table>", html);
        Assert.DoesNotContain("style=", html);
    }
}
