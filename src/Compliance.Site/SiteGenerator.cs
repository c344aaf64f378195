using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Compliance.Engine;
using Compliance.Site.Configuration;
using Compliance.Site.Git;
using Compliance.Site.Html;
using Compliance.Site.Model;
using Compliance.Site.Output;
using Compliance.Site.Rendering;
using static Compliance.Site.Html.Html;

namespace Compliance.Site;

/// <summary>How to render the site.</summary>
/// <param name="OutputDirectory">Where the site goes: a folder of its own (created if missing; refused if it holds other files).</param>
public sealed record SiteOptions(string OutputDirectory)
{
    /// <summary>The organisation's site/ folder; null means the programme root's site/.</summary>
    public string? SourceDirectory { get; init; }

    /// <summary>What the overview's "what changed" compares with: a tag, branch, commit or YYYY-MM-DD; null means 90 days before the as-of date.</summary>
    public string? CompareTo { get; init; }
}

/// <summary>What was written.</summary>
public sealed record SiteResult(
    string OutputDirectory,
    int Pages,
    int Files,
    long Bytes,
    long SearchIndexBytes,
    int CopiedArtifacts,
    int RemovedFiles,
    IReadOnlyList<string> Warnings)
{
    /// <summary>
    /// How long each phase took, for the benchmark: wall clock, and the CPU time of the whole process
    /// meanwhile, which other load on a shared machine does not inflate. Never written into the site.
    /// </summary>
    public IReadOnlyList<(string Phase, double Milliseconds, double CpuMilliseconds)> Timings { get; init; } = Array.Empty<(string, double, double)>();

    public string IndexPath => Path.Combine(OutputDirectory, SitePaths.Overview);
}

/// <summary>
/// Renders the static audit site from one check result: builds the page model, renders every page
/// (in parallel: each page is a pure function of the model), copies the artifacts that may be copied
/// after checking their SHA-256 again, writes the search index and the theme, and removes what an
/// earlier run left behind. The same commit and as-of date give byte-identical files.
/// </summary>
public static class SiteGenerator
{
    public static SiteResult Render(CheckResult result, SiteOptions options)
    {
        var timings = new List<(string, double, double)>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var cpu = Environment.CpuUsage.TotalTime;
        void Lap(string phase)
        {
            var now = Environment.CpuUsage.TotalTime;
            timings.Add((phase, clock.Elapsed.TotalMilliseconds, (now - cpu).TotalMilliseconds));
            cpu = now;
            clock.Restart();
        }

        var root = result.Options.Root;
        var output = SiteOutput.Open(options.OutputDirectory, root);
        var config = SiteConfig.Load(options.SourceDirectory ?? Path.Combine(root, "site"));
        SiteModel site;
        using (var git = SiteGit.Open(root))
        {
            site = SiteModelBuilder.Build(result, config, git, options.CompareTo) with { HasCustomCss = config.CustomCss is not null };
        }

        Lap("model");
        var pages = Pages(site);
        var printed = new string?[pages.Count];
        var shell = new PageShell(site);
        var copied = 0;
        Parallel.For(0, pages.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount * 4 }, i =>
        {
            var page = pages[i];
            var ctx = new PageContext(site, page.Path);
            byte[]? content = null;
            if (page.Artifact is { CopyPath: { } copyPath } artifact)
            {
                content = ReadVerified(artifact);
                output.Write(copyPath, content);
                System.Threading.Interlocked.Increment(ref copied);
            }

            var body = page.Artifact is { } a ? EvidencePage.Body(ctx, a, content) : page.Body(ctx);
            if (PageContext.IsPrinted(page.Path) && page.Artifact is null)
            {
                printed[i] = PrintLinks.Rewrite(body.Value, page.Path);
            }

            output.Write(page.Path, shell.Parts(ctx, page.Title, page.Section, page.Crumbs, body));
        });

        Lap("pages");

        // The print page is one long write on this thread; the search index and the theme are written
        // on the other core meanwhile. Clean-up waits for both.
        var assets = Task.Run(() =>
        {
            var index = SearchIndex.Render(site);
            output.Write(SitePaths.SearchIndex, index);
            WriteTheme(output, config, site);
            return Encoding.UTF8.GetByteCount(index);
        });
        try
        {
            output.Write(SitePaths.Print, PrintPage(site, pages, printed));
        }
        finally
        {
            WaitQuietly(assets);
        }

