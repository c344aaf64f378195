using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Compliance.Engine.Period;
using Compliance.Site.Html;
using static Compliance.Site.Html.Html;

namespace Compliance.Site.Rendering;

/// <summary>
/// The period's charts as inline SVG: no script, so they print and work from file:// under the CSP.
/// Geometry only: each segment is placed by the day index and length the engine computed, in a viewBox
/// one unit per day. Each chart has a title for assistive technology, and a table of the same data beside it.
/// </summary>
public static class PeriodCharts
{
    public static string Fill(PeriodDayState state) => state switch
    {
        PeriodDayState.Fresh => "#2e7d32",
        PeriodDayState.Stale => "#b26a00",
        PeriodDayState.Missing => "#c62828",
        PeriodDayState.Waived => "#1565c0",
        _ => "#bdbdbd",
    };

    public static string Label(PeriodDayState state) => state switch
    {
        PeriodDayState.Fresh => "fresh",
        PeriodDayState.Stale => "stale",
        PeriodDayState.Missing => "missing",
        PeriodDayState.Waived => "waived",
        _ => "not yet defined",
    };

    /// <summary>One requirement's day states across the period as a bar.</summary>
    public static HtmlString Timeline(PageContext ctx, RequirementTimeline timeline, int periodDays)
    {
        var id = ctx.Id("tl-" + Anchor(timeline.Key));
        var summary = string.Join(", ", timeline.Segments.GroupBy(s => s.State).OrderBy(g => g.Key)
            .Select(g => $"{g.Sum(s => s.Days.Days).ToString(CultureInfo.InvariantCulture)} days {Label(g.Key)}"));
        var w = new HtmlWriter(256 + timeline.Segments.Count * 96);
        w.Append($"<svg class=\"timeline\" viewBox=\"0 0 {periodDays} 10\" preserveAspectRatio=\"none\" width=\"100%\" height=\"18\" role=\"img\" aria-labelledby=\"{id}\"><title id=\"{id}\">{timeline.Key}: {summary}</title>");
        foreach (var segment in timeline.Segments)
        {
            w.Append($"<rect x=\"{segment.FirstDayIndex}\" y=\"0\" width=\"{segment.Days.Days}\" height=\"10\" fill=\"{Fill(segment.State)}\"><title>{Label(segment.State)}: {segment.Days.ToString()}</title></rect>");
        }

        w.Append($"</svg>");
        return w.ToHtml();
    }

    /// <summary>A framework's fresh share month by month: one column per month, 0-100 %.</summary>
    public static HtmlString Coverage(PageContext ctx, FrameworkCoverage framework)
    {
        var id = ctx.Id("cov-" + Anchor(framework.FrameworkId));
        var months = framework.Months;
        var w = new HtmlWriter(512 + months.Count * 160);
        var summary = string.Join("; ", months.Select(m => $"{Components.Date(m.Days.Start).Substring(0, 7)} {Percent(m.ShareBasisPoints)}"));
        w.Append($"<svg class=\"coverage-chart\" viewBox=\"0 0 {months.Count * 10} 104\" width=\"100%\" height=\"160\" role=\"img\" aria-labelledby=\"{id}\"><title id=\"{id}\">Fresh share of requirement-days per month, {framework.FrameworkId}: {summary}</title>");
        w.Append($"<line x1=\"0\" y1=\"102\" x2=\"{months.Count * 10}\" y2=\"102\" stroke=\"#616161\" stroke-width=\"0.5\"/>");
        var index = 0;
        foreach (var month in months)
        {
            var height = month.ShareBasisPoints / 100;
            w.Append($"<rect x=\"{index * 10 + 1}\" y=\"{102 - height}\" width=\"8\" height=\"{height}\" fill=\"#2e7d32\"><title>{Components.Date(month.Days.Start).Substring(0, 7)}: {Percent(month.ShareBasisPoints)} fresh ({month.FreshDays} of {month.RequirementDays} requirement-days)</title></rect>");
            index++;
        }

        w.Append($"</svg>");
        return w.ToHtml();
    }

    /// <summary>The colour key, as text with swatches, so the charts never rely on colour alone.</summary>
    public static HtmlString Legend()
    {
        var w = new HtmlWriter(1024);
        w.Append($"<ul class=\"legend\">");
        foreach (var state in new[] { PeriodDayState.Fresh, PeriodDayState.Stale, PeriodDayState.Missing, PeriodDayState.Waived, PeriodDayState.NotDefined })
        {
            w.Append($"<li><svg width=\"12\" height=\"12\" aria-hidden=\"true\"><rect width=\"12\" height=\"12\" fill=\"{Fill(state)}\"/></svg> {Label(state)}</li>");
        }

        w.Append($"</ul>");
        return w.ToHtml();
    }

    public static string Percent(int basisPoints) =>
        (basisPoints / 100).ToString(CultureInfo.InvariantCulture) + "." + (basisPoints % 100).ToString("D2", CultureInfo.InvariantCulture) + " %";

    public static string Anchor(string key)
    {
        var chars = key.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray();
        return new string(chars);
    }
}
