using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Compliance.Engine.Period;

namespace Compliance.Site.Model;

/// <summary>The period section: links the engine's period result to the control, artifact and population pages. Decides nothing.</summary>
internal sealed class PeriodBuilder
{
    private readonly SiteBuildContext _context;

    public PeriodBuilder(SiteBuildContext context) => _context = context;

    public PeriodModel? Build(IReadOnlyList<ControlModel> controls, IReadOnlyList<ArtifactModel> artifacts)
    {
        if (_context.Result.Period is not { } period)
        {
            return null;
        }

        var viewers = new Dictionary<string, PageRef>(StringComparer.Ordinal);
        foreach (var artifact in artifacts)
        {
            viewers.TryAdd(artifact.Path, artifact.Viewer);
            if (artifact.SidecarPath is { } sidecar)
            {
                viewers.TryAdd(sidecar, artifact.Viewer);
            }
        }

        var controlPages = controls.ToDictionary(c => c.Id, c => c.Page, StringComparer.Ordinal);
        var populations = new List<PopulationPageModel>();
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sample in period.Samples?.Samples ?? Array.Empty<Compliance.Engine.Sampling.Sample>())
        {
            var slug = Slug(sample.Population.Id);
            for (var n = 2; !slugs.Add(slug); n++)
            {
                slug = $"{Slug(sample.Population.Id)}-{n.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
            }

            var evidence = sample.Population.Items.ToDictionary(i => i.Key,
                i => (IReadOnlyList<EvidenceLinkModel>)i.Evidence.Select(e => new EvidenceLinkModel(e, viewers.TryGetValue(e, out var page) ? page : null)).ToList(),
                StringComparer.Ordinal);
            populations.Add(new PopulationPageModel(sample.Population, sample, new PageRef(SitePaths.Population(slug)), evidence));
        }

        return new PeriodModel(period, new PageRef(SitePaths.Period), controlPages, populations) { ArtifactPages = viewers };
    }

    /// <summary>A population ID as a file name: letters, digits, '-' and '_' kept, anything else '-'.</summary>
    private static string Slug(string id)
    {
        var builder = new StringBuilder(id.Length);
        foreach (var c in id)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-');
        }

        return builder.ToString();
    }
}
