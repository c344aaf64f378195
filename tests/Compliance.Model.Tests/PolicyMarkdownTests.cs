using Compliance.Model.Parsing;

namespace Compliance.Model.Tests;

/// <summary>The one policy reader, as the site asks it: a past revision's version, and the body that Markdig renders.</summary>
public sealed class PolicyMarkdownTests
{
    private const string Policy = "---\nid: POL-1\ntitle: A policy\nowner: alice\nversion: \"2.0\" # the second\napproved_by: bob\napproved_on: 2026-01-10\nreview_interval_days: 365\ngoverns: [CTL-01]\n---\n# A policy\n\nText.\n";

    [Fact]
    public void A_revision_gives_the_version_its_front_matter_gives()
    {
        Assert.Equal("2.0", PolicyMarkdown.Read("policies/p.md", Policy)?.Version);
    }

    [Theory]
    [InlineData("# Just a page\n")]
    [InlineData("---\nversion: [unclosed\n---\n# Broken\n")]
    public void A_text_that_is_not_a_readable_policy_gives_no_policy(string text)
    {
        Assert.Null(PolicyMarkdown.Read("policies/p.md", text));
    }

    [Theory]
    [InlineData(Policy, "# A policy\n\nText.\n")]
    [InlineData("\uFEFF---\nid: X\n...\nBody\n", "Body\n")]
    [InlineData("---\r\nid: X\r\n---\r\nBody\r\n", "Body\r\n")]
    [InlineData("---\nid: X\n---", "")]
    [InlineData("# No front matter\n", "# No front matter\n")]
    [InlineData("---\nid: X\nnever closed\n", "---\nid: X\nnever closed\n")]
    public void The_body_is_what_follows_the_front_matter(string text, string body)
    {
        Assert.Equal(body, PolicyMarkdown.Body(text));
    }

    [Fact]
    public void The_policy_carries_its_body_so_the_site_reads_no_file_again()
    {
        Assert.Equal("# A policy\n\nText.\n", PolicyMarkdown.Read("policies/p.md", Policy)?.Body);
        Assert.Equal("# A policy\n\nText.\n", PolicyMarkdown.Read("policies/p.md", Policy.Replace("\n", "\r\n"))?.Body);
    }
}
