using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Compliance.Engine.Audit;
using Compliance.Site.Html;
using Compliance.Site.Model;
using static Compliance.Site.Html.Html;
using static Compliance.Site.Rendering.Components;

namespace Compliance.Site.Rendering;

/// <summary>
/// The deploy gate and the audit log: the log's verification status first, then the gate decisions
/// (allowed and denied, with the deny reasons), the deploys with the decision each names, the runners
/// in scope, and every event of the log, newest first.
/// </summary>
public static class AuditLogPage
{
    public static HtmlString Body(PageContext ctx)
    {
        var log = ctx.Site.AuditLog;
        var summary = log.Summary;
        var w = new HtmlWriter(log.Events.Count * 1500 + 8192);
        w.Append($"<header class=\"page-head\"><p class=\"eyebrow\">Deploy gate and audit log · 45 CFR 164.308(a)(4), 164.308(b), 164.312(b), 164.316(b)(2)(i)</p><h1>Deploy gate and audit log</h1>");
        w.Append(VerificationNotice(ctx, log));
        w.Append($"<p class=\"lede\">Every deploy of a system that holds ePHI passes the deploy gate first: each service it touches needs a BAA in force, the actor must be active with PHI access, and the runner must be in scope. The gate records each decision in an append-only, hash-chained log, and each deploy names the decision that allowed it.</p>");
        w.Append(Facts(
            ("Audit log", AuditLogStatus(log.Verification, log.Exists)),
            ("Events", H($"{log.Events.Count}")),
            ("Gate decisions", H($"{summary.Decisions}")),
            ("Allowed", H($"{summary.Allowed}")),
            ("Denied", H($"{summary.Denied}")),
            ("Deploys", summary.DeploysWithProblems > 0
                ? H($"{summary.Deploys} {Pill("bad", "✕", $"{summary.DeploysWithProblems} without an allowing decision")}")
                : H($"{summary.Deploys}"))));
        w.Append(Facts(new FactList
        {
            ("Log file", H($"<code class=\"break\">{log.Path}</code>")),
            ("SHA-256 of the log file", log.Sha256 is { } sha ? H($"<code class=\"hash\">{sha}</code>") : H($"<span class=\"muted\">no file</span>")),
            ("Hash of the last event", log.HeadHash is { } head ? H($"<code class=\"hash\">{head}</code>") : H($"<span class=\"muted\">no event</span>")),
        }, wide: true));
        w.Append($"</header>");

        if (log.EventPages.Count == 0)
        {
            w.Append(DecisionsSection(ctx, log, log.Decisions));
            w.Append(DeploysSection(ctx, log, log.Deploys));
            w.Append(RunnersSection(ctx, log));
            w.Append(AuditTrustSections.HistorySection(ctx, log));
            w.Append(AuditTrustSections.AnchorsSection(ctx, log));
            w.Append(EventsSection(ctx, log, log.Events, "Audit log", H($"Every event of <code>{log.Path}</code>, newest first")));
        }
        else
        {
            // A long log: every problem, the newest decisions and deploys, and the events on pages of their own.
            w.Append(DecisionsSection(ctx, log, ProblemsAndNewest(log.Decisions, d => d.Verdict != GateVerdict.Allow)));
            w.Append(DeploysSection(ctx, log, ProblemsAndNewest(log.Deploys, d => d.GateState != DeployGateState.Allowed)));
            w.Append(RunnersSection(ctx, log));
            w.Append(AuditTrustSections.HistorySection(ctx, log));
            w.Append(AuditTrustSections.AnchorsSection(ctx, log));
            w.Append(EventPagesSection(ctx, log));
        }

        w.Append(Findings(ctx, ctx.Site.FindingsOn(SitePaths.AuditLog)));
        return w.ToHtml();
    }

