using System;
using System.Linq;
using Compliance.Site.Html;
using Compliance.Site.Markdown;
using Compliance.Site.Model;
using static Compliance.Site.Html.Html;
using static Compliance.Site.Rendering.Components;

namespace Compliance.Site.Rendering;

/// <summary>The policy list, and one page per policy: approval, review, revision history from git, and the text itself.</summary>
public static class PolicyPages
{
    public static HtmlString Index(PageContext ctx)
    {
        var policies = ctx.Site.Policies;
        var w = new HtmlWriter(policies.Count * 600 + 4096);
        w.Append($"<header class=\"page-head\"><p class=\"eyebrow\">Policies · 45 CFR 164.316</p><h1>Policies</h1><p class=\"lede\">Each policy with its version, approval and next review. A review is due {Count(ctx.Site.Identity.PolicyWarningDays, "day", "days")} ahead is flagged as due soon.</p></header>");
        w.Append($"<table class=\"data\"><caption class=\"visually-hidden\">Policies</caption><thead><tr><th scope=\"col\">Policy</th><th scope=\"col\">Version</th><th scope=\"col\">Owner</th><th scope=\"col\">Approved</th><th scope=\"col\">Next review</th><th scope=\"col\">Review</th><th scope=\"col\" class=\"num\">Controls</th></tr></thead><tbody>");
        foreach (var policy in policies)
        {
            w.Append($"<tr><th scope=\"row\">{ctx.Link(policy.Link)}</th><td>{policy.Version}</td><td>{ctx.Person(policy.Owner)}</td><td>{Time(policy.ApprovedOn)}<span class=\"sub\">by {ctx.Person(policy.ApprovedBy)}</span></td><td>{Time(policy.NextReview)}</td><td>{Review(policy.Review)}</td><td class=\"num\">{policy.Governs.Count}</td></tr>");
        }

        w.Append(NotEvaluatedSection.Rows(ctx.Site.NotEvaluatedOf("policy"), columns: 7));

        w.Append($"</tbody></table>");
        w.Append(RetentionSection.Render(ctx.Site.Retention));
        return w.ToHtml();
    }

    public static HtmlString Policy(PageContext ctx, PolicyModel policy)
    {
        var w = new HtmlWriter(policy.Markdown.Length * 2 + 8192);
        w.Append($"<header class=\"page-head\" id=\"{ctx.Id("top")}\"><p class=\"eyebrow\">Policy</p><h1><span class=\"id\">{policy.Id}</span> {policy.Title}</h1>");
        w.Append(Facts(
            ("Version", H($"{policy.Version}")),
            ("Owner", ctx.Person(policy.Owner)),
            ("Approved by", ctx.Person(policy.ApprovedBy)),
            ("Approved on", Time(policy.ApprovedOn)),
            ("Review every", H($"{Count(policy.ReviewIntervalDays, "day", "days")}")),
            ("Next review", policy.DaysToReview is { } days ? H($"{Time(policy.NextReview)} ({Days(days)}) {Review(policy.Review)}") : Review(policy.Review)),
            ("Source", H($"<code>{policy.Path}</code>"))));
        w.Append($"</header>");

        w.Append(SectionStart(ctx, "governs", "Governs", policy.Governs.Count));
        if (policy.Governs.Count == 0)
        {
            w.Append(Empty("This policy governs no control."));
        }
        else
        {
            w.Append($"<ul class=\"link-list\">");
            foreach (var control in policy.Governs)
            {
                w.Append($"<li>{ctx.Link(control)}</li>");
            }

            w.Append($"</ul>");
        }

        w.Append(SectionEnd);

        w.Append(SectionStart(ctx, "history", "Revision history", policy.Revisions.Count));
        if (policy.Revisions.Count == 0)
        {
            w.Append(Empty("No git history: the policy is not committed, or provenance is unavailable."));
        }
        else
        {
            w.Append($"<table class=\"data\"><caption class=\"visually-hidden\">Revisions of {policy.Id}, newest first</caption><thead><tr><th scope=\"col\">Date</th><th scope=\"col\">Commit</th><th scope=\"col\">Author</th><th scope=\"col\">Version</th><th scope=\"col\">Change</th><th scope=\"col\">Summary</th></tr></thead><tbody>");
            foreach (var revision in policy.Revisions)
            {
                var commit = revision.Commit;
                var lines = revision.LinesAdded is { } added && revision.LinesRemoved is { } removed ? $", +{added} −{removed} lines" : string.Empty;
                w.Append($"<tr><td>{Time(commit.Day)}</td><td><code title=\"{commit.Sha}\">{commit.ShortSha}</code> {(commit.Signed ? Pill("good", "✓", "signed") : Pill("none", "–", "unsigned"))}</td><td>{commit.AuthorName}<span class=\"sub muted\">{commit.AuthorEmail}</span></td><td>{revision.Version ?? "—"}</td><td>{revision.Change}{lines}</td><td>{commit.Summary}</td></tr>");
            }

            w.Append($"</tbody></table>");
        }

        w.Append(SectionEnd);

        w.Append(SectionStart(ctx, "text", "Policy text"));
        var rendered = MarkdownRenderer.Render(policy.Markdown, new MarkdownOptions(
            IdPrefix: PageRef.PageIdOf(policy.Page.Path) + "-",
            HeadingShift: 2,
            ResolveRelative: url => Resolve(ctx, policy, url)));
        w.Append($"<article class=\"prose policy-text\">{rendered.Html}</article>");
        w.Append(SectionEnd);
        w.Append(Findings(ctx, ctx.Site.FindingsOn(policy.Page.Path)));
        return w.ToHtml();
    }

    /// <summary>A relative link in a policy: to another policy's Markdown file, that policy's page; anything else keeps its text only.</summary>
    private static SafeUrl? Resolve(PageContext ctx, PolicyModel policy, string url)
    {
        var hash = url.IndexOf('#');
        var path = hash >= 0 ? url.Substring(0, hash) : url;
        var folder = policy.Path.Contains('/') ? policy.Path.Substring(0, policy.Path.LastIndexOf('/') + 1) : string.Empty;
        var target = RelativePaths.Normalise(folder + Uri.UnescapeDataString(path));
        var match = ctx.Site.Policies.FirstOrDefault(p => p.Path == target);
        return match is null ? null : ctx.Url(match.Page);
    }
}
