using System.Collections.Generic;
using System.Linq;
using Compliance.Engine.Assessment;
using Compliance.Engine.Checks;
using Compliance.Site.Html;
using Compliance.Site.Model;
using static Compliance.Site.Html.Html;
using static Compliance.Site.Rendering.Components;

namespace Compliance.Site.Rendering;

/// <summary>The list of controls, and one page per control with each evidence requirement and its artifacts.</summary>
public static class ControlPages
{
    public static HtmlString Index(PageContext ctx)
    {
        var controls = ctx.Site.Controls;
        var notEvaluated = ctx.Site.NotEvaluatedOf("control");
        var w = new HtmlWriter(controls.Count * 400 + 4096);
        w.Append($"<header class=\"page-head\"><p class=\"eyebrow\">Controls</p><h1>Controls</h1><p class=\"lede\">Every control the organisation operates, its owner, its status and the state of its evidence on the as-of date.</p>");
        var facts = new FactList
        {
            ("Controls", H($"{controls.Count}")),
            ("Evidence fresh", H($"{controls.Count(c => c.Rollup is EvidenceRollup.Fresh or EvidenceRollup.NearlyStale)}")),
            ("Evidence stale or missing", H($"{controls.Count(c => c.Rollup is EvidenceRollup.Stale or EvidenceRollup.Missing)}")),
        };
        if (notEvaluated.Count > 0)
        {
            facts.Add(("Not evaluated", H($"{notEvaluated.Count}")));
        }

        w.Append(Facts(facts));
        w.Append($"</header>");
        w.Append($"<table class=\"data\"><caption class=\"visually-hidden\">Controls</caption><thead><tr><th scope=\"col\">Control</th><th scope=\"col\">Owner</th><th scope=\"col\">Status</th><th scope=\"col\">Implements</th><th scope=\"col\">Evidence</th></tr></thead><tbody>");
        foreach (var control in controls)
        {
            w.Append($"<tr><th scope=\"row\"><a href=\"{ctx.Url(control.Page)}\"><span class=\"id\">{control.Id}</span> <span class=\"title\">{control.Title}</span></a></th><td>{ctx.Person(control.Owner)}</td><td>{ControlStatus(control.Status)}</td><td class=\"ids\">{string.Join(", ", control.MapsTo.Select(m => m.Requirement.Id))}</td><td>{Evidence(control.Rollup)}</td></tr>");
        }

        w.Append(NotEvaluatedSection.Rows(notEvaluated, columns: 5));

        w.Append($"</tbody></table>");
        return w.ToHtml();
    }

    public static HtmlString Control(PageContext ctx, ControlModel control)
    {
        var w = new HtmlWriter(16 * 1024);
        w.Append($"<header class=\"page-head\" id=\"{ctx.Id("top")}\"><p class=\"eyebrow\">Control</p><h1><span class=\"id\">{control.Id}</span> {control.Title}</h1>");
        w.Append(Facts(
            ("Status", ControlStatus(control.Status)),
            ("Owner", ctx.Person(control.Owner)),
            ("Evidence", Evidence(control.Rollup)),
            ("Governed by", Links(ctx, control.GovernedBy, titles: true, empty: "no policy")),
            ("Defined in", H($"<code>{control.SourcePath}:{control.SourceLine}</code>"))));
        w.Append($"</header>");

        if (ctx.Site.Period is { } period && period.Result.Requirements.Where(r => r.ControlId == control.Id).ToList() is { Count: > 0 } timelines)
        {
            w.Append(SectionStart(ctx, "period", $"Audit period {period.Result.Period}", timelines.Count));
            w.Append(PeriodCharts.Legend());
            w.Append(PeriodPage.TimelineTable(ctx, period, timelines, period.Result.Period.Days));
            w.Append(PeriodPage.ExceptionTable(ctx, period, period.Result.Exceptions.Where(e => timelines.Any(t => t.Key == e.Target) || e.Target == control.Id)));
            w.Append($"<p>{ctx.Link(period.Page, "The whole audit period")}</p>");
            w.Append(SectionEnd);
        }

        w.Append(SectionStart(ctx, "description", "Description"));
        w.Append($"<div class=\"prose\">{Paragraphs(control.Description)}</div>");
        w.Append(SectionEnd);

        w.Append(SectionStart(ctx, "implements", "Implements", control.MapsTo.Count));
        if (control.MapsTo.Count == 0)
        {
            w.Append(Empty("This control maps to no requirement."));
        }
        else
        {
            w.Append($"<table class=\"data\"><thead><tr><th scope=\"col\">Requirement</th><th scope=\"col\">Framework</th><th scope=\"col\">Designation</th><th scope=\"col\">Scope</th></tr></thead><tbody>");
            foreach (var requirement in control.MapsTo)
            {
                w.Append($"<tr><th scope=\"row\">{ctx.Link(requirement.Requirement)}</th><td>{requirement.FrameworkTitle}</td><td>{(requirement.Designation.Length > 0 ? requirement.Designation : "—")}</td><td>{(requirement.InScope ? H($"In scope") : H($"<span class=\"muted\">Out of scope</span>"))}</td></tr>");
            }

