using System;
using System.Globalization;
using System.Linq;
using Compliance.Engine.Checks;
using Compliance.Site.Html;
using Compliance.Site.Model;
using static Compliance.Site.Html.Html;
using static Compliance.Site.Rendering.Components;

namespace Compliance.Site.Rendering;

/// <summary>The BAA registry: the state of every agreement, an expiry timeline, the subcontractor chains and each vendor in detail.</summary>
public static class VendorsPage
{
    private const int LabelWidth = 190;
    private const int ChartWidth = 640;
    private const int NoteWidth = 170;
    private const int RowHeight = 26;
    private const int AxisHeight = 34;

    public static HtmlString Body(PageContext ctx)
    {
        var registry = ctx.Site.Vendors;
        var vendors = registry.Vendors;
        var phi = vendors.Where(v => v.HandlesPhi).ToList();
        var w = new HtmlWriter(vendors.Count * 2048 + 8192);
        w.Append($"<header class=\"page-head\"><p class=\"eyebrow\">Vendors · 45 CFR 164.308(b), 164.314(a)</p><h1>Business associate agreements</h1><p class=\"lede\">Every vendor that creates, receives, maintains or transmits PHI needs a BAA in force, and so does every subcontractor below it in the chain. States are on the as-of date; an agreement within {Count(ctx.Site.Identity.BaaWarningDays, "day", "days")} of expiry is reported as expiring.</p>");
        w.Append(Facts(
            ("Vendors", H($"{vendors.Count}")),
            ("Handle PHI", H($"{phi.Count}")),
            ("In force", H($"{phi.Count(v => v.State == BaaState.InForce)}")),
            ("Expiring", H($"{phi.Count(v => v.State == BaaState.Expiring)}")),
            ("Expired, missing or not yet effective", H($"{phi.Count(v => v.State is BaaState.Expired or BaaState.Missing or BaaState.NotYetEffective)}"))));
        w.Append($"</header>");

        w.Append(SectionStart(ctx, "timeline", "Expiry timeline"));
        w.Append(Timeline(ctx, registry.Timeline));
        w.Append(SectionEnd);

        w.Append(SectionStart(ctx, "registry", "Registry", vendors.Count));
        w.Append($"<table class=\"data\"><caption class=\"visually-hidden\">BAA registry</caption><thead><tr><th scope=\"col\">Vendor</th><th scope=\"col\">PHI</th><th scope=\"col\">BAA</th><th scope=\"col\">Effective</th><th scope=\"col\">Expires</th><th scope=\"col\" class=\"num\">Days left</th><th scope=\"col\">Signed agreement</th></tr></thead><tbody>");
        foreach (var vendor in vendors)
        {
            w.Append($"<tr><th scope=\"row\">{ctx.Link(vendor.Link, title: true)}</th><td>{YesNo(vendor.HandlesPhi)}</td><td>{Baa(vendor.State)}</td><td>{Time(vendor.Baa?.EffectiveOn)}</td><td>{Time(vendor.Baa?.ExpiresOn)}</td><td class=\"num\">{(vendor.DaysLeft is { } d ? d.ToString(CultureInfo.InvariantCulture) : "—")}</td><td>{Agreement(ctx, vendor)}</td></tr>");
        }

        w.Append(NotEvaluatedSection.Rows(ctx.Site.NotEvaluatedOf("vendor"), columns: 7));

        w.Append($"</tbody></table>");
        w.Append(SectionEnd);

        w.Append(SectionStart(ctx, "chains", "Subcontractor chains", registry.Chains.Count));
        if (registry.Chains.Count == 0)
        {
            w.Append(Empty("No vendor lists a subcontractor."));
        }
        else
        {
            w.Append($"<p class=\"section-note\">Each vendor, then the subcontractors it uses to process PHI for the organisation. Every PHI subcontractor needs its own BAA in force.</p><ul class=\"tree\">");
            foreach (var chain in registry.Chains)
            {
                w.Append(Node(ctx, chain));
            }

            w.Append($"</ul>");
        }

        if (registry.Standalone.Count > 0)
        {
            w.Append($"<p class=\"small\">Vendors with no subcontractor and in no chain: ");
            w.Append(Join(registry.Standalone, v => ctx.Link(v.Link, title: false), H($", ")));
            w.Append($".</p>");
        }

        w.Append(SectionEnd);

        w.Append(SectionStart(ctx, "details", "Vendors in detail"));
        foreach (var vendor in vendors)
        {
            w.Append(Detail(ctx, vendor));
        }

        w.Append(SectionEnd);
        w.Append(Findings(ctx, ctx.Site.FindingsOn(registry.Page.Path)));
        return w.ToHtml();
    }

