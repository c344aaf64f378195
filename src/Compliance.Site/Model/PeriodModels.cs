using System.Collections.Generic;
using Compliance.Engine.Period;
using Compliance.Engine.Sampling;

namespace Compliance.Site.Model;

/// <summary>
/// The audit period on the site: the engine's period result as it is (every interval, exception and
/// sample is the engine's), plus the pages and links the site gives them.
/// </summary>
public sealed record PeriodModel(
    PeriodResult Result,
    PageRef Page,
    IReadOnlyDictionary<string, PageRef> ControlPages,
    IReadOnlyList<PopulationPageModel> Populations)
{
    /// <summary>The artifact viewer of each sidecar or artifact path the site has a page for: what an exception's artifacts link to.</summary>
    public IReadOnlyDictionary<string, PageRef> ArtifactPages { get; init; } = new Dictionary<string, PageRef>();

    /// <summary>The print-all page of the period, for the auditor to print to PDF.</summary>
    public PageRef PrintPage { get; init; } = new(SitePaths.PeriodPrint);
}

/// <summary>One population and its sample, on a page of its own.</summary>
public sealed record PopulationPageModel(Population Population, Sample Sample, PageRef Page, IReadOnlyDictionary<string, IReadOnlyList<EvidenceLinkModel>> EvidenceByItem);

/// <summary>A piece of evidence a population item links: a page of the site where there is one, else the reference as text.</summary>
public sealed record EvidenceLinkModel(string Text, PageRef? Page);
