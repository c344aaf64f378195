using System;
using System.IO;
using System.Linq;
using Compliance.Site.Tests.Infrastructure;

namespace Compliance.Site.Tests.Site;

/// <summary>
/// An item dropped for an invalid field is not evaluated, and the site says so where an auditor looks: a section
/// of the overview, and a row on the controls, policies and vendors lists, each with its file and line. A programme
/// without such items renders as before (the snapshot tests hold that byte for byte).
/// </summary>
public sealed class NotEvaluatedTests
{
    private const string Payload = "<script>alert(1)</script>";

    // CTL-X1 has its title key in the wrong case (line 2); the second control's ID is markup, its status invalid (line 7).
    private const string Controls =
        "controls:\n" +
        "  - id: CTL-X1\n    Title: Title in the wrong case\n    description: Dropped.\n    owner: alice\n    status: implemented\n" +
        "  - id: \"" + Payload + "\"\n    title: Markup in the ID\n    description: Dropped.\n    owner: alice\n    status: sometimes\n";

    private const string Policy =
        "---\nid: POL-X\ntitle: Policy with an invalid interval\nowner: alice\nversion: \"1.0\"\napproved_by: bob\napproved_on: 2026-01-10\nreview_interval_days: often\n---\n# Policy\n\nText.\n";

    private const string Vendors =
        "vendors:\n  - id: vendx\n    name: VendX\n    handles_phi: maybe\n";

    private static FixtureRepo WithIncompleteItems()
    {
        var repo = FixtureRepo.Create("mini");
        File.WriteAllText(Path.Combine(repo.Root, "controls", "extra.yaml"), Controls);
        File.WriteAllText(Path.Combine(repo.Root, "policies", "invalid.md"), Policy);
        File.WriteAllText(Path.Combine(repo.Root, "policies", "more-vendors.yaml"), Vendors);
        repo.Commit("Add items with an invalid field", new DateTimeOffset(2026, 9, 20, 9, 0, 0, TimeSpan.Zero));
        return repo;
    }

    private static string Section(string page, string id)
    {
        var start = page.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No element with id '{id}'.");
        return page.Substring(start, page.IndexOf("</section>", start, StringComparison.Ordinal) - start);
    }

    [Fact]
    public void The_overview_lists_every_item_not_evaluated_with_its_kind_and_file_and_line_in_path_order()
    {
        using var repo = WithIncompleteItems();
        using var output = new TempFolder();
        repo.Render(output.Path);

        var section = Section(File.ReadAllText(output.Combine("index.html")), "index-not-evaluated");
        Assert.Contains("Not evaluated: items with an invalid field <span class=\"count\">4</span>", section, StringComparison.Ordinal);
        var rows = section.Split("<tr>").Skip(2).ToArray();
        Assert.Equal(4, rows.Length);
        Assert.StartsWith("<td>control</td><th scope=\"row\"><span class=\"id\">CTL-X1</span></th><td><code>controls/extra.yaml:2</code></td></tr>", rows[0], StringComparison.Ordinal);
        Assert.StartsWith("<td>control</td><th scope=\"row\"><span class=\"id\">&lt;script&gt;alert(1)&lt;/script&gt;</span></th><td><code>controls/extra.yaml:7</code></td></tr>", rows[1], StringComparison.Ordinal);
        Assert.StartsWith("<td>policy</td><th scope=\"row\"><span class=\"id\">POL-X</span></th><td><code>policies/invalid.md:2</code></td></tr>", rows[2], StringComparison.Ordinal);
        Assert.StartsWith("<td>vendor</td><th scope=\"row\"><span class=\"id\">vendx</span></th><td><code>policies/more-vendors.yaml:2</code></td></tr>", rows[3], StringComparison.Ordinal);
        Assert.Contains("<a href=\"findings.html#errors\">errors</a>", section, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_list_has_a_row_for_each_item_of_its_kind_not_evaluated()
    {
        using var repo = WithIncompleteItems();
        using var output = new TempFolder();
        repo.Render(output.Path);

        const string State = "<span class=\"pill pill-bad\"><span aria-hidden=\"true\">✕ </span>not evaluated (invalid field)</span>";
        var controls = File.ReadAllText(output.Combine("controls/index.html"));
        Assert.Contains($"<tr class=\"not-evaluated\"><th scope=\"row\"><span class=\"id\">CTL-X1</span></th><td colspan=\"4\">{State} <code>controls/extra.yaml:2</code></td></tr>", controls, StringComparison.Ordinal);
        Assert.Contains($"<tr class=\"not-evaluated\"><th scope=\"row\"><span class=\"id\">&lt;script&gt;alert(1)&lt;/script&gt;</span></th><td colspan=\"4\">{State} <code>controls/extra.yaml:7</code></td></tr>", controls, StringComparison.Ordinal);
        Assert.Contains("<dt>Not evaluated</dt><dd>2</dd>", controls, StringComparison.Ordinal);

        var policies = File.ReadAllText(output.Combine("policies/index.html"));
        Assert.Contains($"<tr class=\"not-evaluated\"><th scope=\"row\"><span class=\"id\">POL-X</span></th><td colspan=\"6\">{State} <code>policies/invalid.md:2</code></td></tr>", policies, StringComparison.Ordinal);
        Assert.DoesNotContain("CTL-X1", policies, StringComparison.Ordinal);

        var vendors = File.ReadAllText(output.Combine("vendors.html"));
        Assert.Contains($"<tr class=\"not-evaluated\"><th scope=\"row\"><span class=\"id\">vendx</span></th><td colspan=\"6\">{State} <code>policies/more-vendors.yaml:2</code></td></tr>", vendors, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ID_with_markup_is_inert_text_on_every_page()
    {
        using var repo = WithIncompleteItems();
        using var output = new TempFolder();
        repo.Render(output.Path);

        var pages = SiteSnapshot.Files(output.Path).Where(f => f.EndsWith(".html", StringComparison.Ordinal) || f.EndsWith(".js", StringComparison.Ordinal)).ToList();
        Assert.All(pages, page => Assert.DoesNotContain(Payload, File.ReadAllText(output.Combine(page)), StringComparison.Ordinal));
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", File.ReadAllText(output.Combine("index.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_programme_whose_items_are_all_read_has_no_such_section_or_row()
    {
        using var repo = FixtureRepo.Create("mini");
        using var output = new TempFolder();
        repo.Render(output.Path);

        foreach (var page in new[] { "index.html", "controls/index.html", "policies/index.html", "vendors.html" })
        {
            var html = File.ReadAllText(output.Combine(page));
            Assert.DoesNotContain("not-evaluated", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Not evaluated", html, StringComparison.Ordinal);
        }
    }
}