    private static HtmlString Agreement(PageContext ctx, VendorModel vendor)
    {
        if (vendor.Baa is not { } baa)
        {
            return H($"<span class=\"muted\">—</span>");
        }

        if (baa.Agreement is { } agreement)
        {
            return agreement.Integrity is ArtifactIntegrity.Unrecorded or ArtifactIntegrity.Intact
                ? H($"<a href=\"{ctx.Url(agreement.Viewer)}\">{agreement.FileName}</a>")
                : H($"<a href=\"{ctx.Url(agreement.Viewer)}\">{agreement.FileName}</a> {Integrity(agreement.Integrity)}");
        }

        return H($"<span class=\"muted\">none recorded</span>");
    }

    private static HtmlString Node(PageContext ctx, ChainNode node)
    {
        var vendor = node.Vendor;
        var w = new HtmlWriter(512);
        w.Append($"<li><span class=\"node\">{ctx.Link(vendor.Link, title: true)} ");
        w.Append(vendor.HandlesPhi ? H($"<span class=\"tag\">PHI</span> {Baa(vendor.State)}") : H($"<span class=\"tag tag-muted\">no PHI</span>"));
        if (node.Cycle)
        {
            w.Append($" <span class=\"pill pill-warn\">cycle: already above in this chain</span>");
        }

        w.Append($"</span>");
        if (node.Children.Count > 0)
        {
            w.Append($"<ul>");
            foreach (var child in node.Children)
            {
                w.Append(Node(ctx, child));
            }

            w.Append($"</ul>");
        }

        w.Append($"</li>");
        return w.ToHtml();
    }

    private static HtmlString Detail(PageContext ctx, VendorModel vendor)
    {
        var w = new HtmlWriter(2048);
        var anchor = vendor.Anchor.Fragment!;
        w.Append($"<article class=\"vendor\" id=\"{anchor}\" aria-labelledby=\"{anchor}-h\"><header class=\"evidence-head\"><h3 id=\"{anchor}-h\">{vendor.Name} <code class=\"small\">{vendor.Id}</code></h3>{Baa(vendor.State)}</header>");
        var facts = new FactList
        {
            ("Handles PHI", YesNo(vendor.HandlesPhi)),
        };
        if (vendor.Baa is { } baa)
        {
            facts.Add(("Signed", Time(baa.SignedOn)));
            facts.Add(("Effective", Time(baa.EffectiveOn)));
            facts.Add(("Expires", vendor.DaysLeft is { } d ? H($"{Time(baa.ExpiresOn)} ({Days(d)})") : Time(baa.ExpiresOn)));
            facts.Add(("Agreement", baa.Agreement is { } a ? H($"{Agreement(ctx, vendor)} <span class=\"sub\"><span class=\"muted\">SHA-256</span> <code class=\"hash\">{a.ActualSha256 ?? "not computed"}</code></span>") : H($"{baa.EvidencePath ?? "none recorded"}")));
        }
        else
        {
            facts.Add(("BAA", H($"none")));
        }

        facts.Add(("Subcontractors", Links(ctx, vendor.Subcontractors, titles: true, empty: "none")));
        facts.Add(("Subcontractor of", Links(ctx, vendor.UsedBy, titles: true, empty: "no vendor")));
        w.Append(Facts(facts));
        if (vendor.Services.Count > 0)
        {
            w.Append($"<table class=\"data compact\"><caption>Services</caption><thead><tr><th scope=\"col\">Service ID</th><th scope=\"col\">Service</th></tr></thead><tbody>");
            foreach (var service in vendor.Services)
            {
                w.Append($"<tr><td><code>{service.Id}</code></td><td>{service.Name}</td></tr>");
            }

            w.Append($"</tbody></table>");
        }

        if (vendor.Notes is { } notes)
        {
            w.Append($"<p class=\"small\">{notes}</p>");
        }

        w.Append($"</article>");
        return w.ToHtml();
    }

