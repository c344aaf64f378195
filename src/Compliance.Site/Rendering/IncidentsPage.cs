using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Compliance.Site.Html;
using Compliance.Site.Model;
using static Compliance.Site.Html.Html;
using static Compliance.Site.Rendering.Components;

namespace Compliance.Site.Rendering;

/// <summary>
/// The incidents registry and the breach-notification clocks: each breach with its discovery date, the
/// individuals and States affected, and each notice with its deadline and whether it was sent, or how
/// many days are left on the as-of date; then the incidents that were assessed not to be breaches.
/// </summary>
public static class IncidentsPage
{
    public static HtmlString Body(PageContext ctx)
    {
        var incidents = ctx.Site.Incidents;
        var asOf = ctx.Site.Identity.AsOf;
        var breaches = incidents.Breaches;
        var notices = breaches.SelectMany(b => b.Notices).ToList();
        var w = new HtmlWriter(breaches.Count * 3000 + incidents.Others.Count * 600 + 8192);
        w.Append($"<header class=\"page-head\"><p class=\"eyebrow\">Breach notification · 45 CFR 164.400-164.414</p><h1>Incidents and breach clocks</h1><p class=\"lede\">The clock of a breach of unsecured PHI starts on the day it is discovered. Individuals must be notified within 60 days; HHS within the same window when 500 or more individuals are affected, otherwise in the annual log due 60 days after the end of the calendar year; the media when more than 500 residents of one State are affected. Days left are counted to the as-of date, {Date(asOf)}; a notice within {Count(incidents.WarningDays, "day", "days")} of its deadline is due soon.</p>");
        w.Append(Facts(
            ("Incidents", H($"{breaches.Count + incidents.Others.Count}")),
            ("Breaches", H($"{breaches.Count}")),
            ("Open clocks", H($"{breaches.Count(b => b.Open)}")),
            ("Notices overdue", notices.Count(n => n.State == NoticeState.Overdue) is var overdue and > 0 ? Pill("bad", "✕", overdue.ToString(CultureInfo.InvariantCulture)) : H($"0")),
            ("Notices due soon", notices.Count(n => n.State == NoticeState.DueSoon) is var soon and > 0 ? Pill("warn", "!", soon.ToString(CultureInfo.InvariantCulture)) : H($"0")),
            ("Sent late", notices.Count(n => n.State == NoticeState.SentLate) is var late and > 0 ? Pill("bad", "✕", late.ToString(CultureInfo.InvariantCulture)) : H($"0"))));
        w.Append($"</header>");

        w.Append(SectionStart(ctx, "breaches", "Breaches", breaches.Count));
        if (breaches.Count == 0)
        {
            w.Append(Empty("No incident is a breach of unsecured PHI."));
        }
        else
        {
            w.Append(ClockTable(ctx, breaches));
            foreach (var breach in breaches)
            {
                w.Append(Breach(ctx, breach));
            }
        }

        w.Append(SectionEnd);

        w.Append(SectionStart(ctx, "other", "Incidents that are not breaches", incidents.Others.Count));
        w.Append($"<p class=\"section-note\">Security incidents whose risk assessment (164.402(2)) found a low probability that PHI was compromised. No notice is owed, so no clock runs; the assessment is the record.</p>");
        if (incidents.Others.Count == 0)
        {
            w.Append(Empty("No other incident is recorded."));
        }
        else
        {
            w.Append($"<table class=\"data\"><caption class=\"visually-hidden\">Incidents that are not breaches</caption><thead><tr><th scope=\"col\">Incident</th><th scope=\"col\">Discovered</th><th scope=\"col\">Assessment</th><th scope=\"col\">Summary</th></tr></thead><tbody>");
            foreach (var incident in incidents.Others)
            {
                w.Append($"<tr id=\"{incident.Anchor.Fragment}\"><th scope=\"row\"><span class=\"id\">{incident.Id}</span><span class=\"sub\">{incident.Title}</span></th><td>{Time(incident.DiscoveredOn)}</td><td>{Pill("none", "–", "Not a breach")}</td><td>{(incident.Summary is { } summary ? H($"{summary}") : H($"<span class=\"muted\">no summary</span>"))}</td></tr>");
            }

