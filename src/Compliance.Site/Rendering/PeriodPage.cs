using System.Collections.Generic;
using System.Linq;
using Compliance.Engine.Period;
using Compliance.Engine.Sampling;
using Compliance.Site.Html;
using Compliance.Site.Model;
using static Compliance.Site.Html.Html;
using static Compliance.Site.Rendering.Components;

namespace Compliance.Site.Rendering;

/// <summary>
/// The audit period (SOC 2 Type II view): per framework the fresh share of requirement-days month by
/// month, per evidence requirement a timeline bar, the exceptions, the waivers that covered part of the
/// period, and the populations with their samples. Every chart has a table of the same data.
/// </summary>
public static class PeriodPage
{
    public static HtmlString Body(PageContext ctx, PeriodModel model)
    {
        var period = model.Result;
        var w = new HtmlWriter(64 * 1024);
        w.Append($"<header class=\"page-head\"><p class=\"eyebrow\">Audit period · SOC 2 Type II</p><h1>Operating effectiveness, {period.Period.ToString()}</h1><p class=\"lede\">Whether each control operated on every day of the period, from git history: an artifact counts from the later of its collection and its commit, until it goes stale, is deleted or is changed. Exceptions are the days in between.</p>");
        w.Append(Facts(
            ("Period", H($"{period.Period.ToString()}")),
            ("Days", H($"{period.Period.Days}")),
            ("Exceptions", period.Exceptions.Count > 0 ? Pill("warn", "!", period.Exceptions.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)) : H($"0")),
            ("Sample seed", period.Samples is { } samples ? H($"<code>{samples.Seed}</code>") : H($"—"))));
        w.Append($"<p class=\"print-link\">{ctx.Link(model.PrintPage, "Print the whole period on one page")}</p>");
        w.Append($"</header>");

        if (period.UnavailableReason is { } reason)
        {
            w.Append($"<div class=\"notice notice-warn\" role=\"note\"><p><strong>The period could not be computed:</strong> {reason}.</p></div>");
            return w.ToHtml();
        }

        w.Append(SectionStart(ctx, "coverage", "Coverage over time", period.Frameworks.Count));
        foreach (var framework in period.Frameworks)
        {
            w.Append($"<h3>{framework.FrameworkId}: {PeriodCharts.Percent(framework.ShareBasisPoints)} of {framework.RequirementDays} requirement-days fresh</h3>");
            w.Append(PeriodCharts.Coverage(ctx, framework));
            w.Append($"<table class=\"data\"><caption>{framework.FrameworkId}: fresh requirement-days by month</caption><thead><tr><th scope=\"col\">Month</th><th scope=\"col\">Requirement-days</th><th scope=\"col\">Fresh</th><th scope=\"col\">Share</th></tr></thead><tbody>");
            foreach (var month in framework.Months)
            {
                w.Append($"<tr><th scope=\"row\">{month.Days.ToString()}</th><td>{month.RequirementDays}</td><td>{month.FreshDays}</td><td>{PeriodCharts.Percent(month.ShareBasisPoints)}</td></tr>");
            }

            w.Append($"</tbody></table>");
        }

        w.Append(SectionEnd);

        w.Append(SectionStart(ctx, "timelines", "Evidence requirements, day by day", period.Requirements.Count));
        w.Append(PeriodCharts.Legend());
        w.Append(TimelineTable(ctx, model, period.Requirements, period.Period.Days));
        w.Append(SectionEnd);

        w.Append(SectionStart(ctx, "exceptions", "Exceptions", period.Exceptions.Count));
        w.Append(ExceptionTable(ctx, model, period.Exceptions));
        w.Append(SectionEnd);

        w.Append(SectionStart(ctx, "waivers", "Waivers in the period", period.Waivers.Count));
        if (period.Waivers.Count == 0)
        {
            w.Append(Empty("No waiver covered any day of the period."));
        }
        else
        {
            w.Append($"<table class=\"data\"><caption class=\"visually-hidden\">Waivers in the period</caption><thead><tr><th scope=\"col\">Waiver</th><th scope=\"col\">Rule</th><th scope=\"col\">Target</th><th scope=\"col\">Days covered</th></tr></thead><tbody>");
            foreach (var waiver in period.Waivers)
            {
                w.Append($"<tr><th scope=\"row\">{waiver.WaiverId}</th><td>{waiver.RuleId}</td><td>{waiver.Target}</td><td>{waiver.Days.ToString()} ({Count(waiver.Days.Days, "day", "days")})</td></tr>");
            }

            w.Append($"</tbody></table>");
        }

        w.Append(SectionEnd);

