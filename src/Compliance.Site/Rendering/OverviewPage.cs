using System;
using System.Globalization;
using System.Linq;
using Compliance.Engine.Checks;
using Compliance.Site.Html;
using Compliance.Site.Model;
using PolicyReviewState = Compliance.Site.Model.PolicyReviewState;
using static Compliance.Site.Html.Html;
using static Compliance.Site.Rendering.Components;

namespace Compliance.Site.Rendering;

/// <summary>The front page: when and what was checked, the result, coverage per framework, waivers, the BAA and policy picture, and what changed.</summary>
public static class OverviewPage
{
    public static HtmlString Body(PageContext ctx)
    {
        var site = ctx.Site;
        var identity = site.Identity;
        var gate = site.Gate;
        var w = new HtmlWriter(32 * 1024);

        w.Append($"<header class=\"page-head\" id=\"{ctx.Id("top")}\"><p class=\"eyebrow\">Compliance audit</p><h1>{identity.ProgrammeName}</h1>");
        if (identity.Description is { } description)
        {
            w.Append($"<p class=\"lede\">{description}</p>");
        }

        w.Append(Facts(
            ("As of", Time(identity.AsOf)),
            ("Commit", identity.Head is { } head ? H($"<code title=\"{head.Sha}\">{head.ShortSha}</code> {head.Summary}") : H($"<span class=\"muted\">none</span>")),
            ("Committed", identity.Head is { } h2 ? H($"{h2.AuthorName} · {h2.When} {(h2.Signed ? Pill("good", "✓", "signed") : Pill("none", "–", "unsigned"))}") : H($"—")),
            ("Branch", H($"{identity.Branch ?? "—"}")),
            ("Gate", Gate(gate.Passed))));
        w.Append($"</header>");

        if (identity.ProvenanceUnavailable is { } reason)
        {
            w.Append($"<div class=\"notice notice-warn\" role=\"note\"><p><strong>Git provenance is unavailable:</strong> {reason}. Commit, author and signature details are missing from this site, and the retention checks did not run.</p></div>");
        }

        if (identity.Uncommitted.Count > 0)
        {
            w.Append($"<div class=\"notice notice-warn\" role=\"note\"><p><strong>{Count(identity.Uncommitted.Count, "programme file is", "programme files are")} not committed.</strong> This site shows the working tree, not commit {identity.Head?.ShortSha}: {string.Join(", ", identity.Uncommitted.Take(5))}{(identity.Uncommitted.Count > 5 ? ", …" : string.Empty)}</p></div>");
        }

        if (ctx.Site.Period is { } period)
        {
            w.Append($"<div class=\"notice\" role=\"note\"><p>This site also shows the audit period {period.Result.Period.ToString()}: {ctx.Link(period.Page, "operating effectiveness, exceptions and samples")}.</p></div>");
        }

        // ------------------------------------------------------------ result
        w.Append(SectionStart(ctx, "result", "Result"));
        w.Append($"<ul class=\"tiles\">");
        w.Append($"<li class=\"tile tile-{(gate.Passed ? "good" : "bad")}\"><span class=\"tile-label\">Gate</span><span class=\"tile-value\">{(gate.Passed ? "Pass" : "Fail")}</span><span class=\"tile-note\">{(gate.Passed ? "no errors" : "errors block the build")}</span></li>");
        w.Append($"<li class=\"tile tile-{(gate.Errors > 0 ? "bad" : "good")}\"><a href=\"{ctx.Url(new PageRef(SitePaths.Findings, "errors"))}\"><span class=\"tile-label\">Errors</span><span class=\"tile-value\">{gate.Errors}</span><span class=\"tile-note\">severity error</span></a></li>");
        w.Append($"<li class=\"tile tile-{(gate.Warnings > 0 ? "warn" : "good")}\"><a href=\"{ctx.Url(new PageRef(SitePaths.Findings, "warnings"))}\"><span class=\"tile-label\">Warnings</span><span class=\"tile-value\">{gate.Warnings}</span><span class=\"tile-note\">severity warning</span></a></li>");
        w.Append($"<li class=\"tile tile-info\"><span class=\"tile-label\">Waived</span><span class=\"tile-value\">{gate.Waived}</span><span class=\"tile-note\">reported as warnings</span></li>");
        w.Append($"</ul>");
        w.Append($"<p class=\"inventory\">Checked: {Count(gate.Controls, "control", "controls")}, {Count(gate.EvidenceRequirements, "evidence requirement", "evidence requirements")}, {Count(gate.Artifacts, "artifact", "artifacts")}, {Count(gate.Vendors, "vendor", "vendors")}, {Count(gate.Policies, "policy", "policies")} and {Count(gate.People, "person", "people")}.</p>");
        if (gate.ByCategory.Count > 0)
        {
            w.Append($"<table class=\"data compact\"><caption>Findings by category</caption><thead><tr><th scope=\"col\">Category</th><th scope=\"col\" class=\"num\">Errors</th><th scope=\"col\" class=\"num\">Warnings</th></tr></thead><tbody>");
            foreach (var category in gate.ByCategory)
            {
                w.Append($"<tr><th scope=\"row\">{category.Category}</th><td class=\"num\">{category.Errors}</td><td class=\"num\">{category.Warnings}</td></tr>");
            }

            w.Append($"</tbody><tfoot><tr><th scope=\"row\">Total</th><td class=\"num\">{gate.Errors}</td><td class=\"num\">{gate.Warnings}</td></tr></tfoot></table>");
        }

        w.Append(SectionEnd);
        w.Append(NotEvaluatedSection.Overview(ctx));

        // ------------------------------------------------------------ coverage
        w.Append(SectionStart(ctx, "coverage", "Coverage by framework"));
        w.Append($"<p class=\"section-note\">Counted over the in-scope requirements that need a control of their own (informative requirements, and standards whose parts are listed separately, are left out). Fresh evidence counts the requirements implemented by controls whose evidence is all within its freshness window.</p>");
        w.Append(CoverageTable(ctx));
        w.Append(SectionEnd);

        // ------------------------------------------------------------ waivers
        var inForce = site.Waivers.Where(x => x.State == WaiverState.InForce).ToList();
        var other = site.Waivers.Where(x => x.State != WaiverState.InForce).ToList();
        w.Append(SectionStart(ctx, "waivers", "Waivers in force", inForce.Count));
        if (inForce.Count == 0)
        {
            w.Append(Empty("No waiver is in force: every finding is reported at its own severity."));
        }
        else
        {
            w.Append(WaiverTable(ctx, inForce));
        }

        if (other.Count > 0)
        {
            w.Append($"<h3>Other waivers</h3>");
            w.Append(WaiverTable(ctx, other));
        }

        w.Append(SectionEnd);

        // ------------------------------------------------------------ BAAs and policies
        var vendors = site.Vendors.Vendors;
        var phi = vendors.Where(v => v.HandlesPhi).ToList();
        w.Append(SectionStart(ctx, "snapshot", "Agreements and reviews"));
        w.Append($"<div class=\"columns\"><div>");
        w.Append($"<h3>Business associate agreements</h3><p>{Count(phi.Count, "vendor handles", "vendors handle")} PHI. <a href=\"{ctx.Url(site.Vendors.Page)}\">Open the BAA registry</a>.</p>");
        w.Append($"<ul class=\"states\">");
        foreach (var state in new[] { BaaState.InForce, BaaState.Expiring, BaaState.Expired, BaaState.NotYetEffective, BaaState.Missing })
        {
            var n = phi.Count(v => v.State == state);
            if (n > 0 || state is BaaState.InForce)
            {
                w.Append($"<li>{Baa(state)} <span class=\"num\">{n}</span></li>");
            }
        }

        w.Append($"</ul>");
        var soonest = phi.Where(v => v.DaysLeft is >= 0).OrderBy(v => v.DaysLeft).ThenBy(v => v.Id, System.StringComparer.Ordinal).Take(3).ToList();
        if (soonest.Count > 0)
        {
            w.Append($"<p class=\"small\">Next to expire: ");
            w.Append(Join(soonest, v => H($"{ctx.Link(v.Link, title: false)} ({Date(v.Baa?.ExpiresOn)}, {Days(v.DaysLeft!.Value)})"), H($"; ")));
            w.Append($"</p>");
        }

        w.Append($"</div><div>");
        var policies = site.Policies;
        w.Append($"<h3>Policy reviews</h3><p>{Count(policies.Count, "policy", "policies")}. <a href=\"{ctx.Url(new PageRef(SitePaths.Policies))}\">Open the policies</a>.</p><ul class=\"states\">");
        foreach (var state in new[] { PolicyReviewState.Current, PolicyReviewState.DueSoon, PolicyReviewState.Overdue })
        {
            w.Append($"<li>{Review(state)} <span class=\"num\">{policies.Count(p => p.Review == state)}</span></li>");
        }

        w.Append($"</ul>");
        var due = policies.Where(p => p.Review is PolicyReviewState.DueSoon or PolicyReviewState.Overdue).OrderBy(p => p.NextReview).Take(5).ToList();
        if (due.Count > 0)
        {
            w.Append($"<p class=\"small\">Due: ");
            w.Append(Join(due, p => H($"{ctx.Link(p.Link, title: false)} ({Date(p.NextReview)})"), H($"; ")));
            w.Append($"</p>");
        }

        w.Append($"</div></div>");
        w.Append(SectionEnd);

        // ------------------------------------------------------------ what the system enforces
        w.Append(EnforcementSection(ctx));

        // ------------------------------------------------------------ changes
        w.Append(ChangesSection(ctx));

        if (site.Notes.Count > 0)
        {
            w.Append(SectionStart(ctx, "site-notes", "Notes on this site"));
            w.Append($"<ul>");
            foreach (var note in site.Notes)
            {
                w.Append($"<li>{note}</li>");
            }

            w.Append($"</ul>");
            w.Append(SectionEnd);
        }

        return w.ToHtml();
    }

