using System;
using System.Collections.Generic;
using System.Linq;
using Compliance.Site.Rendering;
using Compliance.Site.Tests.Infrastructure;

namespace Compliance.Site.Tests.Rendering;

/// <summary>
/// The site writes each page as it is rendered and keeps a page's print body only until its print part
/// is written. Holding every printed page's body for the print files took about 260 MB at 32,000 controls.
/// Counted, not timed: at each print part written, a full collection, then the page strings still alive.
/// </summary>
public sealed class PrintBodiesHeldTests
{
    private const int PagesPerPart = 2;

    [Fact]
    public void Rendering_keeps_the_bodies_of_at_most_two_print_parts_alive()
    {
        using var repo = FixtureRepo.Create("mini");
        using var output = new TempFolder();
        var observer = new LiveBodies();
        SiteGenerator.Render(repo.Check(), new SiteOptions(output.Path) { CompareTo = FixtureRepo.Tag, PrintPagesPerPart = PagesPerPart, Observer = observer });

        // The part being written and the part being rendered: two strings (page body, print body) per page.
        var bound = 2 * PagesPerPart * 2;
        Assert.True(observer.Printed > 3 * bound, $"the mini site printed only {observer.Printed} pages: too few to tell a bounded render from one that holds them all");
        Assert.True(observer.Parts > 3, $"only {observer.Parts} print parts were written");
        Assert.True(observer.MostAlive <= bound, $"{observer.MostAlive} page strings were alive when a print part was written (at most {bound} expected)");
    }

    [Fact]
    public void The_count_sees_bodies_that_are_held()
    {
        // The same count over strings this test holds on purpose: it must see them, or the test above proves nothing.
        var observer = new LiveBodies();
        var held = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            var body = new string('x', 100 + i);
            held.Add(body);
            observer.PageRendered($"controls/c{i}.html", body, null);
        }

        observer.PrintPartWritten("print-01.html");
        Assert.Equal(20, observer.MostAlive);
        GC.KeepAlive(held);
    }

    private sealed class LiveBodies : IRenderObserver
    {
        private readonly object _gate = new();
        private readonly List<WeakReference<string>> _strings = new();

        public int Printed { get; private set; }

        public int Parts { get; private set; }

        public int MostAlive { get; private set; }

        public void PageRendered(string path, string body, string? printBody)
        {
            // The period's print page keeps its own pages' bodies by design; the mini fixture has no period.
            lock (_gate)
            {
                _strings.Add(new WeakReference<string>(body));
                if (printBody is not null)
                {
                    _strings.Add(new WeakReference<string>(printBody));
                    Printed++;
                }
            }
        }

        public void PrintPartWritten(string path)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            lock (_gate)
            {
                Parts++;
                MostAlive = Math.Max(MostAlive, _strings.Count(w => w.TryGetTarget(out _)));
            }
        }
    }
}