        w.Append(SectionStart(ctx, "populations", "Populations and samples", model.Populations.Count));
        w.Append($"<table class=\"data\"><caption class=\"visually-hidden\">Populations and samples</caption><thead><tr><th scope=\"col\">Population</th><th scope=\"col\">Frequency</th><th scope=\"col\">Items</th><th scope=\"col\">Sample</th></tr></thead><tbody>");
        foreach (var population in model.Populations)
        {
            w.Append($"<tr><th scope=\"row\">{ctx.Link(population.Page, population.Population.Title)}</th><td>{ControlFrequencies.Name(population.Population.Frequency)}</td><td>{population.Population.Items.Count}</td><td>{population.Sample.Size}</td></tr>");
        }

        w.Append($"</tbody></table>");
        w.Append(SectionEnd);
        return w.ToHtml();
    }

    /// <summary>Timelines with their text alternative in the same row: the state runs, with dates.</summary>
    public static HtmlString TimelineTable(PageContext ctx, PeriodModel model, IEnumerable<RequirementTimeline> timelines, int periodDays)
    {
        var w = new HtmlWriter(32 * 1024);
        w.Append($"<table class=\"data timelines\"><caption class=\"visually-hidden\">Evidence requirements across the period</caption><thead><tr><th scope=\"col\">Requirement</th><th scope=\"col\">Fresh</th><th scope=\"col\">Timeline</th><th scope=\"col\">Days by state</th></tr></thead><tbody>");
        foreach (var timeline in timelines)
        {
            var control = model.ControlPages.TryGetValue(timeline.ControlId, out var page) ? ctx.Link(page, timeline.Key) : Text(timeline.Key);
            w.Append($"<tr><th scope=\"row\">{control}</th><td>{timeline.FreshDays} of {timeline.RequiredDays}</td><td class=\"timeline-cell\">{PeriodCharts.Timeline(ctx, timeline, periodDays)}</td><td><ul class=\"runs\">");
            foreach (var segment in timeline.Segments)
            {
                w.Append($"<li>{segment.Days.ToString()}: {PeriodCharts.Label(segment.State)}</li>");
            }

            w.Append($"</ul></td></tr>");
        }

        w.Append($"</tbody></table>");
        return w.ToHtml();
    }

    public static HtmlString ExceptionTable(PageContext ctx, PeriodModel model, IEnumerable<PeriodException> exceptions)
    {
        var list = exceptions.ToList();
        if (list.Count == 0)
        {
            return Empty("No exception: every control operated on every day of the period.");
        }

        var w = new HtmlWriter(list.Count * 512 + 1024);
        w.Append($"<table class=\"data\"><caption class=\"visually-hidden\">Exceptions</caption><thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">Target</th><th scope=\"col\">Days</th><th scope=\"col\">What happened</th><th scope=\"col\">Evidence either side</th><th scope=\"col\">Where</th></tr></thead><tbody>");
        foreach (var exception in list)
        {
            w.Append($"<tr><th scope=\"row\"><a href=\"{ctx.Url(SiteLinks.RuleAnchor(exception.RuleId))}\">{exception.RuleId}</a></th><td>{exception.Target}</td><td>{exception.Days.ToString()} ({Count(exception.Days.Days, "day", "days")})</td><td>{exception.Message}</td><td>{EitherSide(ctx, model, exception)}</td><td><code>{exception.Location?.Path}({exception.Location?.Line},{exception.Location?.Column})</code></td></tr>");
        }

        w.Append($"</tbody></table>");
        return w.ToHtml();
    }

    /// <summary>The artifacts either side of the gap, as the engine named them (for evidence, the one that lapsed and the one that restored coverage), linked where the site has their page.</summary>
    private static HtmlString EitherSide(PageContext ctx, PeriodModel model, PeriodException exception)
    {
        if (exception.Before is null && exception.After is null)
        {
            return H($"—");
        }

        // An access-review gap is bounded by the export that showed the account and the one that no longer did.
        var (opened, closed) = exception.BoundedByAccessReviews ? ("Shown by", "Cleared by") : ("Lapsed", "Restored");
        var w = new HtmlWriter(512);
        w.Append($"<ul class=\"either-side\">");
        if (exception.Before is { } before)
        {
            w.Append($"<li>{opened}: {Artifact(ctx, model, before)}</li>");
        }

        if (exception.After is { } after)
        {
            w.Append($"<li>{closed}: {Artifact(ctx, model, after)}</li>");
        }

        w.Append($"</ul>");
        return w.ToHtml();
    }

    /// <summary>A sidecar path as a link to its artifact's page, or as text when the artifact is no longer in the repository.</summary>
    private static HtmlString Artifact(PageContext ctx, PeriodModel model, string sidecar) =>
        model.ArtifactPages.TryGetValue(sidecar, out var page)
            ? H($"<a href=\"{ctx.Url(page)}\"><code>{sidecar}</code></a>")
            : H($"<code>{sidecar}</code> (not in the repository at the head commit)");
}