    /// <summary>The HIPAA controls the system enforces, at a glance: the audit log's status, the last deploys, the open breach clocks and the endpoints verified.</summary>
    private static HtmlString EnforcementSection(PageContext ctx)
    {
        var site = ctx.Site;
        var log = site.AuditLog;
        var w = new HtmlWriter(4096);
        w.Append(SectionStart(ctx, "enforcement", "HIPAA enforcement"));
        w.Append($"<div class=\"columns columns-4\"><div>");

        w.Append($"<h3>Audit log</h3><p>{AuditLogStatus(log.Verification, log.Exists)}</p><p class=\"small\">");
        if (!log.Verification.Checked)
        {
            w.Append($"{Count(log.Events.Count, "event", "events")}, not verified by this check.");
        }
        else if (!log.Verification.Valid)
        {
            w.Append($"First bad line: {log.Verification.Line}. {AuditLogPage.ProblemText(log.Verification.Problem)}.");
        }
        else
        {
            w.Append($"{Count(log.Verification.Events, "event", "events")}; hash chain verified.");
        }

        w.Append($" <a href=\"{ctx.Url(log.Page)}\">Open the deploy gate and audit log</a>.</p>");

        w.Append($"</div><div>");
        var summary = log.Summary;
        w.Append($"<h3>Last deploys</h3><p class=\"small\">{Count(summary.Decisions, "gate decision", "gate decisions")}: {summary.Allowed} allowed, {summary.Denied} denied.");
        if (summary.DeploysWithProblems > 0)
        {
            w.Append($" {Pill("bad", "✕", $"{Count(summary.DeploysWithProblems, "deploy", "deploys")} without an allowing decision")}");
        }

        w.Append($"</p>");
        if (log.Deploys.Count == 0)
        {
            w.Append($"<p class=\"small muted\">No deploy is recorded.</p>");
        }
        else
        {
            w.Append($"<ul class=\"plain small\">");
            foreach (var deploy in log.Deploys.Take(3))
            {
                w.Append($"<li><a href=\"{ctx.Url(deploy.Anchor)}\">#{deploy.Seq}</a> {Time(DateOnly.FromDateTime(deploy.Time.UtcDateTime))} by {(deploy.Person is { } person ? ctx.Person(person) : H($"<code>{deploy.Actor}</code>"))} {DeployGate(deploy.GateState)}</li>");
            }

            w.Append($"</ul>");
        }

        w.Append($"</div><div>");
        var incidents = site.Incidents;
        var open = incidents.Breaches.Where(b => b.Open).ToList();
        w.Append($"<h3>Breach clocks</h3><p class=\"small\">{Count(incidents.Breaches.Count, "breach", "breaches")}, {Count(open.Count, "clock", "clocks")} open. <a href=\"{ctx.Url(incidents.Page)}\">Open the incidents</a>.</p>");
        var pending = open
            .SelectMany(b => b.Notices.Where(n => n.IsOpen).Select(n => (Breach: b, Notice: n)))
            .OrderBy(x => x.Notice.Deadline)
            .ThenBy(x => x.Breach.Id, StringComparer.Ordinal)
            .Take(4)
            .ToList();
        if (pending.Count == 0)
        {
            w.Append($"<p class=\"small muted\">No notice is outstanding.</p>");
        }
        else
        {
            w.Append($"<ul class=\"plain small\">");
            foreach (var (breach, notice) in pending)
            {
                w.Append($"<li>{ctx.Link(breach.Link, title: false)} {notice.Who}: {Notice(notice.State)} <span class=\"sub\">due {Time(notice.Deadline)}, {IncidentsPage.StatusText(notice)}</span></li>");
            }

            w.Append($"</ul>");
        }

        w.Append($"</div><div>");
        var endpoints = site.Encryption.Endpoints;
        var verified = endpoints.Count(e => e.State == "verified");
        w.Append($"<h3>Endpoints verified</h3>{Bar(verified, endpoints.Count, verified == endpoints.Count ? "good" : "bad", "Endpoints verified")}");
        var failing = endpoints.Where(e => e.State != "verified").Take(4).ToList();
        if (failing.Count > 0)
        {
            w.Append($"<ul class=\"plain small\">");
            foreach (var endpoint in failing)
            {
                w.Append($"<li>{ctx.Link(endpoint.Anchor, endpoint.Id)} {EndpointState(endpoint.State)}</li>");
            }

            w.Append($"</ul>");
        }

        w.Append($"<p class=\"small\"><a href=\"{ctx.Url(site.Encryption.Page)}\">Open the encryption verification</a>.</p>");
        w.Append($"</div></div>");
        w.Append(SectionEnd);
        return w.ToHtml();
    }

