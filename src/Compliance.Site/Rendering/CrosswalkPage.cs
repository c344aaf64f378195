using System.Collections.Generic;
using System.Linq;
using Compliance.Site.Html;
using Compliance.Site.Model;
using static Compliance.Site.Html.Html;
using static Compliance.Site.Rendering.Components;

namespace Compliance.Site.Rendering;

/// <summary>
/// The crosswalk: first where HIPAA asks for more than SOC 2 (the areas a SOC 2 report does not
/// show), then for each crosswalk a matrix of criteria by requirements and every pair with its
/// relationship and rationale.
/// </summary>
public static class CrosswalkPage
{
    public static HtmlString Body(PageContext ctx)
    {
        var site = ctx.Site;
        var w = new HtmlWriter(64 * 1024);
        var pairs = string.Join("; ", site.Crosswalks.Select(c => $"{c.Source.Title} to {c.Target.Title}"));
        w.Append($"<header class=\"page-head\"><p class=\"eyebrow\">Crosswalk</p><h1>Crosswalk matrix</h1><p class=\"lede\">{(pairs.Length > 0 ? pairs + ". " : string.Empty)}How the criteria of one framework relate to the requirements of another. A relationship is read from the first to the second: <em>subset</em> means the first asks for part of what the second asks. A pair never proves compliance by itself: a control that satisfies the criterion may still miss a HIPAA specific.</p>");
        w.Append($"<p class=\"legend\"><span class=\"legend-title\">Relationships:</span> <span class=\"rel-key\"><span aria-hidden=\"true\">=</span> equivalent</span> <span class=\"rel-key\"><span aria-hidden=\"true\">⊂</span> subset</span> <span class=\"rel-key\"><span aria-hidden=\"true\">⊃</span> superset</span> <span class=\"rel-key\"><span aria-hidden=\"true\">∩</span> intersects</span> <span class=\"rel-key gap-key\"><span aria-hidden=\"true\">▲</span> HIPAA asks for more</span></p></header>");

        if (site.Divergences.Count > 0)
        {
            w.Append(SectionStart(ctx, "gaps", "Where HIPAA asks for more", site.Divergences.Count));
            w.Append($"<p class=\"section-note\">A SOC 2 report does not show these. Each needs HIPAA-specific evidence from the controls listed.</p><div class=\"gaps\">");
            foreach (var gap in site.Divergences)
            {
                w.Append(Gap(ctx, gap));
            }

            w.Append($"</div>");
            w.Append(SectionEnd);
        }

        foreach (var crosswalk in site.Crosswalks)
        {
            w.Append(Crosswalk(ctx, crosswalk));
        }

        if (site.Crosswalks.Count == 0)
        {
            w.Append(Empty("The programme defines no crosswalk."));
        }

        return w.ToHtml();
    }

    private static HtmlString Gap(PageContext ctx, DivergenceModel gap)
    {
        var w = new HtmlWriter(4096);
        var anchor = gap.Anchor.Fragment!;
        w.Append($"<article class=\"gap\" id=\"{anchor}\" aria-labelledby=\"{anchor}-h\"><h3 id=\"{anchor}-h\"><span aria-hidden=\"true\">▲ </span>{gap.Title}</h3><p>{gap.Explanation}</p>");
        w.Append($"<dl class=\"facts facts-stacked\"><div><dt>HIPAA</dt><dd><ul class=\"plain\">");
        foreach (var requirement in gap.Requirements)
        {
            w.Append($"<li>{ctx.Link(requirement.Link)} {Coverage(requirement.Coverage)}</li>");
        }

        w.Append($"</ul></dd></div><div><dt>Nearest SOC 2 pairs</dt><dd>");
        if (gap.Mappings.Count == 0)
        {
            w.Append($"<span class=\"muted\">none: no SOC 2 criterion is paired with these requirements</span>");
        }
        else
        {
            w.Append($"<ul class=\"plain\">");
            foreach (var mapping in gap.Mappings.DistinctBy(m => (m.Source.Id, m.Target.Id)))
            {
                w.Append($"<li>{ctx.Link(mapping.Source, title: false)} {Symbol(mapping.Relationship)} {ctx.Link(mapping.Target, title: false)} <a class=\"small\" href=\"{ctx.Url(mapping.Anchor)}\">rationale</a></li>");
            }

            w.Append($"</ul>");
        }

        w.Append($"</dd></div><div><dt>Answered by</dt><dd>");
        if (gap.Controls.Count == 0)
        {
            w.Append($"{Pill("bad", "✕", "no control")}");
        }
        else
        {
            w.Append($"<ul class=\"plain\">");
            foreach (var control in gap.Controls)
            {
                w.Append($"<li>{ctx.Link(control.Link, title: false)} {Evidence(control.Evidence)}</li>");
            }

            w.Append($"</ul>");
        }

        w.Append($"</dd></div></dl></article>");
        return w.ToHtml();
    }

