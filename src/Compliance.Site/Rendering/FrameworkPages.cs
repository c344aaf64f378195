using System.Collections.Generic;
using System.Linq;
using Compliance.Site.Html;
using Compliance.Model.Linking;
using Compliance.Site.Model;
using static Compliance.Site.Html.Html;
using static Compliance.Site.Rendering.Components;

namespace Compliance.Site.Rendering;

/// <summary>The list of frameworks, one page per framework (every requirement, its status, controls and crosswalk partners) and one per requirement.</summary>
public static class FrameworkPages
{
    public static HtmlString Index(PageContext ctx)
    {
        var w = new HtmlWriter();
        w.Append($"<header class=\"page-head\"><p class=\"eyebrow\">Frameworks</p><h1>Frameworks and their coverage</h1><p class=\"lede\">The catalogs this programme is audited against. Open a framework to see every requirement, the controls that implement it and its crosswalk partners.</p></header>");
        w.Append(OverviewPage.CoverageTable(ctx));
        return w.ToHtml();
    }

    public static HtmlString Framework(PageContext ctx, FrameworkModel framework)
    {
        var w = new HtmlWriter(64 * 1024);
        w.Append($"<header class=\"page-head\" id=\"{ctx.Id("top")}\"><p class=\"eyebrow\">Framework</p><h1>{framework.Title}</h1>");
        var facts = new FactList
        {
            ("ID", H($"<code>{framework.Id}</code>")),
        };
        if (framework.Citation is { } citation)
        {
            facts.Add(("Citation", H($"{citation}")));
        }

        if (framework.Source is { } source)
        {
            facts.Add(("Source", UrlFilter.TryFilter(source, UrlUse.Link, out var url) && url.Value.StartsWith("http", System.StringComparison.OrdinalIgnoreCase)
                ? H($"<a href=\"{url}\" rel=\"noopener noreferrer\" class=\"external\">{source}</a>")
                : H($"{source}")));
        }

        facts.Add(("Scope", framework.InScope
            ? framework.ScopeCategories.Count > 0 ? H($"In scope: {string.Join(", ", framework.ScopeCategories)}") : H($"In scope: every requirement")
            : H($"Not in scope")));
        w.Append(Facts(facts));
        w.Append($"</header>");

        var c = framework.Coverage;
        if (framework.InScope)
        {
            w.Append($"<div class=\"summary-bars\"><div><h2 class=\"h-small\">Mapped to a control or decision</h2>{Bar(c.Mapped, c.Assessable, "good", "Mapped")}</div><div><h2 class=\"h-small\">With fresh evidence</h2>{Bar(c.WithFreshEvidence, c.ByControls, "good", "With fresh evidence")}</div><div><h2 class=\"h-small\">Not covered</h2><p class=\"big-number\">{c.NotCovered}</p></div></div>");
        }

        w.Append(SectionStart(ctx, "requirements", "Requirements", framework.Requirements.Count));
        w.Append($"<table class=\"data requirements\"><caption class=\"visually-hidden\">Requirements of {framework.Title}</caption><thead><tr><th scope=\"col\">Requirement</th><th scope=\"col\">Type</th><th scope=\"col\">Coverage</th><th scope=\"col\">Evidence</th><th scope=\"col\">Controls</th><th scope=\"col\">Crosswalk</th></tr></thead><tbody>");
        foreach (var r in framework.Requirements)
        {
            var rowClass = r.InScope ? $"depth-{r.Depth}" : $"depth-{r.Depth} out-of-scope";
            w.Append($"<tr class=\"{rowClass}\"><th scope=\"row\"><a href=\"{ctx.Url(r.Page)}\"><span class=\"id\">{r.Id}</span> <span class=\"title\">{r.Title}</span></a>");
            if (r.Decision is { } decision)
            {
                w.Append($"<p class=\"decision-note\"><strong>Decision: {DecisionText(decision.Decision)}.</strong> {decision.Rationale}");
                if (decision.Alternative is { } alternative)
                {
                    w.Append($" <em>Alternative:</em> {alternative}");
                }

                w.Append($"</p>");
            }

            w.Append($"</th><td>{Kind(r)}</td><td>{Coverage(r.Coverage)}</td><td>{(r.Controls.Count > 0 || r.Coverage == CoverageState.CoveredByChildren ? Evidence(r.Evidence) : H($"<span class=\"muted\">—</span>"))}</td><td>{Links(ctx, r.Controls.Select(x => x.Link), empty: "—")}</td><td>{Links(ctx, r.Partners.Select(p => p.Requirement).DistinctBy(p => p.Id), empty: "—")}</td></tr>");
        }

        w.Append($"</tbody></table>");
        w.Append(SectionEnd);
        return w.ToHtml();
    }

    public static HtmlString Requirement(PageContext ctx, RequirementModel r)
    {
        var w = new HtmlWriter(16 * 1024);
        w.Append($"<header class=\"page-head\" id=\"{ctx.Id("top")}\"><p class=\"eyebrow\">{r.FrameworkTitle} · {r.Kind}{(r.Designation.Length > 0 ? " · " + r.Designation : string.Empty)}</p><h1><span class=\"id\">{r.Id}</span> {r.Title}</h1>");
        if (r.Summary is { } summary)
        {
            w.Append($"<p class=\"lede\">{summary}</p>");
        }

        var facts = new FactList
        {
            ("Coverage", Coverage(r.Coverage)),
            ("Evidence", r.Controls.Count > 0 || r.Coverage == CoverageState.CoveredByChildren ? Evidence(r.Evidence) : H($"<span class=\"muted\">none required</span>")),
            ("Framework", ctx.Link(r.FrameworkPage, r.FrameworkTitle)),
        };
        if (r.Parent is { } parent)
        {
            facts.Add(("Part of", ctx.Link(parent)));
        }

        if (r.Category is { } category)
        {
            facts.Add(("Category", H($"{category}")));
        }

        if (r.Designation.Length > 0)
        {
            facts.Add(("Designation", H($"{r.Designation}")));
        }

        w.Append(Facts(facts));
        w.Append($"</header>");

        var gaps = ctx.Site.Divergences.Where(d => d.Scope.Contains(r.Id)).ToList();
        foreach (var gap in gaps)
        {
            w.Append($"<div class=\"notice notice-info\" role=\"note\"><p><strong>HIPAA asks for more than SOC 2 here: {gap.Title}.</strong> {gap.Explanation} <a href=\"{ctx.Url(gap.Anchor)}\">See the crosswalk</a>.</p></div>");
        }

        if (r.Decision is { } decision)
        {
            w.Append(SectionStart(ctx, "decision", "Documented decision"));
            w.Append(Facts(
                ("Decision", H($"{DecisionText(decision.Decision)}")),
                ("Approved by", ctx.Person(decision.ApprovedBy)),
                ("Approved on", Time(decision.ApprovedOn))));
            w.Append($"<p>{decision.Rationale}</p>");
            if (decision.Alternative is { } alternative)
            {
                w.Append($"<p><strong>Alternative measure:</strong> {alternative}</p>");
            }

            w.Append(SectionEnd);
        }

        w.Append(SectionStart(ctx, "controls", "Implemented by", r.Controls.Count));
        if (r.Controls.Count == 0)
        {
            w.Append(Empty(r.Coverage switch
            {
                CoverageState.Informative => "Informative: this requirement needs no control.",
                CoverageState.Decided => "No control: a documented decision covers this requirement.",
                CoverageState.CoveredByChildren => "No control maps to this requirement itself; every one of its parts is covered (below).",
                CoverageState.OutOfScope => "Out of the programme's scope.",
                _ => "No control implements this requirement.",
            }));
        }
        else
        {
            w.Append($"<table class=\"data\"><thead><tr><th scope=\"col\">Control</th><th scope=\"col\">Status</th><th scope=\"col\">Evidence</th></tr></thead><tbody>");
            foreach (var control in r.Controls)
            {
                w.Append($"<tr><th scope=\"row\">{ctx.Link(control.Link)}</th><td>{ControlStatus(control.Status)}</td><td>{Evidence(control.Evidence)}</td></tr>");
            }

            w.Append($"</tbody></table>");
        }

        w.Append(SectionEnd);

        if (r.Children.Count > 0)
        {
            var models = ctx.Site.Frameworks.First(f => f.Id == r.FrameworkId).Requirements.ToDictionary(x => x.Id);
            w.Append(SectionStart(ctx, "parts", "Parts", r.Children.Count));
            w.Append($"<table class=\"data\"><thead><tr><th scope=\"col\">Requirement</th><th scope=\"col\">Type</th><th scope=\"col\">Coverage</th><th scope=\"col\">Evidence</th></tr></thead><tbody>");
            foreach (var child in r.Children)
            {
                if (models.TryGetValue(child.Id, out var model))
                {
                    w.Append($"<tr><th scope=\"row\">{ctx.Link(child)}</th><td>{Kind(model)}</td><td>{Coverage(model.Coverage)}</td><td>{(model.Controls.Count > 0 ? Evidence(model.Evidence) : H($"<span class=\"muted\">—</span>"))}</td></tr>");
                }
            }

            w.Append($"</tbody></table>");
            w.Append(SectionEnd);
        }

        w.Append(SectionStart(ctx, "crosswalk", "Crosswalk partners", r.Partners.Count));
        if (r.Partners.Count == 0)
        {
            w.Append(Empty("No crosswalk pairs this requirement with another framework."));
        }
        else
        {
            w.Append($"<table class=\"data\"><thead><tr><th scope=\"col\">Partner</th><th scope=\"col\">This requirement is</th><th scope=\"col\">Area</th><th scope=\"col\">Rationale</th></tr></thead><tbody>");
            foreach (var partner in r.Partners)
            {
                w.Append($"<tr><th scope=\"row\">{ctx.Link(partner.Requirement)}<span class=\"sub muted\">{partner.FrameworkTitle}</span></th><td>{Relationship(partner.RelationshipFromHere)} <a class=\"small\" href=\"{ctx.Url(partner.Mapping)}\">pair</a></td><td>{partner.Area ?? "—"}</td><td>{partner.Rationale}</td></tr>");
            }

            w.Append($"</tbody></table>");
        }

        w.Append(SectionEnd);
        w.Append(Findings(ctx, ctx.Site.FindingsOn(r.Page.Path)));
        return w.ToHtml();
    }

    public static string DecisionText(string decision) => decision switch
    {
        "alternative" => "an equivalent alternative measure",
        "not-reasonable" => "not reasonable and appropriate",
        "not-applicable" => "not applicable",
        _ => decision,
    };

    public static HtmlString Relationship(string relationship) => relationship switch
    {
        "equivalent" => H($"<span class=\"rel\"><span aria-hidden=\"true\">= </span>equivalent</span>"),
        "subset" => H($"<span class=\"rel\"><span aria-hidden=\"true\">⊂ </span>a subset</span>"),
        "superset" => H($"<span class=\"rel\"><span aria-hidden=\"true\">⊃ </span>a superset</span>"),
        "intersects" => H($"<span class=\"rel\"><span aria-hidden=\"true\">∩ </span>intersecting</span>"),
        _ => H($"<span class=\"rel\">{relationship}</span>"),
    };

    private static HtmlString Kind(RequirementModel r) =>
        r.Designation.Length > 0 ? H($"{r.Designation}<span class=\"sub muted\">{r.Kind}</span>") : H($"<span class=\"muted\">{r.Kind}</span>");
}