    public static HtmlString CoverageTable(PageContext ctx)
    {
        var w = new HtmlWriter();
        w.Append($"<table class=\"data coverage\"><caption class=\"visually-hidden\">Coverage by framework</caption><thead><tr><th scope=\"col\">Framework</th><th scope=\"col\" class=\"num\">Requirements</th><th scope=\"col\">Mapped to a control or decision</th><th scope=\"col\">With fresh evidence</th><th scope=\"col\" class=\"num\">Not covered</th></tr></thead><tbody>");
        foreach (var framework in ctx.Site.Frameworks)
        {
            var c = framework.Coverage;
            if (!framework.InScope)
            {
                w.Append($"<tr><th scope=\"row\">{ctx.Link(framework.Page, framework.Title)}</th><td colspan=\"4\"><span class=\"muted\">Not in scope of this programme</span></td></tr>");
                continue;
            }

            w.Append($"<tr><th scope=\"row\">{ctx.Link(framework.Page, framework.Title)}");
            if (framework.ScopeCategories.Count > 0)
            {
                w.Append($"<span class=\"sub muted\">{string.Join(", ", framework.ScopeCategories)}</span>");
            }

            w.Append($"</th><td class=\"num\">{c.Assessable}</td><td>{Bar(c.Mapped, c.Assessable, "good", "Mapped")}");
            if (c.ByDecision > 0)
            {
                w.Append($"<span class=\"sub muted\">{Count(c.ByDecision, "by decision", "by decision")}</span>");
            }

            w.Append($"</td><td>{Bar(c.WithFreshEvidence, c.ByControls, "good", "With fresh evidence")}");
            if (c.EvidenceStale + c.EvidenceMissing + c.EvidenceNearlyStale > 0)
            {
                w.Append($"<span class=\"sub muted\">{c.EvidenceNearlyStale} nearly stale, {c.EvidenceStale} stale, {c.EvidenceMissing} missing</span>");
            }

            w.Append($"</td><td class=\"num\">{(c.NotCovered > 0 ? Pill("bad", "✕", c.NotCovered.ToString(CultureInfo.InvariantCulture)) : Pill("good", "✓", "0"))}</td></tr>");
        }

        w.Append($"</tbody></table>");
        return w.ToHtml();
    }

