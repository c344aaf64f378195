using Compliance.Model.Diagnostics;

namespace Compliance.Site.Model;

/// <summary>A finding's model: its rule, where it is, and the page of the item it is about.</summary>
internal static class FindingsBuilder
{
    public static FindingModel Build(Finding finding, int number, ItemResolver items)
    {
        var rule = Compliance.Model.Diagnostics.Rules.Find(finding.RuleId);
        var location = finding.Location is { } span ? $"{span.Path}({span.Line},{span.Column})" : null;
        return new FindingModel(
            number,
            finding.RuleId,
            rule?.Title ?? string.Empty,
            rule is null ? null : SiteLinks.RuleAnchor(finding.RuleId),
            finding.Severity,
            finding.Message,
            finding.Fix,
            location,
            finding.Target,
            items.Resolve(finding, rule?.Category),
            finding.WaivedBy);
    }
}
