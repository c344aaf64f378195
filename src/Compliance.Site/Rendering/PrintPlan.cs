using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Compliance.Site.Model;

namespace Compliance.Site.Rendering;

/// <summary>
/// Which printed page goes in which print file. Up to <see cref="DefaultPagesPerPart"/> printed pages
/// are one print page (print.html), as before. Beyond that, print.html is an index and each section of
/// the site (the overview, each framework with its requirements, the crosswalk, the controls, the
/// registers, the policies, the people) is a part of its own, print-01.html, print-02.html and so on,
/// itself cut into parts of at most that many pages. Decided from the site map alone, before any page is
/// rendered, so each page's links can be rewritten once, to the part that holds their target.
/// </summary>
internal sealed class PrintPlan
{
    /// <summary>The documented limit (README, "Can I print the whole site?"): about 4.6 MB of HTML at the benchmark programme's 4.6 KB per printed page (19 MB for its 4,211 at 2,000 controls).</summary>
    public const int DefaultPagesPerPart = 1000;

    private readonly Dictionary<string, PrintPart> _partOf = new(StringComparer.Ordinal);

    private PrintPlan(List<SitePage> order, List<PrintPart> parts, int pagesPerPart)
    {
        PagesPerPart = pagesPerPart;
        Order = order;
        Parts = parts;
        foreach (var part in parts)
        {
            foreach (var page in part.Pages)
            {
                _partOf[page.Path] = part;
            }
        }
    }

    /// <summary>The most printed pages one print file holds.</summary>
    public int PagesPerPart { get; }

    /// <summary>Every printed page in reading order.</summary>
    public IReadOnlyList<SitePage> Order { get; }

    /// <summary>The print files: one (print.html itself) when the site is small enough, else the parts the index lists.</summary>
    public IReadOnlyList<PrintPart> Parts { get; }

    public bool IsSplit => Parts.Count > 1 || (Parts.Count == 1 && Parts[0].Path != SitePaths.Print);

    public PrintPart? PartOf(string pagePath) => _partOf.TryGetValue(pagePath, out var part) ? part : null;

    /// <summary>
    /// Where a printed copy of a page links to a target page: an in-page anchor when the target is in the
    /// same print file, the other part's file and anchor when it is in another, the page itself when it is
    /// printed nowhere.
    /// </summary>
    /// <remarks>Appended, not returned: every link of every printed page comes here (issue 15).</remarks>
    public bool AppendHref(StringBuilder output, string fromPage, string targetPage, ReadOnlySpan<char> fragment, bool hasFragment)
    {
        if (IsSplit)
        {
            var target = PartOf(targetPage);
            if (target is null)
            {
                output.Append(targetPage);
                if (hasFragment)
                {
                    output.Append('#').Append(fragment);
                }

                return true;
            }

            if (!ReferenceEquals(target, PartOf(fromPage)))
            {
                output.Append(target.Path);
            }
        }

        PageRef.AppendAnchor(output, targetPage, fragment, hasFragment);
        return true;
    }

    public static PrintPlan For(SiteModel site, List<SitePage> pages, int pagesPerPart = DefaultPagesPerPart)
    {
        if (pagesPerPart < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(pagesPerPart), pagesPerPart, "A print part holds at least one page.");
        }

        var sections = Sections(site, pages);
        var order = sections.SelectMany(s => s.Pages).ToList();
        if (order.Count <= pagesPerPart)
        {
            return new PrintPlan(order, new List<PrintPart> { new(SitePaths.Print, "Everything", 1, 1, order) }, pagesPerPart);
        }

        var parts = new List<PrintPart>();
        foreach (var (title, sectionPages) in sections.Where(s => s.Pages.Count > 0))
        {
            var count = (sectionPages.Count + pagesPerPart - 1) / pagesPerPart;
            for (var i = 0; i < count; i++)
            {
                var path = string.Create(CultureInfo.InvariantCulture, $"print-{parts.Count + 1:00}.html");
                parts.Add(new PrintPart(path, title, i + 1, count, sectionPages.Skip(i * pagesPerPart).Take(pagesPerPart).ToList()));
            }
        }

        return new PrintPlan(order, parts, pagesPerPart);
    }

    /// <summary>The printed pages by section, in reading order; each page at most once, in the first section that takes it.</summary>
    private static List<(string Title, List<SitePage> Pages)> Sections(SiteModel site, List<SitePage> pages)
    {
        // A flag per page index keeps this linear: asking a growing list whether it holds a page compared every record with every other.
        var taken = new bool[pages.Count];
        var sections = new List<(string Title, List<SitePage> Pages)>();
        List<SitePage> Section(string title)
        {
            var list = new List<SitePage>();
            sections.Add((title, list));
            return list;
        }

        void Take(List<SitePage> into, Func<SitePage, bool> which)
        {
            for (var i = 0; i < pages.Count; i++)
            {
                if (!taken[i] && which(pages[i]))
                {
                    taken[i] = true;
                    if (PageContext.IsPrinted(pages[i].Path) && pages[i].Artifact is null)
                    {
                        into.Add(pages[i]);
                    }
                }
            }
        }

        var overview = Section("Overview and findings");
        Take(overview, p => p.Path == SitePaths.Overview);
        Take(overview, p => p.Path == SitePaths.Findings);
        foreach (var framework in site.Frameworks)
        {
            var section = Section(framework.Title);
            Take(section, p => p.Path == framework.Page.Path);
            var requirementPaths = new HashSet<string>(framework.Requirements.Select(r => r.Page.Path), StringComparer.Ordinal);
            Take(section, p => requirementPaths.Contains(p.Path));
        }

        Take(Section("Crosswalk"), p => p.Path == SitePaths.Crosswalk);
        var controls = Section("Controls");
        Take(controls, p => p.Path == SitePaths.Controls);
        Take(controls, p => p.Path.StartsWith("controls/", StringComparison.Ordinal));
        var registers = Section("Vendors, deploy gate, incidents and encryption");
        Take(registers, p => p.Path == SitePaths.Vendors);
        Take(registers, p => p.Path == SitePaths.AuditLog);
        Take(registers, p => p.Path == SitePaths.Incidents);
        Take(registers, p => p.Path == SitePaths.Encryption);
        var policies = Section("Policies");
        Take(policies, p => p.Path == SitePaths.Policies);
        Take(policies, p => p.Path.StartsWith("policies/", StringComparison.Ordinal));
        Take(Section("People"), p => p.Path == SitePaths.People);
        var period = Section("Audit period");
        Take(period, p => p.Path == SitePaths.Period);
        Take(period, p => PeriodPrintPage.Holds(p.Path));
        return sections;
    }
}

/// <summary>One print file: its path, the section it prints, which part of that section it is, and its pages.</summary>
internal sealed record PrintPart(string Path, string Section, int Number, int Of, IReadOnlyList<SitePage> Pages)
{
    public string Title => Of == 1 ? Section : string.Create(CultureInfo.InvariantCulture, $"{Section} (part {Number} of {Of})");
}
