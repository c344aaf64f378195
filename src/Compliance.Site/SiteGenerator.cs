using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Compliance.Engine;
using Compliance.Site.Configuration;
using Compliance.Site.Git;
using Compliance.Site.Model;
using Compliance.Site.Output;
using Compliance.Site.Rendering;

namespace Compliance.Site;

/// <summary>How to render the site.</summary>
/// <param name="OutputDirectory">Where the site goes: a folder of its own (created if missing; refused if it holds other files).</param>
public sealed record SiteOptions(string OutputDirectory)
{
    /// <summary>The organisation's site/ folder; null means the programme root's site/.</summary>
    public string? SourceDirectory { get; init; }

    /// <summary>What the overview's "what changed" compares with: a tag, branch, commit or YYYY-MM-DD; null means 90 days before the as-of date.</summary>
    public string? CompareTo { get; init; }

    /// <summary>The most printed pages one print file holds before the print splits into parts by section (<see cref="Rendering.PrintPlan"/>).</summary>
    public int PrintPagesPerPart { get; init; } = Rendering.PrintPlan.DefaultPagesPerPart;

    /// <summary>Told of each page's strings and each print part written, for tests; null elsewhere.</summary>
    internal Rendering.IRenderObserver? Observer { get; init; }

    /// <summary>Told of each page written; nowhere by default.</summary>
    public Compliance.Engine.Progress.IWorkProgress Progress { get; init; } = Compliance.Engine.Progress.NoProgress.Instance;
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
    public IReadOnlyList<PhaseTiming> Timings { get; init; } = Array.Empty<PhaseTiming>();

    public string IndexPath => Path.Combine(OutputDirectory, SitePaths.Overview);
}

/// <summary>One phase of a render: its wall-clock and CPU milliseconds (a class, not a tuple: ReadyToRun cannot precompile a framework generic over a struct, issue 15).</summary>
public sealed record PhaseTiming(string Phase, double Milliseconds, double CpuMilliseconds);

/// <summary>
/// Renders the static audit site from one check result: builds the page model, renders every page
/// (in parallel: each page is a pure function of the model) and writes it as it goes, with the print
/// parts (<see cref="PagesWriter"/>) and, meanwhile, the search index and the theme, removes what an
/// earlier run left behind, and commits the output (a fresh folder appears whole, with one rename).
/// The same commit and as-of date give byte-identical files.
/// </summary>
public static class SiteGenerator
{
    public static SiteResult Render(CheckResult result, SiteOptions options)
    {
        var timings = new List<PhaseTiming>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var cpu = Environment.CpuUsage.TotalTime;
        void Lap(string phase)
        {
            var now = Environment.CpuUsage.TotalTime;
            timings.Add(new PhaseTiming(phase, clock.Elapsed.TotalMilliseconds, (now - cpu).TotalMilliseconds));
            cpu = now;
            clock.Restart();
        }

        var root = result.Options.Root;
        // A fresh folder is staged beside the output path until Commit; leaving early removes the staging folder.
        using var output = SiteOutput.Open(options.OutputDirectory, root);
        var config = SiteConfig.Load(options.SourceDirectory ?? Path.Combine(root, "site"));
        SiteModel site;
        using (var git = SiteGit.Open(root))
        {
            site = SiteModelBuilder.Build(result, config, git, options.CompareTo) with { HasCustomCss = config.CustomCss is not null };
        }

        Lap("model");
        var pages = SiteMap.Pages(site);
        var plan = PrintPlan.For(site, pages, options.PrintPagesPerPart);
        var writer = new PagesWriter(site, pages, plan, output, options.Observer);

        // The search index and the theme need only the model: they are written while the pages render, on whatever
        // core the pages leave idle (between print parts, and while a part is written). Clean-up waits for them.
        var assets = Task.Run(() =>
        {
            var index = SearchIndex.Render(site);
            output.Write(SitePaths.SearchIndex, index);
            ThemeAssets.Write(output, config, site);
            return Encoding.UTF8.GetByteCount(index);
        });
        try
        {
            using (var rendered = options.Progress.Start("site pages", pages.Count))
            {
                writer.WriteAll(rendered);
            }

            Lap("pages");

            // The print parts were written with their pages; the print index and the period's print page remain.
            if (plan.IsSplit)
            {
                output.Write(SitePaths.Print, PrintPage.RenderIndex(site, plan));
            }

            if (site.Period is { } period)
            {
                output.Write(SitePaths.PeriodPrint, PeriodPrintPage.Render(site, period, pages, writer.PeriodBodies));
            }
        }
        finally
        {
            BackgroundWork.WaitQuietly(assets);
        }

        var indexBytes = assets.GetAwaiter().GetResult();
        Lap("print index, search index, theme");
        var removed = output.RemoveStale();
        output.Commit();
        Lap("clean-up");
        return new SiteResult(output.Root, pages.Count + plan.Parts.Count + (plan.IsSplit ? 1 : 0) + (site.Period is null ? 0 : 1), output.Files, output.Bytes, indexBytes, writer.Copied, removed, site.Notes) { Timings = timings };
    }
}
