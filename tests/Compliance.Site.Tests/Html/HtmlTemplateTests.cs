using System;
using System.Collections.Generic;
using Compliance.Site.Html;
using static Compliance.Site.Html.Html;

namespace Compliance.Site.Tests.Html;

/// <summary>Encoding is the default: every hole is encoded, raw HTML is an explicit opt-in, and URLs and scripts are guarded.</summary>
public sealed class HtmlTemplateTests
{
    [Fact]
    public void Text_holes_are_encoded()
    {
        var payload = "<script>alert('x') & \"y\"</script>";
        Assert.Equal("<p>&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;</p>", H($"<p>{payload}</p>").Value);
    }

    [Fact]
    public void Attribute_holes_are_encoded_so_they_cannot_close_the_attribute()
    {
        var payload = "x\" onmouseover=\"alert(1)";
        Assert.Equal("<span title=\"x&quot; onmouseover=&quot;alert(1)\">t</span>", H($"<span title=\"{payload}\">t</span>").Value);
        Assert.Equal("<span title='a&#39; b'>t</span>", H($"<span title='{"a' b"}'>t</span>").Value);
    }

    [Fact]
    public void Raw_html_is_an_explicit_opt_in()
    {
        var fragment = H($"<em>{"<b>"}</em>");
        Assert.Equal("<p><em>&lt;b&gt;</em></p>", H($"<p>{fragment}</p>").Value);
        Assert.Equal("<p><i>ok</i></p>", H($"<p>{Raw("<i>ok</i>")}</p>").Value);
        Assert.Equal("<ul><li>a</li><li>&lt;b&gt;</li></ul>", H($"<ul>{new List<HtmlString> { H($"<li>{"a"}</li>"), H($"<li>{"<b>"}</li>") }}</ul>").Value);
    }

    [Fact]
    public void Values_are_formatted_invariantly_and_null_is_empty()
    {
        string? nothing = null;
        Assert.Equal("<p>1234.5 2026-10-01 </p>", H($"<p>{1234.5} {new DateOnly(2026, 10, 1)} {nothing}</p>").Value);
    }

    [Fact]
    public void Control_characters_become_replacement_characters()
    {
        Assert.Equal("<p>a\uFFFDb</p>", H($"<p>{"a\u0000b"}</p>").Value);
    }

    [Fact]
    public void Exactly_the_special_characters_are_replaced_wherever_they_fall()
    {
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var special = HtmlEncoding.Special.Contains((char)c);
            var text = "ab" + (char)c + new string('x', c % 40);
            Assert.Equal(special ? 2 : -1, HtmlEncoding.IndexOfSpecial(text));
            Assert.Equal(special, HtmlEncoding.Encode(text) != text);
        }
    }

    [Fact]
    public void Url_attributes_take_only_safe_urls()
    {
        var link = SafeUrl.Internal("controls/iam-01.html#ev");
        Assert.Equal("<a href=\"controls/iam-01.html#ev\">x</a>", H($"<a href=\"{link}\">x</a>").Value);
        Assert.Throws<InvalidOperationException>(() => H($"<a href=\"{"javascript:alert(1)"}\">x</a>"));
        Assert.Throws<InvalidOperationException>(() => H($"<img src=\"{"x"}\">"));
        Assert.Throws<InvalidOperationException>(() => H($"<a href=\"../{link}\">x</a>"));
    }

    [Fact]
    public void Holes_outside_text_and_quoted_values_throw()
    {
        Assert.Throws<InvalidOperationException>(() => H($"<a href={SafeUrl.Internal("x.html")}>x</a>"));
        Assert.Throws<InvalidOperationException>(() => H($"<{"script"}>"));
        Assert.Throws<InvalidOperationException>(() => H($"<p {"onclick"}=\"x\">"));
        Assert.Throws<InvalidOperationException>(() => H($"<p onclick=\"{"alert(1)"}\">"));
        Assert.Throws<InvalidOperationException>(() => H($"<p style=\"{"color:red"}\">"));
        Assert.Throws<InvalidOperationException>(() => H($"<script>{"alert(1)"}</script>"));
        Assert.Throws<InvalidOperationException>(() => H($"<p title=\"{Raw("<b>")}\">"));
    }

    [Fact]
    public void Text_after_a_closed_script_element_is_text_again()
    {
        Assert.Equal("<script src=\"a.js\"></script><p>&lt;</p>", H($"<script src=\"{SafeUrl.Internal("a.js")}\"></script><p>{"<"}</p>").Value);
    }

    [Fact]
    public void Internal_urls_refuse_schemes_roots_and_odd_characters()
    {
        Assert.Throws<ArgumentException>(() => SafeUrl.Internal("javascript:alert(1)"));
        Assert.Throws<ArgumentException>(() => SafeUrl.Internal("/etc/passwd"));
        Assert.Throws<ArgumentException>(() => SafeUrl.Internal("//evil.example/x"));
        Assert.Throws<ArgumentException>(() => SafeUrl.Internal("a\"b.html"));
        Assert.Equal("../requirements/164-312-a-2-iv.html", SafeUrl.Internal("../requirements/164-312-a-2-iv.html").Value);
    }

    [Fact]
    public void A_writer_ends_at_ToHtml_and_its_buffer_is_reused_clean()
    {
        var writer = new HtmlWriter(16);
        writer.Append($"<p>{"a & b"}</p>");
        Assert.Equal("<p>a &amp; b</p>", writer.ToHtml().Value);
        Assert.Throws<InvalidOperationException>(() => writer.Append($"<p>late</p>"));

        // Templates nested in templates and writers, on one thread, each with a buffer of its own.
        var outer = new HtmlWriter(16);
        outer.Append($"<ul>{H($"<li>{H($"<b>{"1 < 2"}</b>")}</li>")}</ul>");
        outer.Append($"<p>{"x"}</p>");
        Assert.Equal("<ul><li><b>1 &lt; 2</b></li></ul><p>x</p>", outer.ToHtml().Value);
        Assert.Equal("<i>fresh</i>", H($"<i>{"fresh"}</i>").Value);
    }

    [Fact]
    public void Writer_appends_with_the_same_encoding()
    {
        var writer = new HtmlWriter();
        writer.Append($"<td>{"<x>"}</td>").Append(Raw("<br>"));
        Assert.Equal("<td>&lt;x&gt;</td><br>", writer.ToString());
    }
}
