using System.Linq;
using Compliance.Engine.Period;
using Compliance.Engine.Sampling;
using Compliance.Site.Html;
using Compliance.Site.Model;
using static Compliance.Site.Html.Html;
using static Compliance.Site.Rendering.Components;

namespace Compliance.Site.Rendering;

/// <summary>One population of the period and its sample: how it was drawn, each sampled item with the evidence that covers it, then every item.</summary>
public static class PopulationPage
{
    public static HtmlString Body(PageContext ctx, PeriodModel period, PopulationPageModel model)
    {
        var population = model.Population;
        var sample = model.Sample;
        var seed = period.Result.Samples?.Seed ?? string.Empty;
        var w = new HtmlWriter(16 * 1024 + population.Items.Count * 400);
        w.Append($"<header class=\"page-head\"><p class=\"eyebrow\">Population · {period.Result.Period.ToString()}</p><h1>{population.Title}</h1>");
        w.Append(Facts(
            ("Source", H($"{population.Source}")),
            ("Frequency", H($"{ControlFrequencies.Name(population.Frequency)}")),
            ("Items", H($"{population.Items.Count}")),
            ("Sample", H($"{sample.Size}")),
            ("Seed", H($"<code>{seed}</code>"))));
        w.Append($"<p class=\"lede\">Each item's score is the SHA-256 of <code>SEED\\nPOPULATION\\nITEM_KEY</code> (here the population is <code>{population.Id}</code>); the sample is the items with the smallest scores. Re-derive one with <code>printf '%s\\n%s\\n%s' SEED POPULATION KEY | sha256sum</code>.</p>");
        w.Append($"</header>");

        w.Append(SectionStart(ctx, "sample", "Sample", sample.Items.Count));
        if (sample.Items.Count == 0)
        {
            w.Append(Empty("The population is empty for this period."));
        }
        else
        {
            w.Append($"<table class=\"data\"><caption class=\"visually-hidden\">Sampled items</caption><thead><tr><th scope=\"col\">Rank</th><th scope=\"col\">Item</th><th scope=\"col\">Day</th><th scope=\"col\">Evidence</th><th scope=\"col\">Score</th></tr></thead><tbody>");
            foreach (var item in sample.Items)
            {
                w.Append($"<tr><td>{item.Rank}</td><th scope=\"row\">{item.Item.Summary}<span class=\"sub\"><code>{item.Item.Key}</code></span></th><td>{Time(item.Item.Day)}</td><td>{Evidence(ctx, model, item.Item)}</td><td><code class=\"hash\">{item.Score.Substring(0, 16)}…</code></td></tr>");
            }

            w.Append($"</tbody></table>");
        }

        w.Append(SectionEnd);

        w.Append(SectionStart(ctx, "items", "Every item", population.Items.Count));
        if (population.Items.Count > 0)
        {
            w.Append($"<table class=\"data\"><caption class=\"visually-hidden\">Population items</caption><thead><tr><th scope=\"col\">Day</th><th scope=\"col\">Item</th><th scope=\"col\">Evidence</th></tr></thead><tbody>");
            foreach (var item in population.Items)
            {
                w.Append($"<tr><td>{Time(item.Day)}</td><th scope=\"row\">{item.Summary}</th><td>{Evidence(ctx, model, item)}</td></tr>");
            }

            w.Append($"</tbody></table>");
        }

        w.Append(SectionEnd);
        return w.ToHtml();
    }

    private static HtmlString Evidence(PageContext ctx, PopulationPageModel model, PopulationItem item)
    {
        var links = model.EvidenceByItem.TryGetValue(item.Key, out var list) ? list : System.Array.Empty<EvidenceLinkModel>();
        return Join(links, l => l.Page is { } page ? ctx.Link(page, l.Text) : H($"<code>{l.Text}</code>"), H($"<br>"));
    }
}