    /// <summary>One page of a long log's events, with links to the pages before and after it.</summary>
    public static HtmlString EventsPage(PageContext ctx, AuditLogModel log, AuditEventPageModel page)
    {
        var w = new HtmlWriter(page.Events.Count * 1500 + 8192);
        w.Append($"<header class=\"page-head\"><p class=\"eyebrow\">Deploy gate and audit log · page {page.Number} of {log.EventPages.Count}</p><h1>Audit log, lines {page.FirstLine}–{page.LastLine}</h1>");
        w.Append(VerificationNotice(ctx, log));
        w.Append($"<p class=\"lede\">Events from {Timestamp(page.From)} to {Timestamp(page.To)}. The <a href=\"{ctx.Url(log.Page)}\">log's own page</a> has the summary, every denied decision and every deploy without an allowing decision.</p>");
        w.Append(Pager(ctx, log, page));
        w.Append($"</header>");
        w.Append(EventsSection(ctx, log, page.Events, $"Lines {page.FirstLine}–{page.LastLine}", H($"The events on lines {page.FirstLine} to {page.LastLine} of <code>{log.Path}</code>, newest first")));
        w.Append(Pager(ctx, log, page));
        return w.ToHtml();
    }

    private static HtmlString Pager(PageContext ctx, AuditLogModel log, AuditEventPageModel page)
    {
        var newer = page.Number < log.EventPages.Count ? log.EventPages[page.Number] : null;
        var older = page.Number > 1 ? log.EventPages[page.Number - 2] : null;
        return H($"<nav class=\"pager\" aria-label=\"Audit log pages\"><ul class=\"plain\">{(newer is null ? HtmlString.Empty : H($"<li><a href=\"{ctx.Url(newer.Page)}\" rel=\"next\">Newer: lines {newer.FirstLine}–{newer.LastLine}</a></li>"))}{(older is null ? HtmlString.Empty : H($"<li><a href=\"{ctx.Url(older.Page)}\" rel=\"prev\">Older: lines {older.FirstLine}–{older.LastLine}</a></li>"))}</ul></nav>");
    }

    /// <summary>Every item that is a problem, and the newest <see cref="AuditLogModel.NewestShown"/> of the rest, newest first.</summary>
    private static IReadOnlyList<AuditEventModel> ProblemsAndNewest(IReadOnlyList<AuditEventModel> newestFirst, System.Func<AuditEventModel, bool> problem) =>
        newestFirst.Where((item, index) => index < AuditLogModel.NewestShown || problem(item)).ToList();

    private static HtmlString EventPagesSection(PageContext ctx, AuditLogModel log)
    {
        var w = new HtmlWriter(log.EventPages.Count * 400 + 2048);
        w.Append(SectionStart(ctx, "events", "Audit log", log.Events.Count));
        w.Append($"<p class=\"section-note\">The log holds {log.Events.Count} events, shown {AuditLogModel.EventsPerPage} to a page by line, newest page first. A page keeps its events as the log grows: new events only ever go on the last page.</p>");
        w.Append($"<table class=\"data compact event-pages\"><caption class=\"visually-hidden\">Pages of the audit log, newest first</caption><thead><tr><th scope=\"col\">Lines</th><th scope=\"col\">From</th><th scope=\"col\">To</th><th scope=\"col\" class=\"num\">Decisions</th><th scope=\"col\" class=\"num\">Deploys</th></tr></thead><tbody>");
        foreach (var page in log.EventPages.Reverse())
        {
            var decisions = page.Events.Count(e => e.Type == AuditEventTypes.GateDecision);
            var deploys = page.Events.Count(e => e.Type == AuditEventTypes.Deploy);
            w.Append($"<tr><th scope=\"row\"><a href=\"{ctx.Url(page.Page)}\">Lines {page.FirstLine}–{page.LastLine}</a></th><td>{Timestamp(page.From)}</td><td>{Timestamp(page.To)}</td><td class=\"num\">{decisions}</td><td class=\"num\">{deploys}</td></tr>");
        }

        w.Append($"</tbody></table>");
        w.Append(SectionEnd);
        return w.ToHtml();
    }

    /// <summary>The first thing on the page: whether the chain holds, or the first bad line and what is wrong with it.</summary>
    public static HtmlString VerificationNotice(PageContext ctx, AuditLogModel log)
    {
        var v = log.Verification;
        var id = ctx.Id("verification");
        if (!v.Checked)
        {
            return H($"<div class=\"notice notice-warn verification\" id=\"{id}\" role=\"note\"><p><strong><span aria-hidden=\"true\">! </span>Not verified.</strong> {v.Message} The events below are shown as read from the file.</p></div>");
        }

        if (!v.Valid)
        {
            var line = v.Line.ToString(CultureInfo.InvariantCulture);
            return H($"<div class=\"notice notice-bad verification\" id=\"{id}\" role=\"note\"><p><strong><span aria-hidden=\"true\">✕ </span>Verification failed at line {line} ({ProblemText(v.Problem)}).</strong> {v.Message}</p><p>Events on lines before line {line} form an intact chain; events from line {line} on are marked <em>not verified</em> below and cannot be relied on.</p></div>");
        }

        if (!log.Exists)
        {
            return H($"<div class=\"notice notice-info verification\" id=\"{id}\" role=\"note\"><p><strong>No audit log.</strong> <code>{log.Path}</code> does not exist, so no gate decision or deploy is on record.</p></div>");
        }

        // The site shows only the events the check read and judged, so on a valid chain every event shown is verified.
        return H($"<div class=\"notice notice-good verification\" id=\"{id}\" role=\"note\"><p><strong><span aria-hidden=\"true\">✓ </span>Hash chain intact, {Count(v.Events, "event", "events")}.</strong> The check that made this site verified every line: each matches its own hash and names the hash of the line before it, the head file matches the last event, and the committed log is a prefix of this one.</p></div>");
    }

    public static string ProblemText(string problem) => problem switch
    {
        "Tampered" => "an event was edited, deleted, inserted or reordered",
        "Truncated" => "events were cut off the end",
        "Rewritten" => "committed events were changed",
        _ => problem,
    };

    private static HtmlString DecisionsSection(PageContext ctx, AuditLogModel log, IReadOnlyList<AuditEventModel> shown)
    {
        var summary = log.Summary;
        var w = new HtmlWriter(shown.Count * 900 + 4096);
        w.Append(SectionStart(ctx, "decisions", "Gate decisions", summary.Decisions));
        w.Append($"<ul class=\"tiles\">");
        w.Append($"<li class=\"tile tile-info\"><span class=\"tile-label\">Decisions</span><span class=\"tile-value\">{summary.Decisions}</span><span class=\"tile-note\">recorded by compliance gate</span></li>");
        w.Append($"<li class=\"tile tile-good\"><span class=\"tile-label\">Allowed</span><span class=\"tile-value\">{summary.Allowed}</span><span class=\"tile-note\">every rule held</span></li>");
        w.Append($"<li class=\"tile tile-{(summary.Denied > 0 ? "bad" : "good")}\"><span class=\"tile-label\">Denied</span><span class=\"tile-value\">{summary.Denied}</span><span class=\"tile-note\">the deploy was refused</span></li>");
        if (summary.Other > 0)
        {
            w.Append($"<li class=\"tile tile-warn\"><span class=\"tile-label\">No verdict</span><span class=\"tile-value\">{summary.Other}</span><span class=\"tile-note\">neither allow nor deny</span></li>");
        }

        w.Append($"</ul>");

        if (summary.Reasons.Count > 0)
        {
            w.Append($"<table class=\"data compact\"><caption>Why deploys were denied</caption><thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">What it requires</th><th scope=\"col\" class=\"num\">Denied decisions</th><th scope=\"col\">Named</th></tr></thead><tbody>");
            foreach (var reason in summary.Reasons)
            {
                var rule = reason.RuleId.Length == 0 ? H($"<span class=\"muted\">not a rule</span>") : reason.RulePage is null ? H($"<code>{reason.RuleId}</code>") : H($"<a href=\"{ctx.Url(reason.RulePage)}\"><code>{reason.RuleId}</code></a>");
                w.Append($"<tr><th scope=\"row\">{rule}</th><td>{reason.RuleTitle}</td><td class=\"num\">{reason.Decisions}</td><td>{Join(reason.Subjects.Select(s => H($"<code>{s}</code>")), H($", "))}</td></tr>");
            }

            w.Append($"</tbody></table>");
        }

        if (log.Decisions.Count == 0)
        {
            w.Append(Empty("No gate decision is recorded."));
        }
        else
        {
            if (shown.Count < log.Decisions.Count)
            {
                w.Append($"<p class=\"section-note\">Every denied decision and the newest {AuditLogModel.NewestShown} others; the other {log.Decisions.Count - shown.Count} allowed decisions are on the pages of the log below.</p>");
            }

            w.Append($"<table class=\"data decisions\"><caption class=\"visually-hidden\">Gate decisions, newest first</caption><thead><tr><th scope=\"col\">Event</th><th scope=\"col\">Actor</th><th scope=\"col\">Verdict</th><th scope=\"col\">Runner and services</th><th scope=\"col\">Artifact</th><th scope=\"col\">Deny reasons or deploys</th></tr></thead><tbody>");
            foreach (var decision in shown)
            {
                var denied = decision.Verdict == GateVerdict.Deny;
                w.Append($"<tr class=\"{(denied ? "row-denied" : "row-allowed")}\"><th scope=\"row\"><a href=\"{ctx.Url(decision.Anchor)}\">#{decision.Seq}</a><span class=\"sub\">{Timestamp(decision.Time)}</span></th><td>{Actor(ctx, decision.Actor, decision.Person)}</td><td>{Verdict(decision.Verdict, decision.VerdictText)}{Unverified(decision)}</td><td>{Runner(ctx, decision)}");
                if (decision.Field("services") is { Length: > 0 } services)
                {
                    w.Append($"<span class=\"sub\">{Join(services.Split(',').Select(s => H($"<code>{s}</code>")), H($", "))}</span>");
                }

                w.Append($"</td><td>{Digest(decision.Artifact)}</td><td>");
                if (decision.Reasons.Count > 0)
                {
                    w.Append($"<ul class=\"plain reasons\">");
                    foreach (var reason in decision.Reasons)
                    {
                        var rule = reason.RulePage is null ? HtmlString.Empty : H($"<a href=\"{ctx.Url(reason.RulePage)}\"><code>{reason.RuleId}</code></a> ");
                        w.Append($"<li>{rule}{reason.RuleTitle}{(reason.Subject.Length > 0 ? H($": <code>{reason.Subject}</code>") : HtmlString.Empty)}</li>");
                    }

                    w.Append($"</ul>");
                }
                else if (denied)
                {
                    w.Append($"<span class=\"muted\">no reason recorded</span>");
                }

                if (decision.DeploysThrough.Count > 0)
                {
                    w.Append($"<span class=\"sub\">Deployed: {Join(decision.DeploysThrough.Select(d => H($"<a href=\"{ctx.Url(d.Anchor)}\">{d.Text}</a>")), H($", "))}</span>");
                }
                else if (!denied)
                {
                    w.Append($"<span class=\"sub muted\">no deploy names it</span>");
                }

                w.Append($"</td></tr>");
            }

            w.Append($"</tbody></table>");
        }

        w.Append(SectionEnd);
        return w.ToHtml();
    }

    private static HtmlString DeploysSection(PageContext ctx, AuditLogModel log, IReadOnlyList<AuditEventModel> shown)
    {
        var w = new HtmlWriter(shown.Count * 800 + 2048);
        w.Append(SectionStart(ctx, "deploys", "Deploys", log.Deploys.Count));
        w.Append($"<p class=\"section-note\">Each deploy names the gate decision that allowed it by the decision's hash. A deploy that names no decision, a decision that is not in the log, a denied decision or a decision about another artifact is shown as a problem.</p>");
        if (log.Deploys.Count == 0)
        {
            w.Append(Empty("No deploy is recorded."));
        }
        else
        {
            var decisions = log.Decisions.ToDictionary(d => d.Anchor.Fragment!, System.StringComparer.Ordinal);
            if (shown.Count < log.Deploys.Count)
            {
                w.Append($"<p class=\"section-note\">Every deploy without an allowing decision and the newest {AuditLogModel.NewestShown} others; the other {log.Deploys.Count - shown.Count} deploys are on the pages of the log below.</p>");
            }

            w.Append($"<table class=\"data deploys\"><caption class=\"visually-hidden\">Deploys, newest first</caption><thead><tr><th scope=\"col\">Event</th><th scope=\"col\">Actor</th><th scope=\"col\">Artifact</th><th scope=\"col\">Gate decision</th><th scope=\"col\">Details</th></tr></thead><tbody>");
            foreach (var deploy in shown)
            {
                w.Append($"<tr><th scope=\"row\"><a href=\"{ctx.Url(deploy.Anchor)}\">#{deploy.Seq}</a><span class=\"sub\">{Timestamp(deploy.Time)}</span></th><td>{Actor(ctx, deploy.Actor, deploy.Person)}</td><td>{Digest(deploy.Artifact)}</td><td>{DeployGate(deploy.GateState, deploy.Review)}{Unverified(deploy)}");
                if (deploy.Review is { } review)
                {
                    w.Append($"<span class=\"sub\">Reviewed: {EventLink(ctx, review)}{(deploy.ReviewReason is { } reason ? H($" — {reason}") : HtmlString.Empty)}</span>");
                }

                if (deploy.Decision is { } decision)
                {
                    w.Append($"<span class=\"sub\">{EventLink(ctx, decision)}</span>");
                    if (decisions.TryGetValue(decision.Anchor.Fragment!, out var made) && made.Reasons.Count > 0)
                    {
                        w.Append($"<span class=\"sub\">Denied for: {Join(made.Reasons.Select(r => H($"<code>{(r.RuleId.Length > 0 ? r.RuleId + " " : string.Empty)}{r.Subject}</code>")), H($", "))}</span>");
                    }
                }
                else if (deploy.DecisionHash is { } hash)
                {
                    w.Append($"<span class=\"sub\">names <code class=\"hash\">{hash}</code></span>");
                }

                w.Append($"</td><td>{Fields(ctx, deploy.Fields.Where(f => f.Key != AuditEventTypes.DecisionField))}</td></tr>");
            }

            w.Append($"</tbody></table>");
        }

        w.Append(SectionEnd);
        return w.ToHtml();
    }

    private static HtmlString RunnersSection(PageContext ctx, AuditLogModel log)
    {
        var w = new HtmlWriter(2048);
        w.Append(SectionStart(ctx, "runners", "Runners in scope", log.Runners.Count));
        if (log.Runners.Count == 0)
        {
            w.Append(Empty("The programme declares no runner, so the gate denies every deploy."));
        }
        else
        {
            w.Append($"<table class=\"data compact\"><caption class=\"visually-hidden\">Runners declared in controls/programme.yaml</caption><thead><tr><th scope=\"col\">Runner</th><th scope=\"col\">Signed deploys</th><th scope=\"col\">Description</th><th scope=\"col\" class=\"num\">Gate decisions</th></tr></thead><tbody>");
            foreach (var runner in log.Runners)
            {
                w.Append($"<tr id=\"{runner.Anchor.Fragment}\"><th scope=\"row\"><code>{runner.Id}</code></th><td>{(runner.RequireSigned ? H($"Required") : H($"<span class=\"muted\">Not required</span>"))}</td><td>{runner.Description ?? "—"}</td><td class=\"num\">{runner.Decisions}</td></tr>");
            }

            w.Append($"</tbody></table>");
        }

        w.Append(SectionEnd);
        return w.ToHtml();
    }

    private static HtmlString EventsSection(PageContext ctx, AuditLogModel log, IReadOnlyList<AuditEventModel> events, string title, HtmlString what)
    {
        var w = new HtmlWriter(events.Count * 1200 + 2048);
        w.Append(SectionStart(ctx, "events", title, events.Count));
        w.Append($"<p class=\"section-note\">{what}: the order of the file, which the hash chain fixes, not the order of the timestamps. Each event's hash covers its whole line, and each line names the hash of the one before it.</p>");
        if (events.Count == 0)
        {
            w.Append(Empty("The log holds no event."));
        }
        else
        {
            w.Append($"<table class=\"data events\"><caption class=\"visually-hidden\">Audit log events, newest first</caption><thead><tr><th scope=\"col\">Event</th><th scope=\"col\">Type</th><th scope=\"col\">Actor</th><th scope=\"col\">Artifact</th><th scope=\"col\">Fields</th><th scope=\"col\">Hash</th></tr></thead><tbody>");
            foreach (var e in events)
            {
                w.Append($"<tr id=\"{e.Anchor.Fragment}\" class=\"{(e.ChainVerified ? "row-verified" : "row-unverified")}\"><th scope=\"row\">#{e.Seq}<span class=\"sub\">{Timestamp(e.Time)}</span>{(e.ChainVerified ? H($"<span class=\"sub muted\">line {e.Line}</span>") : HtmlString.Empty)}</th><td>{EventType(e.Type)}");
                if (e.Type == AuditEventTypes.GateDecision)
                {
                    w.Append($"<span class=\"sub\">{Verdict(e.Verdict, e.VerdictText)}</span>");
                }
                else if (e.Type == AuditEventTypes.Deploy)
                {
                    w.Append($"<span class=\"sub\">{DeployGate(e.GateState, e.Review)}</span>");
                }

                w.Append($"{Unverified(e)}</td><td>{Actor(ctx, e.Actor, e.Person)}{AuditTrustSections.Signature(e.Signature)}</td><td>{Digest(e.Artifact)}</td><td>{Fields(ctx, e.Fields)}</td><td><code class=\"hash\">{e.Hash}</code></td></tr>");
            }

            w.Append($"</tbody></table>");
        }

        w.Append(SectionEnd);
        return w.ToHtml();
    }

    private static HtmlString Unverified(AuditEventModel e) =>
        e.ChainVerified ? HtmlString.Empty : H($"<span class=\"sub\">{Pill("bad", "✕", "not verified")}</span>");

    private static HtmlString Runner(PageContext ctx, AuditEventModel decision)
    {
        var runner = decision.Field("runner");
        if (runner is null)
        {
            return H($"<span class=\"muted\">no runner</span>");
        }

        var link = decision.Fields.FirstOrDefault(f => f.Key == "runner")?.Link;
        var name = link is null ? H($"<code>{runner}</code>") : H($"<a href=\"{ctx.Url(link)}\"><code>{runner}</code></a>");
        return decision.Field("runner-signed") switch
        {
            "true" => H($"{name} signed"),
            "false" => H($"{name} unsigned"),
            _ => name,
        };
    }

    public static HtmlString Digest(string? artifact) =>
        artifact is null ? H($"<span class=\"muted\">—</span>") : H($"<code class=\"hash\">{artifact}</code>");

    /// <summary>An event's fields as "key value" lines; a value the site can resolve (a decision, an artifact, an endpoint, a runner) is a link.</summary>
    public static HtmlString Fields(PageContext ctx, IEnumerable<AuditFieldModel> fields)
    {
        var list = fields.ToList();
        if (list.Count == 0)
        {
            return H($"<span class=\"muted\">—</span>");
        }

        var w = new HtmlWriter(list.Count * 120 + 64);
        w.Append($"<dl class=\"kv\">");
        foreach (var field in list)
        {
            var value = field.Link is null ? H($"{field.Value}") : H($"<a href=\"{ctx.Url(field.Link)}\">{field.Value}</a>");
            w.Append($"<div><dt>{field.Key}</dt><dd>{value}</dd></div>");
        }

        w.Append($"</dl>");
        return w.ToHtml();
    }
}