            w.Append($"</tbody></table>");
        }

        w.Append(SectionEnd);
        w.Append(Findings(ctx, ctx.Site.FindingsOn(SitePaths.Incidents)));
        return w.ToHtml();
    }

    /// <summary>Every notice of every breach in one table, so that the open deadlines can be read at a glance.</summary>
    private static HtmlString ClockTable(PageContext ctx, IReadOnlyList<IncidentModel> breaches)
    {
        var w = new HtmlWriter(breaches.Count * 800 + 1024);
        w.Append($"<table class=\"data clocks\"><caption>Notice deadlines</caption><thead><tr><th scope=\"col\">Breach</th><th scope=\"col\">Discovered</th><th scope=\"col\">Notice to</th><th scope=\"col\">Deadline</th><th scope=\"col\">Notified</th><th scope=\"col\">Status</th></tr></thead><tbody>");
        foreach (var breach in breaches)
        {
            if (!breach.HasClock)
            {
                w.Append($"<tr><th scope=\"row\">{ctx.Link(breach.Link, title: false)}</th><td>{Time(breach.DiscoveredOn)}</td><td colspan=\"4\">{Pill("warn", "!", "No clock")} <span class=\"small\">no discovery date is recorded, so no deadline can be computed</span></td></tr>");
                continue;
            }

            foreach (var notice in breach.Notices)
            {
                w.Append($"<tr class=\"clock-{Tone(notice.State)}\"><th scope=\"row\">{ctx.Link(breach.Link, title: false)}</th><td>{Time(breach.DiscoveredOn)}</td><td>{notice.Who}</td><td>{Time(notice.Deadline)}</td><td>{Time(notice.NotifiedOn)}</td><td>{Notice(notice.State)}<span class=\"sub\">{StatusText(notice)}</span></td></tr>");
            }
        }

        w.Append($"</tbody></table>");
        return w.ToHtml();
    }

    private static HtmlString Breach(PageContext ctx, IncidentModel breach)
    {
        var anchor = breach.Anchor.Fragment!;
        var w = new HtmlWriter(3072);
        w.Append($"<article class=\"incident\" id=\"{anchor}\" aria-labelledby=\"{anchor}-h\"><header class=\"evidence-head\"><h3 id=\"{anchor}-h\"><span class=\"id\">{breach.Id}</span> {breach.Title}</h3>{Overall(breach)}</header>");
        var facts = new FactList
        {
            ("Discovered", breach.DiscoveredOn is { } discovered ? H($"{Time(discovered)} <span class=\"sub\">{Days(discovered.DayNumber - ctx.Site.Identity.AsOf.DayNumber)}</span>") : H($"<span class=\"muted\">not recorded</span>")),
            ("Individuals affected", H($"{breach.IndividualsAffected.ToString("N0", CultureInfo.InvariantCulture)}")),
            ("States", breach.States.Count == 0
                ? H($"<span class=\"muted\">none recorded</span>")
                : Join(breach.States.Select(s => H($"<span class=\"state\">{s.State}: {s.Residents.ToString("N0", CultureInfo.InvariantCulture)}{(s.MediaNotice ? " (media notice)" : string.Empty)}</span>")), H($", "))),
        };
        if (breach.Capacity is { } capacity)
        {
            facts.Add(("Acting as", H($"{(capacity == Compliance.Engine.Checks.BreachCapacity.BusinessAssociate ? "Business associate (164.410)" : "Covered entity (164.404-164.408)")}")));
        }

        if (breach.LawEnforcementDelay is { } delay)
        {
            facts.Add(("Law-enforcement delay", H($"until {Time(delay.EffectiveUntil)} <span class=\"sub\">{(delay.Form == Compliance.Engine.Checks.StatementForm.Oral ? "oral" : "written")} statement of {Time(delay.StatementOn)} by {delay.Agency}{(delay.Capped ? $"; asked for {Time(delay.RequestedUntil)}, capped at 30 days without a written statement (164.412(b))" : string.Empty)}</span>")));
        }

        w.Append(Facts(facts));
        if (breach.Summary is { } summary)
        {
            w.Append($"<p>{summary}</p>");
        }

        if (breach.HasClock)
        {
            w.Append($"<table class=\"data compact\"><caption>Notices of {breach.Id}</caption><thead><tr><th scope=\"col\">Notice to</th><th scope=\"col\">Deadline</th><th scope=\"col\">Notified</th><th scope=\"col\">Status</th></tr></thead><tbody>");
            foreach (var notice in breach.Notices)
            {
                w.Append($"<tr><th scope=\"row\">{notice.Who}{(notice.DelegatedBy is { } by ? H($"<span class=\"sub\">delegated by {by}</span>") : HtmlString.Empty)}<span class=\"sub muted\">{notice.Basis}</span></th><td>{Time(notice.Deadline)}{(notice.Delayed ? H($"<span class=\"sub\">moved by the law-enforcement delay</span>") : HtmlString.Empty)}</td><td>{Time(notice.NotifiedOn)}</td><td>{Notice(notice.State)}<span class=\"sub\">{StatusText(notice)}</span></td></tr>");
            }

            w.Append($"</tbody></table>");
        }
        else
        {
            w.Append($"<div class=\"notice notice-warn\" role=\"note\"><p><strong>No clock.</strong> The breach has no discovery date, so no deadline can be computed; record <code>discovered_on</code>.</p></div>");
        }

        w.Append($"</article>");
        return w.ToHtml();
    }

    private static HtmlString Overall(IncidentModel breach)
    {
        if (!breach.HasClock)
        {
            return Pill("warn", "!", "No clock");
        }

        var states = breach.Notices.Select(n => n.State).ToList();
        return states.Contains(NoticeState.Overdue) ? Pill("bad", "✕", "Notice overdue")
            : states.Contains(NoticeState.SentLate) ? Pill("bad", "✕", "Notice sent late")
            : states.Contains(NoticeState.DueSoon) ? Pill("warn", "!", "Notice due soon")
            : states.Contains(NoticeState.Open) ? Pill("info", "○", "Clock running")
            : Pill("good", "✓", "All notices sent");
    }

    /// <summary>The status in words: how early or late a sent notice was, or how long is left (or how long ago the deadline passed).</summary>
    public static string StatusText(NoticeModel notice)
    {
        if (notice.State == NoticeState.NotRequired)
        {
            return "no State has more than 500 affected residents";
        }

        if (notice.State == NoticeState.CannotBeDecided || notice.MarginDays is not { } margin)
        {
            return "no States recorded: whether the media must be notified cannot be decided";
        }

        if (notice.NotifiedOn is not null)
        {
            return margin switch
            {
                0 => "sent on the deadline",
                > 0 => $"sent {Count(margin, "day", "days")} before the deadline",
                _ => $"sent {Count(-margin, "day", "days")} after the deadline",
            };
        }

        return margin switch
        {
            0 => "not sent: due today",
            > 0 => $"not sent: {Count(margin, "day", "days")} left",
            _ => $"not sent: {Count(-margin, "day", "days")} overdue",
        };
    }

    private static string Tone(NoticeState state) => state switch
    {
        NoticeState.SentOnTime => "good",
        NoticeState.DueSoon => "warn",
        NoticeState.Open => "info",
        NoticeState.NotRequired => "none",
        _ => "bad",
    };
}