    private static HtmlString Crosswalk(PageContext ctx, CrosswalkModel crosswalk)
    {
        var w = new HtmlWriter(crosswalk.Mappings.Count * 1200 + 8192);
        var anchor = crosswalk.Anchor.Fragment!;
        w.Append($"<section class=\"block\" id=\"{anchor}\" aria-labelledby=\"{anchor}-h\"><h2 id=\"{anchor}-h\">{crosswalk.Title} <span class=\"count\">{crosswalk.Mappings.Count}</span></h2>");
        w.Append($"<p class=\"section-note\">Rows: {ctx.Link(crosswalk.Source.Page, crosswalk.Source.Title)}. Columns: {ctx.Link(crosswalk.Target.Page, crosswalk.Target.Title)}. Select a cell for the pair's rationale.</p>");

        var cells = crosswalk.Mappings.GroupBy(m => (m.Source.Id, m.Target.Id)).ToDictionary(g => g.Key, g => g.First());
        w.Append($"<div class=\"matrix-scroll\" tabindex=\"0\" role=\"group\" aria-label=\"{crosswalk.Title} matrix, scrollable\"><table class=\"matrix\"><caption class=\"visually-hidden\">{crosswalk.Title}: relationship of each pair</caption><thead><tr><td class=\"corner\"></td>");
        foreach (var column in crosswalk.Columns)
        {
            w.Append($"<th scope=\"col\" class=\"vertical\"><span>{column.Id}</span></th>");
        }

        w.Append($"</tr></thead><tbody>");
        foreach (var row in crosswalk.Rows)
        {
            w.Append($"<tr><th scope=\"row\">{ctx.Link(row, title: false)}</th>");
            foreach (var column in crosswalk.Columns)
            {
                if (cells.TryGetValue((row.Id, column.Id), out var mapping))
                {
                    var css = mapping.Divergent ? "cell cell-gap" : "cell";
                    w.Append($"<td class=\"{css}\"><a href=\"{ctx.Url(mapping.Anchor)}\" title=\"{row.Id} {mapping.Relationship} {column.Id}\"><span aria-hidden=\"true\">{Glyph(mapping.Relationship)}{(mapping.Divergent ? "▲" : string.Empty)}</span><span class=\"visually-hidden\">{mapping.Relationship}{(mapping.Divergent ? ", HIPAA asks for more" : string.Empty)}</span></a></td>");
                }
                else
                {
                    w.Append($"<td></td>");
                }
            }

            w.Append($"</tr>");
        }

        w.Append($"</tbody></table></div>");

        w.Append($"<table class=\"data pairs\"><caption class=\"visually-hidden\">Pairs of {crosswalk.Title}</caption><thead><tr><th scope=\"col\">{crosswalk.Source.Title}</th><th scope=\"col\">Relationship</th><th scope=\"col\">{crosswalk.Target.Title}</th><th scope=\"col\">Area</th><th scope=\"col\">Rationale</th></tr></thead><tbody>");
        foreach (var mapping in crosswalk.Mappings)
        {
            w.Append($"<tr id=\"{mapping.Anchor.Fragment}\" class=\"{(mapping.Divergent ? "row-gap" : "pair")}\"><td>{ctx.Link(mapping.Source)}</td><td>{Symbol(mapping.Relationship)}</td><td>{ctx.Link(mapping.Target)}</td><td>{mapping.Area ?? "—"}</td><td>{mapping.Rationale}{(mapping.Divergent ? H($" <span class=\"tag tag-gap\"><span aria-hidden=\"true\">▲ </span>HIPAA asks for more</span>") : HtmlString.Empty)}</td></tr>");
        }

        w.Append($"</tbody></table></section>");
        return w.ToHtml();
    }

    private static string Glyph(string relationship) => relationship switch
    {
        "equivalent" => "=",
        "subset" => "⊂",
        "superset" => "⊃",
        "intersects" => "∩",
        _ => "?",
    };

    private static HtmlString Symbol(string relationship) =>
        H($"<span class=\"rel\"><span aria-hidden=\"true\">{Glyph(relationship)} </span>{relationship}</span>");
}
