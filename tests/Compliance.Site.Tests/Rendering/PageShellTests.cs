using System.IO;
using System.Linq;
using Compliance.Site.Configuration;
using Compliance.Site.Git;
using Compliance.Site.Model;
using Compliance.Site.Rendering;
using Compliance.Site.Tests.Infrastructure;
using static Compliance.Site.Html.Html;

namespace Compliance.Site.Tests.Rendering;

/// <summary>Pages are written from shell parts shared per folder depth and section; each page must still get exactly the shell it would render alone.</summary>
public sealed class PageShellTests
{
    [Fact]
    public void Shared_shell_parts_join_to_the_whole_page_on_every_kind_of_page()
    {
        using var repo = FixtureRepo.Create("mini");
        SiteModel site;
        using (var git = SiteGit.Open(repo.Root))
        {
            site = SiteModelBuilder.Build(repo.Check(), SiteConfig.Load(Path.Combine(repo.Root, "site")), git, FixtureRepo.Tag);
        }

        // Ordinary pages first at every depth, so the pages the shell links to meet a filled cache.
        var ordinary = new[] { SitePaths.Crosswalk, site.Controls[0].Page.Path, site.Artifacts[0].Viewer.Path, SitePaths.Vendors, site.Policies[0].Page.Path };
        var linked = Layout.ShellLinks(site).Distinct().ToList();
        Assert.Contains(SitePaths.Controls, linked);
        Assert.Contains(site.ExtraPages[0].Page.Path, linked);

        var shell = new PageShell(site);
        var crumbs = new[] { new Crumb("Overview", new PageRef(SitePaths.Overview)), new Crumb("Here") };
        var body = Raw("<p>body</p>");
        foreach (var section in new[] { Section.Controls, Section.Overview, Section.None })
        {
            foreach (var path in ordinary.Concat(linked))
            {
                var ctx = new PageContext(site, path);
                var whole = Layout.Page(ctx, "A <title>", section, crumbs, body).Value;
                Assert.Equal(whole, string.Concat(shell.Parts(ctx, "A <title>", section, crumbs, body)));
            }
        }
    }
}
