using System;
using System.Collections.Generic;
using System.Linq;
using Compliance.Model.Diagnostics;

namespace Compliance.Site.Model;

/// <summary>
/// Finds the page of the item a finding is about: first by its target (a control, CONTROL/EVIDENCE, an
/// artifact path, a vendor, a policy, a waiver, a requirement), with the rule's category breaking ties
/// between kinds, then by its location (the innermost item whose definition contains it).
/// </summary>
internal sealed class ItemResolver
{
    private readonly Dictionary<string, ItemLink> _controls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ItemLink> _evidence = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ItemLink> _artifacts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ItemLink> _vendors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ItemLink> _policies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ItemLink> _waivers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ItemLink> _requirements = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ItemLink> _incidents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ItemLink> _endpoints = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ItemLink> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Span>> _spans = new(StringComparer.Ordinal);

    public ItemResolver(
        IReadOnlyList<ControlModel> controls,
        IReadOnlyList<ArtifactModel> artifacts,
        VendorRegistryModel vendors,
        IReadOnlyList<PolicyModel> policies,
        IReadOnlyList<WaiverModel> waivers,
        IReadOnlyDictionary<string, RequirementModel> requirements)
    {
        foreach (var control in controls)
        {
            _controls[control.Id] = new ItemLink(control.Id, control.Title, control.Page);
            foreach (var evidence in control.Evidence)
            {
                _evidence[evidence.Key] = new ItemLink(evidence.Key, evidence.Description, evidence.Anchor);
            }
        }

        foreach (var artifact in artifacts)
        {
            var link = new ItemLink(artifact.Path, artifact.Description ?? string.Empty, artifact.Viewer);
            _artifacts.TryAdd(artifact.Path, link);
            if (artifact.SidecarPath is { } sidecar)
            {
                _files.TryAdd(sidecar, link);
            }

            _files.TryAdd(artifact.Path, link);
        }

        foreach (var vendor in vendors.Vendors)
        {
            _vendors[vendor.Id] = vendor.Link;
        }

        foreach (var policy in policies)
        {
            _policies[policy.Id] = policy.Link;
            _files.TryAdd(policy.Path, policy.Link);
        }

        foreach (var waiver in waivers)
        {
            _waivers[waiver.Id] = new ItemLink(waiver.Id, $"waiver of {waiver.Rule}", waiver.Anchor);
        }

        foreach (var requirement in requirements.Values)
        {
            _requirements[requirement.Id] = requirement.Link;
        }

    }

    public ItemLink? Resolve(Finding finding, string? category)
    {
        if (finding.Target is { } target && ByTarget(target, category) is { } byTarget)
        {
            return byTarget;
        }

        if (finding.Location is not { } location)
        {
            return null;
        }

        if (_spans.TryGetValue(location.Path, out var spans))
        {
            ItemLink? best = null;
            var bestSize = int.MaxValue;
            foreach (var (start, end, item) in spans)
            {
                if (location.Line >= start && location.Line <= end && end - start < bestSize)
                {
                    best = item;
                    bestSize = end - start;
                }
            }

            if (best is not null)
            {
                return best;
            }
        }

        return _files.TryGetValue(location.Path, out var file) ? file : null;
    }

    /// <summary>The items defined in a programme file, for the list of what changed.</summary>
    public IReadOnlyList<ItemLink> InFile(string path)
    {
        if (_files.TryGetValue(path, out var file))
        {
            return new[] { file };
        }

        if (!_spans.TryGetValue(path, out var spans))
        {
            return Array.Empty<ItemLink>();
        }

        // Top-level items only: a control, not each of its evidence requirements; a crosswalk, not each pair.
        var items = spans.Select(s => s.Item)
            .Where(i => i.Page is not null && !(i.Page.Fragment?.StartsWith("ev-", StringComparison.Ordinal) ?? false) && !(i.Page.Fragment?.StartsWith("map-", StringComparison.Ordinal) ?? false))
            .DistinctBy(i => i.Page!.Fragment is null ? i.Page.Path : i.Page.Path + "\0#" + i.Page.Fragment, StringComparer.Ordinal)
            .ToList();
        var pages = items.Select(i => i.Page!.Path).Distinct(StringComparer.Ordinal).Count();
        // A file that defines many items (a framework catalog, the people registry) is summarised by its page.
        return items.Count > 12 && pages == 1 ? new[] { items[0] with { Id = items[0].Page!.Path, Title = string.Empty, Page = items[0].Page!.WithoutFragment } } : items.Take(12).ToList();
    }

    private ItemLink? ByTarget(string target, string? category)
    {
        if (_evidence.TryGetValue(target, out var evidence))
        {
            return evidence;
        }

        if (_artifacts.TryGetValue(target, out var artifact))
        {
            return artifact;
        }

        var preferred = category switch
        {
            "Vendors" => _vendors,
            "Policies" => _policies,
            "Waivers" => _waivers,
            "Coverage" => _requirements,
            "Breach" => _incidents,
            "Encryption" => _endpoints,
            _ => _controls,
        };
        if (preferred.TryGetValue(target, out var item))
        {
            return item;
        }

        foreach (var kind in new[] { _controls, _policies, _vendors, _waivers, _requirements, _incidents, _endpoints })
        {
            if (kind.TryGetValue(target, out var other))
            {
                return other;
            }
        }

        return null;
    }

    public void AddIncident(ItemLink incident) => _incidents.TryAdd(incident.Id, incident);

    public void AddEndpoint(ItemLink endpoint) => _endpoints.TryAdd(endpoint.Id, endpoint);

    /// <summary>A file that is one item as a whole (the audit log): findings located in it, and changes to it, point at the item.</summary>
    public void AddFile(string path, ItemLink item) => _files.TryAdd(path, item);

    /// <summary>Records that lines start..end of a file define an item.</summary>
    public void Add(Compliance.Model.Text.SourceSpan span, ItemLink item, bool wholeSpan = true) =>
        Add(span.Path, span.Line, wholeSpan ? Math.Max(span.Line, span.EndLine) : span.Line, item);

    public void Add(string path, int start, int end, ItemLink item)
    {
        if (!_spans.TryGetValue(path, out var list))
        {
            _spans[path] = list = new List<Span>();
        }

        list.Add(new Span(start, end, item));
    }

    // A class, not a tuple: ReadyToRun cannot precompile a framework generic over a struct (issue 15).
    private sealed record Span(int Start, int End, ItemLink Item);
}