    private static HtmlString WaiverTable(PageContext ctx, System.Collections.Generic.IEnumerable<WaiverModel> waivers)
    {
        var w = new HtmlWriter();
        w.Append($"<table class=\"data\"><thead><tr><th scope=\"col\">Waiver</th><th scope=\"col\">Rule and target</th><th scope=\"col\">Reason</th><th scope=\"col\">Approved</th><th scope=\"col\">Expires</th><th scope=\"col\">State</th></tr></thead><tbody>");
        foreach (var waiver in waivers)
        {
            var rule = waiver.RulePage is null ? H($"<code>{waiver.Rule}</code>") : H($"<a href=\"{ctx.Url(waiver.RulePage)}\"><code>{waiver.Rule}</code></a>");
            w.Append($"<tr id=\"{waiver.Anchor.Fragment}\"><th scope=\"row\"><span class=\"id\">{waiver.Id}</span></th><td>{rule} on <code>{waiver.Target}</code></td><td>{waiver.Reason}</td><td>{ctx.Person(waiver.ApprovedBy)}<span class=\"sub\">{Time(waiver.ApprovedOn)}</span></td><td>{Time(waiver.ExpiresOn)}");
            if (waiver.DaysLeft is { } days)
            {
                w.Append($"<span class=\"sub\">{Days(days)}</span>");
            }

            w.Append($"</td><td>{Waiver(waiver.State)}{(waiver.State == WaiverState.InForce ? H($"<span class=\"sub\">{Count(waiver.Applied, "finding waived", "findings waived")}</span>") : HtmlString.Empty)}</td></tr>");
        }

        w.Append($"</tbody></table>");
        return w.ToHtml();
    }

    private static HtmlString ChangesSection(PageContext ctx)
    {
        var changes = ctx.Site.Changes;
        var w = new HtmlWriter();
        w.Append(SectionStart(ctx, "changes", $"What changed {changes.Description}"));
        if (changes.Unavailable is { } why)
        {
            w.Append(Empty($"The changes cannot be shown: {why}."));
            w.Append(SectionEnd);
            return w.ToHtml();
        }

        w.Append($"<p class=\"section-note\">Programme files (controls/, policies/, evidence/) that differ between ");
        w.Append(changes.Base is { } b ? H($"commit <code title=\"{b.Sha}\">{b.ShortSha}</code> ({Date(b.Day)}, {b.Summary})") : H($"the start of the history"));
        w.Append($" and the audited commit.</p>");
        if (changes.Files.Count == 0)
        {
            w.Append(Empty("No programme file changed."));
        }
        else
        {
            w.Append($"<table class=\"data\"><caption class=\"visually-hidden\">Changed files</caption><thead><tr><th scope=\"col\">Change</th><th scope=\"col\">File</th><th scope=\"col\">Items</th></tr></thead><tbody>");
            foreach (var file in changes.Files)
            {
                var tone = file.Change switch { "added" => "good", "deleted" => "bad", _ => "info" };
                w.Append($"<tr><td>{Pill(tone, file.Change switch { "added" => "+", "deleted" => "−", "renamed" => "→", _ => "~" }, file.Change)}</td><td><code>{file.Path}</code>");
                if (file.OldPath is { } old)
                {
                    w.Append($"<span class=\"sub\">from <code>{old}</code></span>");
                }

                w.Append($"</td><td>{Links(ctx, file.Items, titles: false, empty: "—")}</td></tr>");
            }

            w.Append($"</tbody></table>");
        }

        if (changes.Commits.Count > 0)
        {
            w.Append($"<h3>Commits</h3><table class=\"data\"><caption class=\"visually-hidden\">Commits that changed programme files</caption><thead><tr><th scope=\"col\">Commit</th><th scope=\"col\">Date</th><th scope=\"col\">Author</th><th scope=\"col\">Signature</th><th scope=\"col\">Summary</th></tr></thead><tbody>");
            foreach (var commit in changes.Commits)
            {
                w.Append($"<tr><td><code title=\"{commit.Sha}\">{commit.ShortSha}</code></td><td>{Time(commit.Day)}</td><td>{commit.AuthorName}</td><td>{(commit.Signed ? Pill("good", "✓", "signed") : Pill("none", "–", "unsigned"))}</td><td>{commit.Summary}</td></tr>");
            }

            w.Append($"</tbody></table>");
            if (changes.MoreCommits > 0)
            {
                w.Append($"<p class=\"small\">And {Count(changes.MoreCommits, "earlier commit", "earlier commits")} not listed.</p>");
            }
        }

        w.Append(SectionEnd);
        return w.ToHtml();
    }
}
