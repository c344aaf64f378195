using System;
using System.Text.RegularExpressions;
using Compliance.Cli.Init;
using Xunit;

namespace Compliance.Init.Tests;

public sealed class TemplateRendererTests
{
    [Theory]
    [InlineData("hipaa,soc2")]
    [InlineData("hipaa-security")]
    [InlineData("hipaa-breach")]
    [InlineData("soc2")]
    public void Every_placeholder_of_every_scaffolded_file_is_filled(string frameworks)
    {
        var options = new InitOptions("Acme Health", ProgrammeTemplate.ParseFrameworks(frameworks), new DateOnly(2026, 11, 1), "0.1.0");

        foreach (var file in ProgrammeTemplate.Files(options))
        {
            Assert.False(Regex.IsMatch(file.Content, @"\{\{[a-z_]+\}\}"), $"{file.Path} still has a placeholder.");
        }
    }

    [Fact]
    public void A_placeholder_without_a_value_is_a_bug_in_the_CLI()
    {
        var error = Assert.Throws<InvalidOperationException>(() => TemplateRenderer.Render("people.yaml"));

        Assert.Contains("{{id}}", error.Message);
    }

    [Fact]
    public void A_value_that_no_placeholder_uses_is_a_bug_in_the_CLI()
    {
        var error = Assert.Throws<InvalidOperationException>(() => TemplateRenderer.Render("people.yaml", ("id", "acme"), ("name", "Acme")));

        Assert.Contains("'name'", error.Message);
    }

    [Fact]
    public void A_template_is_filled_in_place()
    {
        var people = TemplateRenderer.Render("people.yaml", ("id", "acme-health"));

        Assert.Contains("email: security@acme-health.example\n", people);
        Assert.DoesNotContain("\r", people);
    }
}
