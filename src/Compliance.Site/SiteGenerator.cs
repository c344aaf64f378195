using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
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
        var pages = SiteMap.Pages(site);
        var plan = PrintPlan.For(site, pages, options.PrintPagesPerPart);
        var printed = new string?[pages.Count];
        var periodBodies = new string?[pages.Count];
        var shell = new PageShell(site);
        var copied = 0;
        using var rendered = options.Progress.Start("site pages", pages.Count);
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
                printed[i] = PrintLinks.Rewrite(body.Value, page.Path, plan);
            }

            if (PeriodPrintPage.Holds(page.Path))
            {
                periodBodies[i] = body.Value;
            }

            output.Write(page.Path, shell.Parts(ctx, page.Title, page.Section, page.Crumbs, body));
            rendered.Advance();
        });

        Lap("pages");

        // The print page is one long write on this thread; the search index and the theme are written
        // on the other core meanwhile. Clean-up waits for both.
        var assets = Task.Run(() =>
        {
            var index = SearchIndex.Render(site);
            output.Write(SitePaths.SearchIndex, index);
            ThemeAssets.Write(output, config, site);
            return Encoding.UTF8.GetByteCount(index);
        });
        try
        {
            var bodyOf = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < pages.Count; i++)
            {
                if (printed[i] is { } text)
                {
                    bodyOf[pages[i].Path] = text;
                }
            }

            foreach (var part in plan.Parts)
            {
                output.Write(part.Path, PrintPage.Render(site, plan, part, bodyOf));
            }

            if (plan.IsSplit)
            {
                output.Write(SitePaths.Print, PrintPage.RenderIndex(site, plan));
            }

            if (site.Period is { } period)
            {
                output.Write(SitePaths.PeriodPrint, PeriodPrintPage.Render(site, period, pages, periodBodies));
            }
        }
        finally
        {
            WaitQuietly(assets);
        }

        var indexBytes = assets.GetAwaiter().GetResult();
        Lap("print page, index, theme");
        var removed = output.RemoveStale();
        Lap("clean-up");
        return new SiteResult(output.Root, pages.Count + plan.Parts.Count + (plan.IsSplit ? 1 : 0) + (site.Period is null ? 0 : 1), output.Files, output.Bytes, indexBytes, copied, removed, site.Notes) { Timings = timings };
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
}