            w.Append($"</tbody></table>");
        }

        w.Append(SectionEnd);

        w.Append(SectionStart(ctx, "evidence", "Evidence", control.Evidence.Count));
        if (control.Evidence.Count == 0)
        {
            w.Append(Empty("This control defines no evidence requirement."));
        }

        foreach (var evidence in control.Evidence)
        {
            w.Append(EvidenceRequirement(ctx, evidence));
        }

        w.Append(SectionEnd);
        var findings = new List<FindingModel>(ctx.Site.FindingsOn(control.Page.Path));
        foreach (var evidence in control.Evidence)
        {
            foreach (var artifact in evidence.Artifacts)
            {
                findings.AddRange(ctx.Site.FindingsOn(artifact.Viewer.Path));
            }
        }

        w.Append(Findings(ctx, FindingModel.ByNumber(findings)));
        return w.ToHtml();
    }

    private static HtmlString EvidenceRequirement(PageContext ctx, EvidenceRequirementModel evidence)
    {
        var w = new HtmlWriter(4096);
        var anchor = evidence.Anchor.Fragment!;
        w.Append($"<article class=\"evidence\" id=\"{anchor}\" aria-labelledby=\"{anchor}-h\"><header class=\"evidence-head\"><h3 id=\"{anchor}-h\"><code>{evidence.Id}</code></h3>{Evidence(evidence.State)}</header>");
        w.Append($"<p>{evidence.Description}</p>");
        w.Append(Facts(
            ("Collection", H($"{evidence.Collection}")),
            ("Fresh for", H($"{Count(evidence.FreshnessDays, "day", "days")}")),
            ("State", H($"{StateText(evidence)}"))));

        if (evidence.Artifacts.Count == 0)
        {
            w.Append(Empty("No artifact has been collected."));
        }
        else
        {
            w.Append($"<table class=\"data artifacts\"><caption class=\"visually-hidden\">Artifacts for {evidence.Key}</caption><thead><tr><th scope=\"col\">Artifact</th><th scope=\"col\">Collected</th><th scope=\"col\">Collector</th><th scope=\"col\">SHA-256</th><th scope=\"col\">Integrity</th><th scope=\"col\">Added by</th></tr></thead><tbody>");
            foreach (var artifact in evidence.Artifacts)
            {
                var latest = ReferenceEquals(artifact, evidence.Latest) ? Pill("info", "★", "latest") : HtmlString.Empty;
                w.Append($"<tr><th scope=\"row\"><a href=\"{ctx.Url(artifact.Viewer)}\">{artifact.FileName}</a> {latest}");
                if (artifact.Description is { } description)
                {
                    w.Append($"<span class=\"sub muted\">{description}</span>");
                }

                w.Append($"</th><td>{Time(artifact.CollectedOn)}</td><td>{Collector(ctx, artifact)}</td><td><code class=\"hash\">{artifact.RecordedSha256 ?? artifact.ActualSha256}</code></td><td>{Integrity(artifact.Integrity)}</td><td>{Commit(artifact.AddedBy)}{(artifact.Uncommitted ? H($" <span class=\"pill pill-warn\">uncommitted</span>") : HtmlString.Empty)}</td></tr>");
            }

            w.Append($"</tbody></table>");
        }

        w.Append($"</article>");
        return w.ToHtml();
    }

    public static HtmlString Collector(PageContext ctx, ArtifactModel artifact) =>
        artifact.CollectorPerson is { } person ? ctx.Person(person)
        : artifact.Collector is { } collector ? H($"<code>{collector}</code>")
        : H($"<span class=\"muted\">—</span>");

    private static string StateText(EvidenceRequirementModel evidence) => evidence.State switch
    {
        EvidenceState.Missing => evidence.Artifacts.Count == 0 ? "Missing: nothing collected" : "Missing: no usable artifact",
        _ when evidence.Latest?.CollectedOn is { } collected && evidence.FreshUntil is { } until =>
            $"{StateWord(evidence.State)}: collected {Date(collected)}{(evidence.AgeDays is { } age ? $" ({Count(age, "day", "days")} before the as-of date)" : string.Empty)}, fresh until {Date(until)}",
        _ => StateWord(evidence.State),
    };

    private static string StateWord(EvidenceState state) => state switch
    {
        EvidenceState.Fresh => "Fresh",
        EvidenceState.NearlyStale => "Nearly stale",
        EvidenceState.Stale => "Stale",
        _ => "Missing",
    };
}
