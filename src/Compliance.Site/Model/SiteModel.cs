using System;
using System.Collections.Generic;

namespace Compliance.Site.Model;

/// <summary>
/// The whole site as typed data, built once from a check result (see <see cref="SiteModelBuilder"/>),
/// before anything is rendered. Every list is in a fixed order and every value is a plain value, so
/// the renderer is a pure function of this model and the output is the same on every run.
/// </summary>
public sealed record SiteModel(
    SiteIdentity Identity,
    GateSummary Gate,
    IReadOnlyList<FrameworkModel> Frameworks,
    IReadOnlyList<CrosswalkModel> Crosswalks,
    IReadOnlyList<DivergenceModel> Divergences,
    IReadOnlyList<ControlModel> Controls,
    IReadOnlyList<ArtifactModel> Artifacts,
    VendorRegistryModel Vendors,
    IReadOnlyList<PolicyModel> Policies,
    IReadOnlyList<PersonModel> People,
    IReadOnlyList<WaiverModel> Waivers,
    AuditLogModel AuditLog,
    IncidentsModel Incidents,
    EncryptionModel Encryption,
    IReadOnlyList<FindingModel> Findings,
    IReadOnlyList<RuleModel> Rules,
    ChangesModel Changes,
    IReadOnlyList<ExtraPageModel> ExtraPages,
    IReadOnlyList<string> Notes)
{
    /// <summary>Whether site/theme/site.css exists and is linked after the default theme.</summary>
    public bool HasCustomCss { get; init; }

    /// <summary>The latest access review reconciled with the identity provider; null when the programme declares none.</summary>
    public AccessReviewModel? AccessReview { get; init; }

    /// <summary>Retired, superseded and deleted documents with their retain-until days (the retention check's).</summary>
    public IReadOnlyList<RetainedDocumentModel> Retention { get; init; } = System.Array.Empty<RetainedDocumentModel>();

    /// <summary>The audit period, when the site is rendered with one (--period).</summary>
    public PeriodModel? Period { get; init; }

    /// <summary>The items dropped for an invalid field, by path then position: listed, never evaluated.</summary>
    public IReadOnlyList<NotEvaluatedModel> NotEvaluated { get; init; } = System.Array.Empty<NotEvaluatedModel>();

    private Dictionary<string, List<FindingModel>>? _byPage;

    /// <summary>The items of one kind (control, policy, vendor...) that were not evaluated, in the model's order.</summary>
    public IReadOnlyList<NotEvaluatedModel> NotEvaluatedOf(string kind)
    {
        var found = new List<NotEvaluatedModel>();
        foreach (var item in NotEvaluated)
        {
            if (item.Kind == kind)
            {
                found.Add(item);
            }
        }

        return found;
    }

    public IEnumerable<RequirementModel> Requirements
    {
        get
        {
            foreach (var framework in Frameworks)
            {
                foreach (var requirement in framework.Requirements)
                {
                    yield return requirement;
                }
            }
        }
    }

    /// <summary>The findings whose item is on the given page (any fragment), in report order.</summary>
    public IReadOnlyList<FindingModel> FindingsOn(string path)
    {
        if (_byPage is null)
        {
            var map = new Dictionary<string, List<FindingModel>>(StringComparer.Ordinal);
            foreach (var finding in Findings)
            {
                if (finding.Item?.Page is { } page)
                {
                    if (!map.TryGetValue(page.Path, out var list))
                    {
                        map[page.Path] = list = new List<FindingModel>();
                    }

                    list.Add(finding);
                }
            }

            _byPage = map;
        }

        return _byPage.TryGetValue(path, out var found) ? found : Array.Empty<FindingModel>();
    }
}

public sealed record ExtraPageModel(string Slug, string Title, int Order, string Markdown, PageRef Page);
