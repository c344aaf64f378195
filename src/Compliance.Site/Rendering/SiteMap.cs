using System;
using System.Collections.Generic;
using System.Linq;
using Compliance.Site.Html;
using Compliance.Site.Model;

namespace Compliance.Site.Rendering;

/// <summary>One page of the site: where it goes, its title and trail, and how its body is rendered (an artifact's viewer renders from the artifact).</summary>
internal sealed record SitePage(string Path, string Title, Section Section, IReadOnlyList<Crumb> Crumbs, Func<PageContext, HtmlString> Body, ArtifactModel? Artifact = null);

/// <summary>The site map: every page of the site, in the order they are rendered, with its title and trail.</summary>
internal static class SiteMap
{
    public static List<SitePage> Pages(SiteModel site)
    {
        var overview = new Crumb("Overview", new PageRef(SitePaths.Overview));
        var frameworks = new Crumb("Frameworks", new PageRef(SitePaths.Frameworks));
        var controls = new Crumb("Controls", new PageRef(SitePaths.Controls));
        var policies = new Crumb("Policies", new PageRef(SitePaths.Policies));
        var pages = new List<SitePage>
        {
            new(SitePaths.Overview, "Overview", Section.Overview, Array.Empty<Crumb>(), OverviewPage.Body),
            new(SitePaths.Frameworks, "Frameworks", Section.Frameworks, new[] { overview, new Crumb("Frameworks") }, FrameworkPages.Index),
            new(SitePaths.Crosswalk, "Crosswalk", Section.Crosswalk, new[] { overview, new Crumb("Crosswalk") }, CrosswalkPage.Body),
            new(SitePaths.Controls, "Controls", Section.Controls, new[] { overview, new Crumb("Controls") }, ControlPages.Index),
            new(SitePaths.Vendors, "BAA registry", Section.Vendors, new[] { overview, new Crumb("BAA registry") }, VendorsPage.Body),
            new(SitePaths.AuditLog, "Deploy gate and audit log", Section.AuditLog, new[] { overview, new Crumb("Deploy gate and audit log") }, AuditLogPage.Body),
            new(SitePaths.Incidents, "Incidents and breach clocks", Section.Incidents, new[] { overview, new Crumb("Incidents") }, IncidentsPage.Body),
            new(SitePaths.Encryption, "Encryption verification", Section.Encryption, new[] { overview, new Crumb("Encryption verification") }, EncryptionPage.Body),
            new(SitePaths.Policies, "Policies", Section.Policies, new[] { overview, new Crumb("Policies") }, PolicyPages.Index),
            new(SitePaths.People, "People", Section.People, new[] { overview, new Crumb("People") }, RegistryPages.People),
            new(SitePaths.Findings, "Findings", Section.Findings, new[] { overview, new Crumb("Findings") }, RegistryPages.FindingsPage),
            new(SitePaths.Rules, "Rule catalog", Section.None, new[] { overview, new Crumb("Rule catalog") }, RegistryPages.Rules),
        };

        var auditLog = new Crumb("Deploy gate and audit log", new PageRef(SitePaths.AuditLog));
        foreach (var eventPage in site.AuditLog.EventPages)
        {
            var title = $"Audit log, lines {eventPage.FirstLine.ToString(System.Globalization.CultureInfo.InvariantCulture)}–{eventPage.LastLine.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
            pages.Add(new SitePage(eventPage.Page.Path, title, Section.AuditLog, new[] { overview, auditLog, new Crumb(title) }, ctx => AuditLogPage.EventsPage(ctx, site.AuditLog, eventPage)));
        }

        foreach (var framework in site.Frameworks)
        {
            pages.Add(new SitePage(framework.Page.Path, framework.Title, Section.Frameworks, new[] { overview, frameworks, new Crumb(framework.Title) }, ctx => FrameworkPages.Framework(ctx, framework)));
            foreach (var requirement in framework.Requirements)
            {
                var trail = new List<Crumb> { overview, frameworks, new(framework.Title, framework.Page) };
                trail.Add(new Crumb(requirement.Id));
                pages.Add(new SitePage(requirement.Page.Path, $"{requirement.Id} {requirement.Title}", Section.Frameworks, trail, ctx => FrameworkPages.Requirement(ctx, requirement)));
            }
        }

        var ownerOf = new Dictionary<string, ControlModel>(StringComparer.Ordinal);
        foreach (var control in site.Controls)
        {
            pages.Add(new SitePage(control.Page.Path, $"{control.Id} {control.Title}", Section.Controls, new[] { overview, controls, new Crumb(control.Id) }, ctx => ControlPages.Control(ctx, control)));
            foreach (var artifact in control.Evidence.SelectMany(e => e.Artifacts))
            {
                ownerOf.TryAdd(artifact.Viewer.Path, control);
            }
        }

        foreach (var policy in site.Policies)
        {
            pages.Add(new SitePage(policy.Page.Path, $"{policy.Id} {policy.Title}", Section.Policies, new[] { overview, policies, new Crumb(policy.Id) }, ctx => PolicyPages.Policy(ctx, policy)));
        }

        foreach (var artifact in site.Artifacts)
        {
            IReadOnlyList<Crumb> trail = ownerOf.TryGetValue(artifact.Viewer.Path, out var control)
                ? new[] { overview, controls, new Crumb(control.Id, control.Page), new Crumb(artifact.FileName) }
                : artifact.SidecarPath is null
                    ? new[] { overview, new Crumb("BAA registry", site.Vendors.Page), new Crumb(artifact.FileName) }
                    : new[] { overview, controls, new Crumb(artifact.FileName) };
            pages.Add(new SitePage(artifact.Viewer.Path, artifact.FileName, artifact.SidecarPath is null ? Section.Vendors : Section.Controls, trail, _ => HtmlString.Empty, artifact));
        }

        if (site.Period is { } period)
        {
            var periodCrumb = new Crumb("Audit period", period.Page);
            pages.Add(new SitePage(period.Page.Path, $"Audit period {period.Result.Period}", Section.Period, new[] { overview, new Crumb("Audit period") }, ctx => PeriodPage.Body(ctx, period)));
            foreach (var population in period.Populations)
            {
                pages.Add(new SitePage(population.Page.Path, population.Population.Title, Section.Period, new[] { overview, periodCrumb, new Crumb(population.Population.Title) }, ctx => PopulationPage.Body(ctx, period, population)));
            }
        }

        foreach (var extra in site.ExtraPages)
        {
            pages.Add(new SitePage(extra.Page.Path, extra.Title, Section.None, new[] { overview, new Crumb(extra.Title) }, ctx => RegistryPages.Extra(ctx, extra)));
        }

        // Paths are unique by construction (SiteLinks); a repeat here is a bug, caught before anything is written.
        var repeated = pages.GroupBy(p => p.Path, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw new InvalidOperationException($"Two pages of the site have the path '{repeated.Key}': {string.Join(" and ", repeated.Select(p => p.Title))}.");
        }

        return pages;
    }
}
