using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Compliance.Engine.Progress;
using Compliance.Site.Model;
using Compliance.Site.Output;

namespace Compliance.Site.Rendering;

/// <summary>
/// Renders every page of the site map and writes it as soon as it is rendered. The print files are
/// built part by part of the <see cref="PrintPlan"/>: a part's pages are rendered together, their
/// print bodies kept only until that part is written, and the part is written on another thread while
/// the next part renders. So at most two parts' bodies are alive at once, whatever the site's size,
/// and no page is rendered twice. Pages that no print file holds are rendered first.
/// </summary>
internal sealed class PagesWriter
{
    private readonly SiteModel _site;
    private readonly List<SitePage> _pages;
    private readonly PrintPlan _plan;
    private readonly SiteOutput _output;
    private readonly PageShell _shell;
    private readonly IRenderObserver? _observer;
    private readonly ParallelOptions _parallel = new() { MaxDegreeOfParallelism = Environment.ProcessorCount * 4 };
    private int _copied;

    public PagesWriter(SiteModel site, List<SitePage> pages, PrintPlan plan, SiteOutput output, IRenderObserver? observer)
    {
        _site = site;
        _pages = pages;
        _plan = plan;
        _output = output;
        _observer = observer;
        _shell = new PageShell(site);
        PeriodBodies = new string?[pages.Count];
    }

    /// <summary>How many artifacts were copied next to their pages.</summary>
    public int Copied => _copied;

    /// <summary>Each page's body where the period's print page holds it (null elsewhere), by page index.</summary>
    public string?[] PeriodBodies { get; }

    /// <summary>Renders and writes every page, and every part of the print plan.</summary>
    public void WriteAll(IProgressCounter rendered)
    {
        var indexOf = new Dictionary<string, int>(_pages.Count, StringComparer.Ordinal);
        for (var i = 0; i < _pages.Count; i++)
        {
            indexOf[_pages[i].Path] = i;
        }

        var inPart = new bool[_pages.Count];
        foreach (var part in _plan.Parts)
        {
            foreach (var page in part.Pages)
            {
                inPart[indexOf[page.Path]] = true;
            }
        }

        var unprinted = new List<int>();
        for (var i = 0; i < _pages.Count; i++)
        {
            if (!inPart[i])
            {
                unprinted.Add(i);
            }
        }

        Parallel.For(0, unprinted.Count, _parallel, j =>
        {
            WritePage(unprinted[j]);
            rendered.Advance();
        });

        Task? writing = null;
        try
        {
            foreach (var part in _plan.Parts)
            {
                var bodies = new string[part.Pages.Count];
                Parallel.For(0, part.Pages.Count, _parallel, j =>
                {
                    bodies[j] = WritePage(indexOf[part.Pages[j].Path])!;
                    rendered.Advance();
                });

                // One part is written while the next renders; waiting here keeps it to one.
                writing?.GetAwaiter().GetResult();
                writing = Task.Run(() => WritePart(part, bodies));
            }
        }
        finally
        {
            BackgroundWork.WaitQuietly(writing);
        }

        writing?.GetAwaiter().GetResult();
    }

    /// <summary>Renders one page and writes it; returns its print body when a print part holds it.</summary>
    private string? WritePage(int index)
    {
        var page = _pages[index];
        var ctx = new PageContext(_site, page.Path);
        byte[]? content = null;
        if (page.Artifact is { CopyPath: { } copyPath } artifact)
        {
            content = ReadVerified(artifact);
            _output.Write(copyPath, content);
            Interlocked.Increment(ref _copied);
        }

        var body = page.Artifact is { } a ? EvidencePage.Body(ctx, a, content) : page.Body(ctx);
        var printBody = _plan.PartOf(page.Path) is null ? null : PrintLinks.Rewrite(body.Value, page.Path, _plan);
        if (PeriodPrintPage.Holds(page.Path))
        {
            PeriodBodies[index] = body.Value;
        }

        _output.Write(page.Path, _shell.Parts(ctx, page.Title, page.Section, page.Crumbs, body));
        _observer?.PageRendered(page.Path, body.Value, printBody);
        return printBody;
    }

    private void WritePart(PrintPart part, string[] bodies)
    {
        _output.Write(part.Path, PrintPage.Render(_site, _plan, part, bodies));
        _observer?.PrintPartWritten(part.Path);
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
