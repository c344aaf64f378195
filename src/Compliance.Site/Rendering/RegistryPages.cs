using System.Linq;
using Compliance.Engine.Audit;
using Compliance.Engine.Checks;
using Compliance.Model.Diagnostics;
using Compliance.Site.Html;
using Compliance.Site.Markdown;
using Compliance.Site.Model;
using static Compliance.Site.Html.Html;
using static Compliance.Site.Rendering.Components;

namespace Compliance.Site.Rendering;

/// <summary>People, findings, the rule catalog and the organisation's own extra pages.</summary>
public static class RegistryPages
{
    public static HtmlString People(PageContext ctx)
    {
        var people = ctx.Site.People;
        var w = new HtmlWriter(people.Count * 800 + 4096);
        w.Append($"<header class=\"page-head\"><p class=\"eyebrow\">Workforce · 45 CFR 164.308(a)(3), (a)(4)</p><h1>People</h1><p class=\"lede\">Who may hold PHI access, who owns which controls and policies, and who approved what. A revoked person may own and approve nothing from the day of revocation.</p>");
        w.Append(Facts(
            ("People", H($"{people.Count}")),
            ("Active", H($"{people.Count(p => p.Status == "active")}")),
            ("With PHI access", H($"{people.Count(p => p.PhiAccess)}")),
            ("Revoked", H($"{people.Count(p => p.Status != "active")}"))));
        w.Append($"</header>");
        w.Append($"<table class=\"data people\"><caption class=\"visually-hidden\">People</caption><thead><tr><th scope=\"col\">Person</th><th scope=\"col\">Role</th><th scope=\"col\">PHI access</th><th scope=\"col\">Status</th><th scope=\"col\">Owns controls</th><th scope=\"col\">Owns policies</th><th scope=\"col\">Approved</th><th scope=\"col\">Gate decisions and deploys</th></tr></thead><tbody>");
        foreach (var person in people)
        {
            var status = person.Status == "active"
                ? Pill("good", "✓", "Active")
                : H($"{Pill("bad", "✕", "Revoked")}<span class=\"sub\">{Time(person.RevokedOn)}</span>");
            w.Append($"<tr id=\"{person.Anchor.Fragment}\"><th scope=\"row\">{person.Name}<span class=\"sub muted\"><code>{person.Id}</code>{(person.Email is { } email ? " · " + email : string.Empty)}</span></th><td>{person.Role}</td><td>{YesNo(person.PhiAccess, "Yes", "No")}</td><td>{status}</td><td>{Links(ctx, person.OwnsControls, empty: "—")}</td><td>{Links(ctx, person.OwnsPolicies, empty: "—")}</td><td>{Links(ctx, person.Approves, titles: true, empty: "—")}{(person.EvidenceCollected > 0 ? H($"<span class=\"sub muted\">collected {Count(person.EvidenceCollected, "artifact", "artifacts")}</span>") : HtmlString.Empty)}</td><td>{GateActivity(ctx, person)}</td></tr>");
        }

        w.Append($"</tbody></table>");
        if (ctx.Site.AccessReview is { } review)
        {
            w.Append(AccessReview(ctx, review));
        }

        w.Append(Findings(ctx, ctx.Site.FindingsOn(SitePaths.People)));
        return w.ToHtml();
    }

    /// <summary>The latest access review against the identity provider: its export, date, and each disagreement the engine found.</summary>
    private static HtmlString AccessReview(PageContext ctx, AccessReviewModel review)
    {
        var w = new HtmlWriter(1024 + review.Findings.Count * 300);
        var export = review.ArtifactPage is { } page ? ctx.Link(page, review.Artifact) : H($"<code>{review.Artifact}</code>");
        w.Append($"<section class=\"access-review\"><h2>Access review against the identity provider</h2><p>{export}, collected {Time(review.CollectedOn)}: {Count(review.Users, "user", "users")} reconciled with this registry (45 CFR 164.308(a)(3)(ii)(B)-(C), 164.308(a)(4), 164.312(a)(1)).</p>");
        if (review.Findings.Count == 0)
        {
            w.Append($"<p>{Pill("good", "✓", "Reconciled")} The registry and the identity provider agree.</p></section>");
            return w.ToHtml();
        }

        w.Append($"<table class=\"data\"><thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">Problem</th><th scope=\"col\">Person</th><th scope=\"col\">IdP user</th></tr></thead><tbody>");
        foreach (var finding in review.Findings)
        {
            var problem = finding.Problem switch
            {
                AccessProblem.RevokedStillActive => "Revoked, still active or in a PHI group",
                AccessProblem.PhiMemberNotEntitled => "In a PHI group without PHI access",
                AccessProblem.PhiMemberUnknown => "In a PHI group, not in the registry",
                _ => "PHI access, in no PHI group",
            };
            var person = finding.Person is { } link ? ctx.Person(link) : H($"<span class=\"muted\">unknown</span>");
            w.Append($"<tr><td><a href=\"{ctx.Url(finding.RulePage)}\"><code>{finding.RuleId}</code></a></td><td>{problem}</td><td>{person}</td><td><code>{finding.IdpUser}</code></td></tr>");
        }

        w.Append($"</tbody></table></section>");
        return w.ToHtml();
    }

    /// <summary>The gate decisions and deploys a person made, newest first: counts, then the latest few linked to the audit log.</summary>
    private static HtmlString GateActivity(PageContext ctx, PersonModel person)
    {
        const int Shown = 5;
        var activity = person.GateActivity;
        if (activity.Count == 0)
        {
            return H($"<span class=\"muted\">—</span>");
        }

        var decisions = activity.Count(a => a.Type == AuditEventTypes.GateDecision);
        var denied = activity.Count(a => a.Verdict == GateVerdict.Deny);
        var deploys = activity.Count(a => a.Type == AuditEventTypes.Deploy);
        var w = new HtmlWriter(Shown * 200 + 256);
        w.Append($"<span class=\"line\">{Count(decisions, "decision", "decisions")}{(denied > 0 ? $" ({denied} denied)" : string.Empty)}, {Count(deploys, "deploy", "deploys")}</span><ul class=\"plain small\">");
        foreach (var link in activity.Take(Shown))
        {
            w.Append($"<li>{EventLink(ctx, link)}</li>");
        }

        w.Append($"</ul>");
        if (activity.Count > Shown)
        {
            w.Append($"<span class=\"sub muted\">and {Count(activity.Count - Shown, "earlier event", "earlier events")} in the <a href=\"{ctx.Url(ctx.Site.AuditLog.Page.At(ctx.Site.AuditLog.Page.PageId + "-events"))}\">audit log</a></span>");
        }

        return w.ToHtml();
    }

    public static HtmlString FindingsPage(PageContext ctx)
    {
        var site = ctx.Site;
        var errors = site.Findings.Where(f => f.Severity == Compliance.Model.Diagnostics.Severity.Error).ToList();
        var warnings = site.Findings.Where(f => f.Severity != Compliance.Model.Diagnostics.Severity.Error).ToList();
        var w = new HtmlWriter(site.Findings.Count * 700 + 4096);
        w.Append($"<header class=\"page-head\"><p class=\"eyebrow\">Findings</p><h1>Findings</h1><p class=\"lede\">Every error and warning of the check as of {Date(site.Identity.AsOf)}, with its rule, the item it is about and how to fix it. Errors fail the build; warnings do not.</p>");
        w.Append(Facts(("Gate", Gate(site.Gate.Passed)), ("Errors", H($"{errors.Count}")), ("Warnings", H($"{warnings.Count}")), ("Waived", H($"{site.Gate.Waived}"))));
        w.Append($"</header>");
        w.Append($"<section class=\"block\" aria-labelledby=\"errors\"><h2 id=\"errors\">Errors <span class=\"count\">{errors.Count}</span></h2>");
        w.Append(errors.Count == 0 ? Empty("No errors.") : FindingList(ctx, errors, showItem: true));
        w.Append($"</section><section class=\"block\" aria-labelledby=\"warnings\"><h2 id=\"warnings\">Warnings <span class=\"count\">{warnings.Count}</span></h2>");
        w.Append(warnings.Count == 0 ? Empty("No warnings.") : FindingList(ctx, warnings, showItem: true));
        w.Append($"</section>");
        return w.ToHtml();
    }

    public static HtmlString Rules(PageContext ctx)
    {
        var w = new HtmlWriter(32 * 1024);
        w.Append($"<header class=\"page-head\"><p class=\"eyebrow\">Reference</p><h1>Rule catalog</h1><p class=\"lede\">Every rule the toolkit checks, as documented in docs/diagnostics.md in the repository. CMP0xxx rules check the structure of the programme files; CMP1xxx rules are the gate's checks of dates, evidence on disk and git history, and only those can be waived.</p></header>");
        w.Append($"<table class=\"data rules\"><caption class=\"visually-hidden\">Rules</caption><thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">Severity</th><th scope=\"col\">Category</th><th scope=\"col\">Usual fix</th><th scope=\"col\" class=\"num\">In this run</th></tr></thead><tbody>");
        foreach (var rule in ctx.Site.Rules)
        {
            w.Append($"<tr id=\"{rule.Anchor.Fragment}\"><th scope=\"row\"><code>{rule.Id}</code><span class=\"line\">{rule.Title}</span></th><td>{Severity(rule.Severity)}</td><td>{rule.Category}</td><td>{rule.Fix}</td><td class=\"num\">{rule.Findings}</td></tr>");
        }

        w.Append($"</tbody></table>");
        return w.ToHtml();
    }

    public static HtmlString Extra(PageContext ctx, ExtraPageModel page)
    {
        var rendered = MarkdownRenderer.Render(page.Markdown, new MarkdownOptions(IdPrefix: "page-", HeadingShift: 1, ResolveRelative: url => ResolveExtra(ctx, url)));
        return H($"<header class=\"page-head\"><p class=\"eyebrow\">About</p><h1>{page.Title}</h1></header><article class=\"prose\">{rendered.Html}</article>");
    }

    /// <summary>Links between extra pages ("other-page.md") go to their pages; anything else keeps its text only.</summary>
    private static SafeUrl? ResolveExtra(PageContext ctx, string url)
    {
        var path = url.Split('#')[0];
        if (path.Contains('/') || !path.EndsWith(".md", System.StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var slug = Slugs.Slug(path.Substring(0, path.Length - 3));
        var target = ctx.Site.ExtraPages.FirstOrDefault(p => p.Slug == slug);
        return target is null ? null : ctx.Url(target.Page);
    }
}