        var indexBytes = assets.GetAwaiter().GetResult();
        Lap("print page, index, theme");
        var removed = output.RemoveStale();
        Lap("clean-up");
        return new SiteResult(output.Root, pages.Count + 1, output.Files, output.Bytes, indexBytes, copied, removed, site.Notes) { Timings = timings };
    }

    /// <summary>Waits for a task whose failure, if any, is reported elsewhere or is overtaken by another.</summary>
    private static void WaitQuietly(Task task)
    {
        try
        {
            task.Wait();
        }
        catch (AggregateException)
        {
            // Observed by the caller through GetResult, or an exception is already on its way out.
        }
    }

    private sealed record Page(string Path, string Title, Section Section, IReadOnlyList<Crumb> Crumbs, Func<PageContext, HtmlString> Body, ArtifactModel? Artifact = null);

    private static List<Page> Pages(SiteModel site)
    {
        var overview = new Crumb("Overview", new PageRef(SitePaths.Overview));
        var frameworks = new Crumb("Frameworks", new PageRef(SitePaths.Frameworks));
        var controls = new Crumb("Controls", new PageRef(SitePaths.Controls));
        var policies = new Crumb("Policies", new PageRef(SitePaths.Policies));
        var pages = new List<Page>
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
            pages.Add(new Page(eventPage.Page.Path, title, Section.AuditLog, new[] { overview, auditLog, new Crumb(title) }, ctx => AuditLogPage.EventsPage(ctx, site.AuditLog, eventPage)));
        }

        foreach (var framework in site.Frameworks)
        {
            pages.Add(new Page(framework.Page.Path, framework.Title, Section.Frameworks, new[] { overview, frameworks, new Crumb(framework.Title) }, ctx => FrameworkPages.Framework(ctx, framework)));
            foreach (var requirement in framework.Requirements)
            {
                var trail = new List<Crumb> { overview, frameworks, new(framework.Title, framework.Page) };
                trail.Add(new Crumb(requirement.Id));
                pages.Add(new Page(requirement.Page.Path, $"{requirement.Id} {requirement.Title}", Section.Frameworks, trail, ctx => FrameworkPages.Requirement(ctx, requirement)));
            }
        }

        var ownerOf = new Dictionary<string, ControlModel>(StringComparer.Ordinal);
        foreach (var control in site.Controls)
        {
            pages.Add(new Page(control.Page.Path, $"{control.Id} {control.Title}", Section.Controls, new[] { overview, controls, new Crumb(control.Id) }, ctx => ControlPages.Control(ctx, control)));
            foreach (var artifact in control.Evidence.SelectMany(e => e.Artifacts))
            {
                ownerOf.TryAdd(artifact.Viewer.Path, control);
            }
        }

        foreach (var policy in site.Policies)
        {
            pages.Add(new Page(policy.Page.Path, $"{policy.Id} {policy.Title}", Section.Policies, new[] { overview, policies, new Crumb(policy.Id) }, ctx => PolicyPages.Policy(ctx, policy)));
        }

        foreach (var artifact in site.Artifacts)
        {
            IReadOnlyList<Crumb> trail = ownerOf.TryGetValue(artifact.Viewer.Path, out var control)
                ? new[] { overview, controls, new Crumb(control.Id, control.Page), new Crumb(artifact.FileName) }
                : artifact.SidecarPath is null
                    ? new[] { overview, new Crumb("BAA registry", site.Vendors.Page), new Crumb(artifact.FileName) }
                    : new[] { overview, controls, new Crumb(artifact.FileName) };
            pages.Add(new Page(artifact.Viewer.Path, artifact.FileName, artifact.SidecarPath is null ? Section.Vendors : Section.Controls, trail, _ => HtmlString.Empty, artifact));
        }

        foreach (var extra in site.ExtraPages)
        {
            pages.Add(new Page(extra.Page.Path, extra.Title, Section.None, new[] { overview, new Crumb(extra.Title) }, ctx => RegistryPages.Extra(ctx, extra)));
        }

        return pages;
    }

    /// <summary>Every printed page in reading order, one section each, links between them turned into in-page anchors.</summary>
    private static IEnumerable<string> PrintPage(SiteModel site, List<Page> pages, string?[] printed)
    {
        var bodyOf = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < pages.Count; i++)
        {
            if (printed[i] is { } text)
            {
                bodyOf[pages[i].Path] = text;
            }
        }

        // Each page at most once, in the first group that takes it. A flag per page index keeps this
        // linear: asking the growing list whether it holds a page compared every record with every other.
        var order = new List<Page>();
        var taken = new bool[pages.Count];
        void Take(Func<Page, bool> which)
        {
            for (var i = 0; i < pages.Count; i++)
            {
                if (!taken[i] && which(pages[i]))
                {
                    taken[i] = true;
                    order.Add(pages[i]);
                }
            }
        }

        Take(p => p.Path == SitePaths.Overview);
        Take(p => p.Path == SitePaths.Findings);
        foreach (var framework in site.Frameworks)
        {
            Take(p => p.Path == framework.Page.Path);
            var requirementPaths = new HashSet<string>(framework.Requirements.Select(r => r.Page.Path), StringComparer.Ordinal);
            Take(p => requirementPaths.Contains(p.Path));
        }

        Take(p => p.Path == SitePaths.Crosswalk);
        Take(p => p.Path == SitePaths.Controls);
        Take(p => p.Path.StartsWith("controls/", StringComparison.Ordinal));
        Take(p => p.Path == SitePaths.Vendors);
        Take(p => p.Path == SitePaths.AuditLog);
        Take(p => p.Path == SitePaths.Incidents);
        Take(p => p.Path == SitePaths.Encryption);
        Take(p => p.Path == SitePaths.Policies);
        Take(p => p.Path.StartsWith("policies/", StringComparison.Ordinal));
        Take(p => p.Path == SitePaths.People);
        order.RemoveAll(p => !PageContext.IsPrinted(p.Path) || p.Artifact is not null);

        var bodies = new string[order.Count];
        for (var i = 0; i < order.Count; i++)
        {
            var page = order[i];
            var minor = page.Path.StartsWith("requirements/", StringComparison.Ordinal)
                || (page.Path.StartsWith("controls/", StringComparison.Ordinal) && page.Path != SitePaths.Controls)
                || (page.Path.StartsWith("policies/", StringComparison.Ordinal) && page.Path != SitePaths.Policies);
            var open = H($"<section class=\"{(minor ? "print-page minor" : "print-page")}\" id=\"{PageRef.PageIdOf(page.Path)}\" aria-label=\"{page.Title}\">").Value;
            bodies[i] = open + bodyOf[page.Path] + "</section>\n";
        }

        var printCtx = new PageContext(site, SitePaths.Print);
        var toc = new HtmlWriter(order.Count * 120 + 1024);
        toc.Append($"<header class=\"page-head print-cover\"><p class=\"eyebrow\">Everything, on one page</p><h1>{site.Identity.ProgrammeName}: the whole programme</h1><p class=\"lede\">Every page of this site in reading order, for printing or saving as one PDF. Use the browser's Print command; the print stylesheet starts each major section on a new page.</p></header>");
        toc.Append($"<nav class=\"toc\" aria-label=\"Contents\"><h2>Contents</h2><ol>");
        foreach (var page in order.Where(p => !p.Path.StartsWith("requirements/", StringComparison.Ordinal) && !(p.Path.StartsWith("controls/", StringComparison.Ordinal) && p.Path != SitePaths.Controls) && !(p.Path.StartsWith("policies/", StringComparison.Ordinal) && p.Path != SitePaths.Policies)))
        {
            toc.Append($"<li><a href=\"{SafeUrl.Internal("#" + PageRef.PageIdOf(page.Path))}\">{page.Title}</a></li>");
        }

        toc.Append($"</ol></nav>");
        var shell = Layout.Page(printCtx, "Print everything", Section.Print, new[] { new Crumb("Overview", new PageRef(SitePaths.Overview)), new Crumb("Print everything") }, Raw("\u0000BODY\u0000")).Value;
        var split = shell.IndexOf("\u0000BODY\u0000", StringComparison.Ordinal);
        yield return shell.Substring(0, split);
        yield return toc.ToString();
        foreach (var body in bodies)
        {
            yield return body;
        }

        yield return shell.Substring(split + "\u0000BODY\u0000".Length);
    }

    /// <summary>Reads a copyable artifact and checks its SHA-256 again, so that the copy is the file the page describes.</summary>
    private static byte[] ReadVerified(ArtifactModel artifact)
    {
        var bytes = File.ReadAllBytes(artifact.FullPath!);
        var digest = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var expected = artifact.RecordedSha256 ?? artifact.ActualSha256;
        if (!string.Equals(digest, expected, StringComparison.Ordinal))
        {
            throw new SiteException($"'{artifact.Path}' changed while the site was rendered (its SHA-256 is now {digest}); render the site again.");
        }

        return bytes;
    }

    private static void WriteTheme(SiteOutput output, SiteConfig config, SiteModel site)
    {
        var css = new StringBuilder(Resource("theme/site.css"));
        css.Append("\n/* Bar widths: one class per percentage, because the Content-Security-Policy forbids inline styles. */\n");
        for (var i = 0; i <= 100; i++)
        {
            css.Append(CultureInfo.InvariantCulture, $".w-{i}{{width:{i}%}}");
            css.Append(i % 10 == 9 ? "\n" : string.Empty);
        }

        css.Append('\n');
        output.Write("assets/site.css", css.ToString());
        output.Write("assets/print.css", Resource("theme/print.css"));
        output.Write("assets/site.js", Resource("theme/site.js"));
        output.Write("assets/favicon.svg", Resource("theme/favicon.svg"));
        if (config.CustomCss is { } custom)
        {
            output.Write("assets/custom.css", custom.Replace("\r\n", "\n"));
        }

        if (config.LogoSource is { } logo && site.Identity.LogoPath is { } logoPath)
        {
            output.Write(logoPath, File.ReadAllBytes(logo));
        }
    }

    private static string Resource(string name)
    {
        using var stream = typeof(SiteGenerator).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The theme resource '{name}' is missing from {typeof(SiteGenerator).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().Replace("\r\n", "\n");
    }
}