    /// <summary>
    /// An SVG bar per agreement, from its effective date to its expiry, on a year axis with the as-of
    /// date marked. Geometry is in attributes and colours come from classes, so no inline style is
    /// needed. Each bar carries its dates and state as text; the registry table repeats them all.
    /// </summary>
    public static HtmlString Timeline(PageContext ctx, TimelineModel timeline)
    {
        if (timeline.Bars.Count == 0)
        {
            return Empty("No BAA has dates to draw.");
        }

        var totalDays = Math.Max(1, timeline.End.DayNumber - timeline.Start.DayNumber);
        double X(DateOnly day) => LabelWidth + (ChartWidth * (double)(day.DayNumber - timeline.Start.DayNumber) / totalDays);
        string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

        var width = LabelWidth + ChartWidth + NoteWidth;
        var height = AxisHeight + (timeline.Bars.Count * RowHeight) + 8;
        var titleId = ctx.Id("timeline-title");
        var descId = ctx.Id("timeline-desc");
        var w = new HtmlWriter(timeline.Bars.Count * 600 + 2048);
        w.Append($"<figure class=\"timeline\"><div class=\"timeline-scroll\" tabindex=\"0\" role=\"group\" aria-label=\"BAA expiry timeline, scrollable\"><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-labelledby=\"{titleId} {descId}\">");
        w.Append($"<title id=\"{titleId}\">BAA expiry timeline</title><desc id=\"{descId}\">One bar per agreement from its effective date to its expiry date, from {Date(timeline.Start)} to {Date(timeline.End)}, with the as-of date {Date(timeline.AsOf)} marked by a vertical line. The registry table below gives the same dates.</desc>");

        foreach (var tick in timeline.Ticks)
        {
            var x = F(X(tick));
            w.Append($"<line class=\"tl-grid\" x1=\"{x}\" y1=\"{AxisHeight - 6}\" x2=\"{x}\" y2=\"{height - 4}\"></line><text class=\"tl-tick\" x=\"{x}\" y=\"{AxisHeight - 12}\" text-anchor=\"middle\">{tick.Year}</text>");
        }

        var row = 0;
        foreach (var bar in timeline.Bars)
        {
            var y = AxisHeight + (row * RowHeight);
            var vendor = bar.Vendor;
            var x1 = X(bar.From);
            var x2 = Math.Max(x1 + 2, X(bar.To));
            var tone = BaaClass(vendor.State);
            var state = vendor.State switch
            {
                BaaState.InForce => "in force",
                BaaState.Expiring => "expiring",
                BaaState.Expired => "expired",
                BaaState.NotYetEffective => "not yet effective",
                BaaState.Missing => "missing",
                _ => "not required",
            };
            var note = vendor.Baa?.ExpiresOn is { } expires
                ? vendor.DaysLeft is { } d && d >= 0 ? $"{Date(expires)} · {d} d" : $"{Date(expires)} · expired"
                : "no expiry";
            w.Append($"<g class=\"tl-row tl-{tone}\"><title>{vendor.Name}: {Date(bar.From)} to {(vendor.Baa?.ExpiresOn is { } e ? Date(e) : "no expiry")}, {state}</title>");
            w.Append($"<text class=\"tl-label\" x=\"{LabelWidth - 8}\" y=\"{y + 17}\" text-anchor=\"end\">{Truncate(vendor.Name, 26)}</text>");
            w.Append($"<rect class=\"tl-bar\" x=\"{F(x1)}\" y=\"{y + 6}\" width=\"{F(x2 - x1)}\" height=\"14\" rx=\"3\"></rect>");
            w.Append($"<text class=\"tl-note\" x=\"{LabelWidth + ChartWidth + 8}\" y=\"{y + 17}\">{note}</text></g>");
            row++;
        }

        var asOf = F(X(timeline.AsOf));
        w.Append($"<line class=\"tl-asof\" x1=\"{asOf}\" y1=\"{AxisHeight - 4}\" x2=\"{asOf}\" y2=\"{height - 4}\"></line><text class=\"tl-asof-label\" x=\"{asOf}\" y=\"10\" text-anchor=\"middle\">as of {Date(timeline.AsOf)}</text>");
        w.Append($"</svg></div><figcaption>Bars run from the effective date to the expiry date; the line marks the as-of date. Legend: {Pill("good", "✓", "in force")} {Pill("warn", "!", "expiring")} {Pill("bad", "✕", "expired or not yet effective")}</figcaption></figure>");
        return w.ToHtml();
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text.Substring(0, length - 1) + "…";
}
