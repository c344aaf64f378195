using System.Linq;
using Compliance.Model.Diagnostics;
using Compliance.Model.Parsing;

namespace Compliance.Model.Tests;

/// <summary>programme.yaml's site.repository_url: a plain https address, or an error at the value and no link.</summary>
public sealed class SiteSettingsTests
{
    private static (string? Url, Finding[] Findings) Read(string site)
    {
        var file = ProgrammeFileParser.Parse("controls/programme.yaml", $"""
            programme:
              id: acme
              name: Acme
              scope:
                - framework: fw
              site:
                repository_url: {site}

            """);
        return (file.Programme!.RepositoryUrl, file.Findings.ToArray());
    }

    [Theory]
    [InlineData("https://github.com/acme/compliance", "https://github.com/acme/compliance")]
    [InlineData("https://github.com/acme/compliance/", "https://github.com/acme/compliance")]
    [InlineData("https://github.com/acme/compliance.git", "https://github.com/acme/compliance")]
    [InlineData("https://git.example:8443/group/sub/compliance", "https://git.example:8443/group/sub/compliance")]
    public void A_plain_https_address_is_kept_without_a_trailing_slash_or_dot_git(string written, string kept)
    {
        var (url, findings) = Read(written);

        Assert.Equal(kept, url);
        Assert.Empty(findings);
    }

    [Theory]
    [InlineData("http://github.com/acme/compliance")]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://token:x-oauth@github.com/acme/compliance")]
    [InlineData("https://github.com/acme/compliance?tab=readme")]
    [InlineData("https://github.com/acme/compliance#top")]
    [InlineData("https://github.com")]
    [InlineData("\"https://github.com/acme/<b>x</b>\"")]
    [InlineData("github.com/acme/compliance")]
    public void Anything_else_is_an_invalid_value_at_the_field_and_gives_no_address(string written)
    {
        var (url, findings) = Read(written);

        Assert.Null(url);
        var finding = Assert.Single(findings);
        Assert.Equal((Rules.InvalidValue.Id, 7, 21), (finding.RuleId, finding.Location!.Line, finding.Location.Column));
        Assert.Contains("must be the repository's https address on its forge", finding.Message);
    }

    [Fact]
    public void The_site_settings_need_the_address()
    {
        var file = ProgrammeFileParser.Parse("controls/programme.yaml", """
            programme:
              id: acme
              name: Acme
              scope:
                - framework: fw
              site: {}

            """);

        Assert.Null(file.Programme!.RepositoryUrl);
        Assert.Contains(file.Findings, f => f.RuleId == Rules.MissingField.Id);
    }
}
