using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Compliance.Site.Model;
using Compliance.Site.Rendering;
using static Compliance.Site.Html.Html;

namespace Compliance.Site.Tests.Rendering;

/// <summary>
/// The print rewrite resolves links in place, without the strings it used to make per link (issue 15). These hold
/// the in-place forms to the plain ones they replaced: split, list and join for paths, replace for page IDs.
/// </summary>
public sealed class PrintLinksTests
{
    [Fact]
    public void A_folder_and_a_path_normalise_as_their_joined_string_did()
    {
        var folders = new[] { "", "controls/", "a/b/", "a/b/c/d/" };
        var segments = new[] { "x", "..", ".", "", "people.html", "y.md" };
        var paths = new List<string> { "", "/", "//", "../../../../x", "a/./b/../c", new string('d', 300) + "/" + new string('e', 300) };
        foreach (var first in segments)
        {
            foreach (var second in segments)
            {
                foreach (var third in segments)
                {
                    paths.Add($"{first}/{second}/{third}");
                    paths.Add($"{first}/{second}{third}");
                }
            }
        }

        foreach (var folder in folders)
        {
            foreach (var path in paths)
            {
                Assert.Equal(Joined(folder + path), RelativePaths.Normalise(folder, path));
            }
        }

        Assert.Equal("people.html", RelativePaths.Normalise("controls/", "../people.html"));
        Assert.Equal("x", RelativePaths.Normalise("", "../../x"));
    }

    [Theory]
    [InlineData("controls/ctl-0001.html")]
    [InlineData("index.html")]
    [InlineData("frameworks/hipaa.security.html")]
    [InlineData("print")]
    [InlineData("a.html.html")]
    [InlineData("")]
    public void A_page_ID_is_the_path_without_html_and_with_slashes_and_dots_as_dashes(string path)
    {
        var expected = (path.EndsWith(".html", StringComparison.Ordinal) ? path.Substring(0, path.Length - 5) : path).Replace('/', '-').Replace('.', '-');
        Assert.Equal(expected, PageRef.PageIdOf(path));
        var appended = new StringBuilder("#");
        PageRef.AppendPageId(appended, path);
        Assert.Equal("#" + expected, appended.ToString());
    }

    [Fact]
    public void Links_to_pages_on_this_print_become_anchors_and_the_rest_resolve_from_the_site_root()
    {
        var body = "<p><a href=\"../people.html#person-ada\">Ada</a> <a href=\"ctl-0002.html\">2</a> <a href=\"../policies/pol-1.html\">P</a>"
            + " <a href=\"#local\">here</a> <a href=\"https://example.org/x\">out</a> <img src=\"../assets/logo.svg\" alt=\"\">"
            + " <a href=\"../rules.html#CMP0001\">rule</a></p>";
        var printed = new HashSet<string>(StringComparer.Ordinal) { "people.html", "controls/ctl-0002.html" };

        var rewritten = PrintLinks.Rewrite(body, "controls/ctl-0001.html", printed.Contains);

        Assert.Equal(
            "<p><a href=\"#person-ada\">Ada</a> <a href=\"#controls-ctl-0002\">2</a> <a href=\"policies/pol-1.html\">P</a>"
            + " <a href=\"#local\">here</a> <a href=\"https://example.org/x\">out</a> <img src=\"assets/logo.svg\" alt=\"\">"
            + " <a href=\"rules.html#CMP0001\">rule</a></p>",
            rewritten);
    }

    [Fact]
    public void A_body_without_links_comes_back_unchanged_even_when_long()
    {
        var body = string.Concat(Enumerable.Repeat("<p>plain text, no link</p>", 5000));
        Assert.Equal(body, PrintLinks.Rewrite(body, "controls/index.html", _ => true));
    }

    [Fact]
    public void Whole_numbers_are_written_as_the_formattable_overload_wrote_them()
    {
        Assert.Equal("<p>12345 -7 0</p>", H($"<p>{12345} {-7} {0}</p>").Value);
        Assert.Equal("<span title=\"2048\">t</span>", H($"<span title=\"{2048}\">t</span>").Value);
        Assert.Throws<InvalidOperationException>(() => H($"<a href=\"{3}\">x</a>"));
    }

    private static string Joined(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }

                continue;
            }

            parts.Add(part);
        }

        return string.Join("/", parts);
    }
}
