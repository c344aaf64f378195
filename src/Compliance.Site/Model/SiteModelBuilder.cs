using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Compliance.Engine;
using Compliance.Engine.Audit;
using Compliance.Engine.Checks;
using Compliance.Engine.Evidence;
using Compliance.Engine.Git;
using Compliance.Model.Diagnostics;
using Compliance.Model.Documents;
using Compliance.Site.Configuration;
using Compliance.Site.Git;

namespace Compliance.Site.Model;

/// <summary>
/// Turns one check result into the site's page model: resolves every reference to a page, rolls up
/// coverage and evidence freshness, and decides which artifacts are copied. Reads no file contents
/// itself; git answers come from <see cref="SiteGit"/> and are passed in.
/// </summary>
public sealed partial class SiteModelBuilder
{
    public const long MaxCopyBytes = 64L * 1024 * 1024;

    private static readonly Dictionary<string, ArtifactKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        [".txt"] = ArtifactKind.Text,
        [".csv"] = ArtifactKind.Text,
        [".tsv"] = ArtifactKind.Text,
        [".log"] = ArtifactKind.Text,
        [".yaml"] = ArtifactKind.Text,
        [".yml"] = ArtifactKind.Text,
        [".md"] = ArtifactKind.Markdown,
        [".markdown"] = ArtifactKind.Markdown,
        [".json"] = ArtifactKind.Json,
        [".pdf"] = ArtifactKind.Pdf,
        [".png"] = ArtifactKind.Image,
        [".jpg"] = ArtifactKind.Image,
        [".jpeg"] = ArtifactKind.Image,
        [".gif"] = ArtifactKind.Image,
        [".webp"] = ArtifactKind.Image,
    };

    private readonly CheckResult _result;
    private readonly SiteConfig _config;
    private readonly SiteGit _git;
    private readonly string? _compareTo;

    private readonly Slugs _controlSlugs;
    private readonly Slugs _requirementSlugs;
    private readonly Slugs _frameworkSlugs;
    private readonly Slugs _policySlugs;
    private readonly Slugs _vendorSlugs;
    private readonly Slugs _personSlugs;
    private readonly Slugs _waiverSlugs;
    private readonly Slugs _crosswalkSlugs;
    private readonly Slugs _incidentSlugs;
    private readonly Slugs _endpointSlugs;
    private readonly Slugs _runnerSlugs;

    private readonly Dictionary<string, PersonDefinition> _people;
    private readonly Dictionary<string, ControlDefinition> _controls;
    private readonly Dictionary<string, RequirementDefinition> _requirements;
    private readonly Dictionary<string, FrameworkDefinition> _frameworkOfRequirement;
    private readonly HashSet<string> _inScope;
    private readonly Dictionary<string, EvidenceStatus> _evidenceByKey;
    private readonly HashSet<string> _usedSitePaths = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ArtifactModel> _agreements = new(StringComparer.Ordinal);

    public SiteModelBuilder(CheckResult result, SiteConfig config, SiteGit git, string? compareTo)
    {
        _result = result;
        _config = config;
        _git = git;
        _compareTo = compareTo;
        var programme = result.Programme;
        _controlSlugs = new Slugs(programme.Controls.Select(c => c.Id.Value));
        _requirementSlugs = new Slugs(programme.Frameworks.SelectMany(f => f.Requirements).Select(r => r.Id.Value));
        _frameworkSlugs = new Slugs(programme.Frameworks.Select(f => f.Id.Value));
        _policySlugs = new Slugs(programme.Policies.Select(p => p.Id.Value));
        _vendorSlugs = new Slugs(programme.Vendors.Select(v => v.Id.Value));
        _personSlugs = new Slugs(programme.People.Select(p => p.Id.Value));
        _waiverSlugs = new Slugs(programme.Waivers.Select(w => w.Id.Value));
        _crosswalkSlugs = new Slugs(programme.Crosswalks.Select(c => c.Id.Value));
        _incidentSlugs = new Slugs(programme.Incidents.Select(i => i.Id.Value));
        _endpointSlugs = new Slugs(Endpoints.Select(e => e.Id.Value));
        _runnerSlugs = new Slugs(Runners.Select(r => r.Id.Value));

        _people = programme.People.ToDictionary(p => p.Id.Value, StringComparer.Ordinal);
        _controls = programme.Controls.ToDictionary(c => c.Id.Value, StringComparer.Ordinal);
        _requirements = new Dictionary<string, RequirementDefinition>(StringComparer.Ordinal);
        _frameworkOfRequirement = new Dictionary<string, FrameworkDefinition>(StringComparer.Ordinal);
        foreach (var framework in programme.Frameworks)
        {
            foreach (var requirement in framework.Requirements)
            {
                _requirements.TryAdd(requirement.Id.Value, requirement);
                _frameworkOfRequirement.TryAdd(requirement.Id.Value, framework);
            }
        }

        _inScope = new HashSet<string>(programme.InScopeRequirements, StringComparer.Ordinal);
        _evidenceByKey = result.Evidence.GroupBy(e => e.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var reserved in SitePaths.Reserved)
        {
            _usedSitePaths.Add(reserved);
        }
    }

    public static SiteModel Build(CheckResult result, SiteConfig config, SiteGit git, string? compareTo) =>
        new SiteModelBuilder(result, config, git, compareTo).Build();

    // ---------------------------------------------------------------- pages

    public PageRef ControlPage(string id) => new($"controls/{_controlSlugs[id]}.html");

    public PageRef RequirementPage(string id) => new($"requirements/{_requirementSlugs[id]}.html");

    public PageRef FrameworkPage(string id) => new($"frameworks/{_frameworkSlugs[id]}.html");

    public PageRef PolicyPage(string id) => new($"policies/{_policySlugs[id]}.html");

    public PageRef VendorAnchor(string id) => new(SitePaths.Vendors, $"vendor-{_vendorSlugs[id]}");

    public PageRef PersonAnchor(string id) => new(SitePaths.People, $"person-{_personSlugs[id]}");

    public PageRef WaiverAnchor(string id) => new(SitePaths.Overview, $"waiver-{_waiverSlugs[id]}");

    public static PageRef RuleAnchor(string id) => new(SitePaths.Rules, id.ToLowerInvariant());

    private PageRef EvidenceAnchor(string controlId, string evidenceId) =>
        ControlPage(controlId).At($"ev-{_controlSlugs[controlId]}-{Slugs.Slug(evidenceId)}-{Slugs.Hash(evidenceId).Substring(0, 4)}");

    public SiteModel Build()
    {
        // The git questions need only the programme and its provenance, so they are asked on another
        // core while the rest of the model is built (about 0.1 s of the benchmark's model phase). The
        // repository is used by that task alone, and Build does not return before the task has ended.
        var programme = _result.Programme;
        var history = Task.Run(() => new GitAnswers(
            _git.Revisions(programme.Policies.Select(p => (p.Path, _result.Provenance.Find(p.Path)?.Changes ?? (IEnumerable<CommitInfo>)Array.Empty<CommitInfo>()))),
            _git.Changes(_compareTo, _result.Options.AsOf)));
        try
        {
            return Build(history);
        }
        finally
        {
            try
            {
                history.Wait();
            }
            catch (AggregateException)
            {
                // Build(history) has thrown it already, or another exception is on its way out.
            }
        }
    }

    private sealed record GitAnswers(IReadOnlyDictionary<string, IReadOnlyDictionary<string, FileRevision>> Revisions, ChangeSet Changes);

    private SiteModel Build(Task<GitAnswers> history)
    {
        var programme = _result.Programme;
        var notes = new List<string>(_config.Warnings);

        var artifacts = BuildArtifacts();
        var artifactsByKey = artifacts.Where(a => a.ControlId is not null).ToLookup(a => $"{a.ControlId}/{a.RequirementId}", StringComparer.Ordinal);

        var governedBy = programme.Policies
            .SelectMany(p => p.Governs.Select(g => (Control: g.Value, Policy: p)))
            .ToLookup(x => x.Control, x => new ItemLink(x.Policy.Id.Value, x.Policy.Title, PolicyPage(x.Policy.Id.Value)), StringComparer.Ordinal);

        var controls = programme.Controls.Select(c => BuildControl(c, artifactsByKey, governedBy[c.Id.Value].ToList())).ToList();
        var controlModels = controls.ToDictionary(c => c.Id, StringComparer.Ordinal);

        var partners = BuildPartners(out var mappingAnchors);
        var frameworks = programme.Frameworks.Select(f => BuildFramework(f, controlModels, partners)).ToList();
        var requirementModels = frameworks.SelectMany(f => f.Requirements).GroupBy(r => r.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        var divergences = BuildDivergences(requirementModels, out var divergentRequirements);
        var crosswalks = programme.Crosswalks.Select((c, i) => BuildCrosswalk(c, mappingAnchors, divergentRequirements)).ToList();
        divergences = divergences.Select(d => d with
        {
            Mappings = crosswalks.SelectMany(c => c.Mappings).Where(m => d.Scope.Contains(m.Target.Id) || d.Scope.Contains(m.Source.Id)).ToList(),
        }).ToList();

        var vendors = BuildVendors(artifacts);
        var revisions = history.GetAwaiter().GetResult().Revisions;
        var policies = programme.Policies.Select(p => BuildPolicy(p, revisions)).ToList();
        var encryption = BuildEncryption(artifacts);
        var auditLog = BuildAuditLog(artifacts);
        var incidents = BuildIncidents();
        var people = BuildPeople(auditLog);
        var waivers = BuildWaivers();
        var items = new ItemResolver(controls, artifacts, vendors, policies, waivers, requirementModels);
        AddEnforcementItems(items, auditLog, incidents, encryption);
        AddSpans(items, artifacts, crosswalks);
        var findings = _result.Findings.Select((f, i) => BuildFinding(f, i + 1, items)).ToList();
        var counts = _result.Findings.GroupBy(f => f.RuleId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var rules = Compliance.Model.Diagnostics.Rules.All
            .Select(r => new RuleModel(r.Id, r.Title, r.Severity, r.Category, r.Fix, counts.TryGetValue(r.Id, out var n) ? n : 0, RuleAnchor(r.Id)))
            .ToList();

        var changes = BuildChanges(items, history.GetAwaiter().GetResult().Changes);
        var extraPages = _config.Pages
            .Select(p => new ExtraPageModel(p.Slug, p.Title, p.Order, p.Markdown, new PageRef($"pages/{p.Slug}.html")))
            .OrderBy(p => p.Order)
            .ThenBy(p => p.Slug, StringComparer.Ordinal)
            .ToList();

        return new SiteModel(
            BuildIdentity(),
            BuildGate(),
            frameworks,
            crosswalks,
            divergences,
            controls,
            artifacts,
            vendors,
            policies,
            people,
            waivers,
            auditLog,
            incidents,
            encryption,
            findings,
            rules,
            changes,
            extraPages,
            notes);
    }

    // ---------------------------------------------------------------- identity and gate

    private SiteIdentity BuildIdentity()
    {
        var programme = _result.Programme.Programme;
        var provenance = _result.Provenance;
        var programmeName = programme?.Name ?? "Compliance programme";
        return new SiteIdentity(
            string.IsNullOrWhiteSpace(_config.Name) ? programmeName : _config.Name!,
            programmeName,
            string.IsNullOrWhiteSpace(_config.Description) ? programme?.Description : _config.Description,
            _result.Options.AsOf,
            Commit(provenance.Head),
            provenance.Branch,
            provenance.UnavailableReason,
            provenance.Uncommitted.OrderBy(p => p, StringComparer.Ordinal).ToList(),
            _config.LogoSource is null ? null : $"assets/logo{Path.GetExtension(_config.LogoSource).ToLowerInvariant()}",
            _result.Options.BaaWarningDays,
            _result.Options.EvidenceWarningDays,
            _result.Options.PolicyWarningDays);
    }

    private GateSummary BuildGate()
    {
        var byCategory = _result.Findings
            .GroupBy(f => Compliance.Model.Diagnostics.Rules.Find(f.RuleId)?.Category ?? "Other", StringComparer.Ordinal)
            .Select(g => new CategoryCount(g.Key, g.Count(f => f.Severity == Severity.Error), g.Count(f => f.Severity == Severity.Warning)))
            .OrderBy(c => c.Category, StringComparer.Ordinal)
            .ToList();
        var programme = _result.Programme;
        return new GateSummary(
            _result.Passed,
            _result.Errors,
            _result.Warnings,
            _result.Waived,
            byCategory,
            programme.Controls.Count,
            _result.Evidence.Count,
            _result.Artifacts.Count,
            programme.Vendors.Count,
            programme.Policies.Count,
            programme.People.Count);
    }

    // ---------------------------------------------------------------- evidence

    private List<ArtifactModel> BuildArtifacts()
    {
        var list = new List<ArtifactModel>();
        foreach (var artifact in _result.Artifacts)
        {
            list.Add(BuildArtifact(artifact));
        }

        // The signed agreements of the BAA registry: files under evidence/ named by a vendor, not by a sidecar.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var vendor in _result.Programme.Vendors)
        {
            if (vendor.Baa?.Evidence is not { } written || !seen.Add(written.Value))
            {
                continue;
            }

            var agreement = BuildAgreement(vendor, written.Value);
            _agreements[written.Value] = agreement;
            list.Add(agreement);
        }

        return list;
    }

    private ArtifactModel BuildArtifact(Artifact artifact)
    {
        var record = artifact.Record;
        var integrity = !artifact.Path.IsSafe ? ArtifactIntegrity.Refused
            : !artifact.Path.Exists ? ArtifactIntegrity.Missing
            : artifact.HashMatches ? ArtifactIntegrity.Intact
            : ArtifactIntegrity.Tampered;
        var problem = integrity switch
        {
            ArtifactIntegrity.Refused => $"The path is refused because {artifact.Path.RefusedBecause}; the file was not read.",
            ArtifactIntegrity.Missing => "The file named by the sidecar does not exist.",
            ArtifactIntegrity.Tampered => $"The file's SHA-256 is {artifact.ActualSha256}, not the recorded {record.Sha256.Value}: it was modified after it was recorded.",
            _ => null,
        };
        var collector = record.Collector.Value;
        var person = collector.StartsWith(Compliance.Model.Linking.ProgrammeLinker.JobCollectorPrefix, StringComparison.Ordinal) ? null : Person(collector);
        var owner = _controls.ContainsKey(record.Control.Value) ? EvidenceAnchorOrControl(record.Control.Value, record.Requirement.Value) : null;
        var verifies = record.Type == EvidenceTypes.TlsVerification && record.Endpoint is { } endpoint ? EndpointLink(endpoint.Value) : null;
        var placed = Place(
            artifact.Path.Relative ?? record.Artifact.Value,
            artifact.Path.Relative,
            artifact.SidecarPath,
            integrity,
            artifact.Path.FullPath,
            copyable: integrity == ArtifactIntegrity.Intact,
            (path, viewer, copy, reason, kind, size) => new ArtifactModel(
                path,
                FileName(path),
                record.Description,
                record.Control.Value,
                record.Requirement.Value,
                owner,
                artifact.CollectedOn,
                collector,
                person,
                record.Sha256.Value,
                artifact.ActualSha256,
                integrity,
                problem,
                artifact.SidecarPath,
                Commit(artifact.History?.Added),
                Commit(artifact.History?.LastChanged),
                artifact.Uncommitted,
                kind,
                size,
                viewer,
                copy,
                reason,
                artifact.Path.FullPath));
        return verifies is null ? placed : placed with { Verifies = verifies };
    }

    private PageRef EvidenceAnchorOrControl(string controlId, string evidenceId) =>
        _controls[controlId].Evidence.Any(e => e.Id.Value == evidenceId) ? EvidenceAnchor(controlId, evidenceId) : ControlPage(controlId);

    private ArtifactModel BuildAgreement(VendorDefinition vendor, string written)
    {
        var path = EvidencePaths.Resolve(_result.Options.Root, string.Empty, written);
        var integrity = !path.IsSafe ? ArtifactIntegrity.Refused : !path.Exists ? ArtifactIntegrity.Missing : ArtifactIntegrity.Unrecorded;
        var digest = integrity == ArtifactIntegrity.Unrecorded ? EvidenceInventory.Sha256(path.FullPath!) : null;
        var history = path.Relative is null ? null : _result.Provenance.Find(path.Relative);
        var problem = integrity switch
        {
            ArtifactIntegrity.Refused => $"The path is refused because {path.RefusedBecause}; the file was not read.",
            ArtifactIntegrity.Missing => "The file named by the BAA does not exist.",
            _ => null,
        };
        var uncommitted = _result.Provenance.Available && path.Relative is not null && (history is null || _result.Provenance.Uncommitted.Contains(path.Relative));
        return Place(
            path.Relative ?? written,
            path.Relative,
            null,
            integrity,
            path.FullPath,
            copyable: integrity == ArtifactIntegrity.Unrecorded,
            (relative, viewer, copy, reason, kind, size) => new ArtifactModel(
                relative,
                FileName(relative),
                $"Signed business associate agreement with {vendor.Name}",
                null,
                null,
                VendorAnchor(vendor.Id.Value),
                vendor.Baa?.SignedOn is { } signed ? DateOnly.FromDateTime(signed) : null,
                null,
                null,
                null,
                digest,
                integrity,
                problem,
                null,
                Commit(history?.Added),
                Commit(history?.LastChanged),
                uncommitted,
                kind,
                size,
                viewer,
                copy,
                reason,
                path.FullPath));
    }

    private delegate ArtifactModel ArtifactFactory(string path, PageRef viewer, string? copyPath, string? notCopied, ArtifactKind kind, long? size);

    /// <summary>Chooses the artifact's viewer page and, when it may be copied, the path of its copy: under evidence/, never elsewhere.</summary>
    private ArtifactModel Place(string shownPath, string? relative, string? sidecar, ArtifactIntegrity integrity, string? fullPath, bool copyable, ArtifactFactory create)
    {
        var kind = Kinds.TryGetValue(Path.GetExtension(shownPath), out var known) ? known : ArtifactKind.Other;
        long? size = fullPath is not null && integrity is ArtifactIntegrity.Intact or ArtifactIntegrity.Tampered or ArtifactIntegrity.Unrecorded ? new FileInfo(fullPath).Length : null;

        var basePath = relative is not null
            ? SitePaths.SafeRelative(relative)
            : $"evidence/unresolved/{Slugs.Slug(sidecar ?? shownPath)}";
        string? copy = null;
        string? reason;
        if (!copyable)
        {
            reason = integrity switch
            {
                ArtifactIntegrity.Tampered => "Not copied: its content does not match the recorded SHA-256.",
                ArtifactIntegrity.Refused => "Not copied: the path is refused.",
                _ => "Not copied: the file does not exist.",
            };
        }
        else if (kind == ArtifactKind.Other)
        {
            reason = $"Not copied: files of type '{Path.GetExtension(shownPath)}' are listed but not copied into the site (only text, Markdown, JSON, PDF and raster images are). The file is in the repository at {relative}.";
        }
        else if (size > MaxCopyBytes)
        {
            reason = $"Not copied: the file is larger than {MaxCopyBytes / (1024 * 1024)} MiB. It is in the repository at {relative}.";
        }
        else
        {
            reason = null;
            copy = Unique(basePath, sidecar ?? shownPath);
        }

        var viewer = new PageRef(Unique((copy ?? basePath) + ".html", (sidecar ?? shownPath) + "#viewer"));
        return create(shownPath, viewer, copy, reason, kind, size);
    }

    private string Unique(string path, string key)
    {
        if (_usedSitePaths.Add(path))
        {
            return path;
        }

        var dot = path.LastIndexOf('.');
        var slash = path.LastIndexOf('/');
        var stem = dot > slash + 1 ? path.Substring(0, dot) : path;
        var extension = dot > slash + 1 ? path.Substring(dot) : string.Empty;
        var candidate = $"{stem}-{Slugs.Hash(key)}{extension}";
        for (var i = 2; !_usedSitePaths.Add(candidate); i++)
        {
            candidate = $"{stem}-{Slugs.Hash(key)}-{i}{extension}";
        }

        return candidate;
    }

    private static string FileName(string path) => path.Contains('/') ? path.Substring(path.LastIndexOf('/') + 1) : path;

    // ---------------------------------------------------------------- controls

    private ControlModel BuildControl(ControlDefinition control, ILookup<string, ArtifactModel> artifactsByKey, List<ItemLink> governedBy)
    {
        var id = control.Id.Value;
        var evidence = control.Evidence.Select(requirement =>
        {
            var key = $"{id}/{requirement.Id.Value}";
            _evidenceByKey.TryGetValue(key, out var status);
            var all = artifactsByKey[key]
                .OrderByDescending(a => a.CollectedOn ?? DateOnly.MinValue)
                .ThenBy(a => a.SidecarPath, StringComparer.Ordinal)
                .ToList();
            var latest = status?.Latest is { } latestArtifact ? all.FirstOrDefault(a => a.SidecarPath == latestArtifact.SidecarPath) : null;
            return new EvidenceRequirementModel(
                requirement.Id.Value,
                key,
                requirement.Description,
                requirement.Collection,
                requirement.FreshnessDays,
                status?.State ?? EvidenceState.Missing,
                status?.AgeDays,
                status?.FreshUntil,
                latest,
                all,
                EvidenceAnchor(id, requirement.Id.Value));
        }).ToList();

        var mapsTo = control.MapsTo
            .Select(m => m.Value)
            .Distinct(StringComparer.Ordinal)
            .Select(r => _requirements.TryGetValue(r, out var requirement)
                ? new RequirementLink(new ItemLink(r, requirement.Title, RequirementPage(r)), _frameworkOfRequirement[r].Title, Designation(requirement.Required), _inScope.Contains(r))
                : new RequirementLink(new ItemLink(r, "(not defined)", null), string.Empty, string.Empty, false))
            .ToList();

        return new ControlModel(
            id,
            control.Title,
            control.Description,
            control.Owner is null ? null : Person(control.Owner.Value),
            control.Status,
            ControlPage(id),
            mapsTo,
            evidence,
            governedBy.OrderBy(p => p.Id, StringComparer.Ordinal).ToList(),
            Worst(evidence.Select(e => Rollup(e.State))),
            control.Span.Path,
            control.Id.Span.Line);
    }

    private static EvidenceRollup Rollup(EvidenceState state) => state switch
    {
        EvidenceState.Fresh => EvidenceRollup.Fresh,
        EvidenceState.NearlyStale => EvidenceRollup.NearlyStale,
        EvidenceState.Stale => EvidenceRollup.Stale,
        _ => EvidenceRollup.Missing,
    };

    /// <summary>The worst state, ignoring "none"; none if there is nothing else.</summary>
    private static EvidenceRollup Worst(IEnumerable<EvidenceRollup> states)
    {
        var worst = EvidenceRollup.None;
        foreach (var state in states)
        {
            if (state == EvidenceRollup.None)
            {
                continue;
            }

            worst = worst == EvidenceRollup.None || state > worst ? state : worst;
        }

        return worst;
    }

    private static string Designation(bool? required) => required switch
    {
        true => "Required",
        false => "Addressable",
        null => string.Empty,
    };

    // ---------------------------------------------------------------- frameworks and requirements

    private Dictionary<string, List<PartnerModel>> BuildPartners(out Dictionary<CrosswalkMapping, PageRef> anchors)
    {
        anchors = new Dictionary<CrosswalkMapping, PageRef>(ReferenceEqualityComparer.Instance);
        var partners = new Dictionary<string, List<PartnerModel>>(StringComparer.Ordinal);
        void Add(string from, PartnerModel partner)
        {
            if (!partners.TryGetValue(from, out var list))
            {
                partners[from] = list = new List<PartnerModel>();
            }

            list.Add(partner);
        }

        foreach (var crosswalk in _result.Programme.Crosswalks)
        {
            var slug = _crosswalkSlugs[crosswalk.Id.Value];
            for (var i = 0; i < crosswalk.Mappings.Count; i++)
            {
                var mapping = crosswalk.Mappings[i];
                var anchor = new PageRef(SitePaths.Crosswalk, $"map-{slug}-{i + 1}");
                anchors[mapping] = anchor;
                var source = RequirementLinkOf(mapping.Source.Value);
                var target = RequirementLinkOf(mapping.Target.Value);
                Add(mapping.Source.Value, new PartnerModel(target, FrameworkTitleOf(mapping.Target.Value), mapping.Relationship, mapping.Relationship, mapping.Area, mapping.Rationale, anchor));
                Add(mapping.Target.Value, new PartnerModel(source, FrameworkTitleOf(mapping.Source.Value), mapping.Relationship, Invert(mapping.Relationship), mapping.Area, mapping.Rationale, anchor));
            }
        }

        return partners;
    }

    private static string Invert(string relationship) => relationship switch
    {
        "subset" => "superset",
        "superset" => "subset",
        _ => relationship,
    };

    private ItemLink RequirementLinkOf(string id) =>
        _requirements.TryGetValue(id, out var requirement) ? new ItemLink(id, requirement.Title, RequirementPage(id)) : new ItemLink(id, string.Empty, null);

    private string FrameworkTitleOf(string requirementId) =>
        _frameworkOfRequirement.TryGetValue(requirementId, out var framework) ? framework.Title : string.Empty;

    private FrameworkModel BuildFramework(FrameworkDefinition framework, Dictionary<string, ControlModel> controls, Dictionary<string, List<PartnerModel>> partners)
    {
        var requirements = framework.Requirements;
        var inThisFramework = new HashSet<string>(requirements.Select(r => r.Id.Value), StringComparer.Ordinal);
        var children = requirements
            .Where(r => r.Parent is not null && inThisFramework.Contains(r.Parent.Value))
            .GroupBy(r => r.Parent!.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var decisions = _result.Programme.Decisions.GroupBy(d => d.Requirement.Value, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var mappedBy = _result.Programme.Controls
            .SelectMany(c => c.MapsTo.Select(m => (Requirement: m.Value, Control: c)))
            .Where(x => inThisFramework.Contains(x.Requirement))
            .GroupBy(x => x.Requirement, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Control).Distinct().ToList(), StringComparer.Ordinal);

        var coverage = new Dictionary<string, (CoverageState State, EvidenceRollup Evidence)>(StringComparer.Ordinal);
        (CoverageState State, EvidenceRollup Evidence) Cover(RequirementDefinition requirement, int depth)
        {
            var id = requirement.Id.Value;
            if (coverage.TryGetValue(id, out var known))
            {
                return known;
            }

            coverage[id] = (CoverageState.NotCovered, EvidenceRollup.None); // cycle guard
            (CoverageState, EvidenceRollup) result;
            var active = mappedBy.TryGetValue(id, out var list) ? list.Where(c => c.Status != ControlStatuses.NotApplicable).ToList() : new List<ControlDefinition>();
            var kids = children.TryGetValue(id, out var k) ? k.Where(c => _inScope.Contains(c.Id.Value) && !c.Informative).ToList() : new List<RequirementDefinition>();
            if (!_inScope.Contains(id))
            {
                result = (CoverageState.OutOfScope, Worst(active.Select(c => controls[c.Id.Value].Rollup)));
            }
            else if (active.Count > 0)
            {
                var state = active.All(c => c.Status == ControlStatuses.Planned) ? CoverageState.PlannedOnly : CoverageState.Implemented;
                result = (state, Worst(active.Select(c => controls[c.Id.Value].Rollup)));
            }
            else if (requirement.Informative)
            {
                result = (CoverageState.Informative, EvidenceRollup.None);
            }
            else if (decisions.ContainsKey(id))
            {
                result = (CoverageState.Decided, EvidenceRollup.None);
            }
            else if (kids.Count > 0 && depth < 64)
            {
                var states = kids.Select(kid => Cover(kid, depth + 1)).ToList();
                var covered = states.All(s => s.State is CoverageState.Implemented or CoverageState.PlannedOnly or CoverageState.Decided or CoverageState.CoveredByChildren or CoverageState.Informative);
                result = (covered ? CoverageState.CoveredByChildren : CoverageState.NotCovered, Worst(states.Select(s => s.Evidence)));
            }
            else
            {
                result = (CoverageState.NotCovered, EvidenceRollup.None);
            }

            coverage[id] = result;
            return result;
        }

        var depths = new Dictionary<string, int>(StringComparer.Ordinal);
        int Depth(RequirementDefinition requirement)
        {
            var depth = 0;
            var current = requirement;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (current.Parent is { } parent && seen.Add(current.Id.Value) && _requirements.TryGetValue(parent.Value, out var next) && inThisFramework.Contains(parent.Value))
            {
                depth++;
                current = next;
            }

            return Math.Min(depth, 6);
        }

        var models = new List<RequirementModel>();
        var modelled = new HashSet<string>(StringComparer.Ordinal);
        foreach (var requirement in requirements)
        {
            var id = requirement.Id.Value;
            if (!modelled.Add(id))
            {
                continue;
            }

            var (state, evidence) = Cover(requirement, 0);
            var kids = children.TryGetValue(id, out var k) ? k : new List<RequirementDefinition>();
            var assessable = _inScope.Contains(id) && !requirement.Informative && !kids.Any(c => _inScope.Contains(c.Id.Value) && !c.Informative);
            decisions.TryGetValue(id, out var decision);
            models.Add(new RequirementModel(
                id,
                requirement.Title,
                framework.Id.Value,
                framework.Title,
                FrameworkPage(framework.Id.Value),
                requirement.Kind,
                Depth(requirement),
                requirement.Parent is { } parent ? RequirementLinkOf(parent.Value) : null,
                kids.Select(c => RequirementLinkOf(c.Id.Value)).ToList(),
                requirement.Required,
                requirement.Category,
                requirement.Summary,
                requirement.Informative,
                _inScope.Contains(id),
                assessable,
                state,
                evidence,
                mappedBy.TryGetValue(id, out var mapped) ? mapped.Select(c => controls[c.Id.Value].Link).ToList() : new List<ControlLink>(),
                decision is null ? null : new DecisionModel(decision.Decision, decision.Rationale, decision.Alternative, decision.ApprovedBy is null ? null : Person(decision.ApprovedBy.Value), decision.ApprovedOn is { } on ? DateOnly.FromDateTime(on) : null),
                partners.TryGetValue(id, out var p) ? p : new List<PartnerModel>(),
                RequirementPage(id)));
        }

        var assessed = models.Where(m => m.IsAssessable).ToList();
        var byControls = assessed.Where(m => m.Coverage is CoverageState.Implemented or CoverageState.PlannedOnly).ToList();
        var summary = new CoverageSummary(
            assessed.Count,
            byControls.Count,
            assessed.Count(m => m.Coverage == CoverageState.Decided),
            assessed.Count(m => m.Coverage == CoverageState.NotCovered),
            byControls.Count(m => m.Evidence == EvidenceRollup.Fresh),
            byControls.Count(m => m.Evidence == EvidenceRollup.NearlyStale),
            byControls.Count(m => m.Evidence == EvidenceRollup.Stale),
            byControls.Count(m => m.Evidence == EvidenceRollup.Missing));

        var scope = _result.Programme.Programme?.Scope.FirstOrDefault(s => s.Framework.Value == framework.Id.Value);
        return new FrameworkModel(
            framework.Id.Value,
            framework.Title,
            framework.Citation,
            framework.Source,
            FrameworkPage(framework.Id.Value),
            scope is not null,
            scope?.Categories.Select(c => c.Value).ToList() ?? new List<string>(),
            models,
            summary);
    }

    // ---------------------------------------------------------------- crosswalks

    private List<DivergenceModel> BuildDivergences(Dictionary<string, RequirementModel> requirements, out HashSet<string> divergent)
    {
        divergent = new HashSet<string>(StringComparer.Ordinal);
        var list = new List<DivergenceModel>();
        foreach (var area in Divergences.Areas)
        {
            var found = area.Citations.Where(requirements.ContainsKey).Select(c => requirements[c]).ToList();
            if (found.Count == 0)
            {
                continue;
            }

            // The requirements themselves, the paragraphs below them, and their parts in the catalog hierarchy.
            var covered = new HashSet<string>(StringComparer.Ordinal);
            void Descend(RequirementModel requirement, int depth)
            {
                if (!covered.Add(requirement.Id) || depth > 16)
                {
                    return;
                }

                foreach (var child in requirement.Children)
                {
                    if (requirements.TryGetValue(child.Id, out var model))
                    {
                        Descend(model, depth + 1);
                    }
                }
            }

            foreach (var requirement in requirements.Values.Where(r => found.Any(f => Covers(f.Id, r.Id))))
            {
                Descend(requirement, 0);
            }

            divergent.UnionWith(covered);
            var controls = covered
                .SelectMany(id => requirements[id].Controls)
                .GroupBy(c => c.Id, StringComparer.Ordinal)
                .Select(g => g.First())
                .OrderBy(c => c.Id, StringComparer.Ordinal)
                .ToList();
            list.Add(new DivergenceModel(area.Key, area.Title, area.Explanation, found, Array.Empty<MappingModel>(), controls, new PageRef(SitePaths.Crosswalk, $"gap-{area.Key}"), covered));
        }

        return list;
    }

    /// <summary>Whether a citation covers a requirement: the same ID, or a paragraph below it ("164.404" covers "164.404(a)(2)").</summary>
    private static bool Covers(string citation, string id) =>
        id == citation || (id.StartsWith(citation, StringComparison.Ordinal) && id.Length > citation.Length && id[citation.Length] == '(');

    private CrosswalkModel BuildCrosswalk(CrosswalkDefinition crosswalk, Dictionary<CrosswalkMapping, PageRef> anchors, HashSet<string> divergent)
    {
        var mappings = crosswalk.Mappings.Select(m => new MappingModel(
            RequirementLinkOf(m.Source.Value),
            RequirementLinkOf(m.Target.Value),
            m.Relationship,
            m.Area,
            m.Rationale,
            divergent.Contains(m.Target.Value) || divergent.Contains(m.Source.Value) || m.Relationship == "subset",
            anchors[m])).ToList();

        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = 0;
        foreach (var framework in _result.Programme.Frameworks)
        {
            foreach (var requirement in framework.Requirements)
            {
                order.TryAdd(requirement.Id.Value, index++);
            }
        }

        int Order(string id) => order.TryGetValue(id, out var i) ? i : int.MaxValue;
        var rows = mappings.Select(m => m.Source).DistinctBy(l => l.Id).OrderBy(l => Order(l.Id)).ThenBy(l => l.Id, StringComparer.Ordinal).ToList();
        var columns = mappings.Select(m => m.Target).DistinctBy(l => l.Id).OrderBy(l => Order(l.Id)).ThenBy(l => l.Id, StringComparer.Ordinal).ToList();
        var source = _result.Programme.Frameworks.FirstOrDefault(f => f.Id.Value == crosswalk.Source.Value);
        var target = _result.Programme.Frameworks.FirstOrDefault(f => f.Id.Value == crosswalk.Target.Value);
        return new CrosswalkModel(
            crosswalk.Id.Value,
            crosswalk.Title,
            new ItemLink(crosswalk.Source.Value, source?.Title ?? crosswalk.Source.Value, source is null ? null : FrameworkPage(source.Id.Value)),
            new ItemLink(crosswalk.Target.Value, target?.Title ?? crosswalk.Target.Value, target is null ? null : FrameworkPage(target.Id.Value)),
            mappings,
            rows,
            columns,
            new PageRef(SitePaths.Crosswalk, $"xw-{_crosswalkSlugs[crosswalk.Id.Value]}"));
    }

    // ---------------------------------------------------------------- vendors

    private VendorRegistryModel BuildVendors(List<ArtifactModel> artifacts)
    {
        var statuses = _result.Vendors.GroupBy(v => v.VendorId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var agreements = artifacts.Where(a => a.SidecarPath is null).ToList();
        var definitions = _result.Programme.Vendors.ToDictionary(v => v.Id.Value, StringComparer.Ordinal);
        var usedBy = _result.Programme.Vendors
            .SelectMany(v => v.Subcontractors.Select(s => (Sub: s.Value, By: v)))
            .ToLookup(x => x.Sub, x => x.By, StringComparer.Ordinal);

        ItemLink VendorLink(string id) => definitions.TryGetValue(id, out var v) ? new ItemLink(id, v.Name, VendorAnchor(id)) : new ItemLink(id, "(not in the registry)", null);

        var vendors = _result.Programme.Vendors.Select(vendor =>
        {
            var id = vendor.Id.Value;
            statuses.TryGetValue(id, out var status);
            BaaModel? baa = null;
            if (vendor.Baa is { } definition)
            {
                var agreement = definition.Evidence is { } evidence && _agreements.TryGetValue(evidence.Value, out var found) ? found : null;
                baa = new BaaModel(Day(definition.SignedOn), Day(definition.EffectiveOn), Day(definition.ExpiresOn), definition.Evidence?.Value, agreement);
            }

            return new VendorModel(
                id,
                vendor.Name,
                vendor.HandlesPhi,
                vendor.Services.Select(s => new ServiceModel(s.Id.Value, s.Name)).ToList(),
                baa,
                status?.State ?? (vendor.HandlesPhi ? BaaState.Missing : BaaState.NotRequired),
                status?.DaysLeft,
                vendor.Subcontractors.Select(s => VendorLink(s.Value)).ToList(),
                usedBy[id].Select(v => VendorLink(v.Id.Value)).DistinctBy(l => l.Id).OrderBy(l => l.Id, StringComparer.Ordinal).ToList(),
                vendor.Notes,
                VendorAnchor(id));
        }).ToList();

        var byId = vendors.ToDictionary(v => v.Id, StringComparer.Ordinal);
        var subcontracted = new HashSet<string>(vendors.SelectMany(v => v.Subcontractors.Select(s => s.Id)), StringComparer.Ordinal);

        ChainNode Node(VendorModel vendor, HashSet<string> path, int depth)
        {
            if (path.Contains(vendor.Id) || depth > 16)
            {
                return new ChainNode(vendor, Array.Empty<ChainNode>(), Cycle: true);
            }

            var next = new HashSet<string>(path, StringComparer.Ordinal) { vendor.Id };
            var children = vendor.Subcontractors.Where(s => byId.ContainsKey(s.Id)).Select(s => Node(byId[s.Id], next, depth + 1)).ToList();
            return new ChainNode(vendor, children, Cycle: false);
        }

        var roots = vendors.Where(v => v.Subcontractors.Count > 0 && !subcontracted.Contains(v.Id)).ToList();
        // Vendors in a cycle with no top: start from the first of them, so that every chain is shown.
        var reached = new HashSet<string>(StringComparer.Ordinal);
        void Mark(ChainNode node)
        {
            reached.Add(node.Vendor.Id);
            foreach (var child in node.Children)
            {
                Mark(child);
            }
        }

        var chains = roots.Select(r => Node(r, new HashSet<string>(StringComparer.Ordinal), 0)).ToList();
        chains.ForEach(Mark);
        foreach (var vendor in vendors.Where(v => v.Subcontractors.Count > 0 && !reached.Contains(v.Id)))
        {
            var chain = Node(vendor, new HashSet<string>(StringComparer.Ordinal), 0);
            Mark(chain);
            chains.Add(chain);
        }

        var standalone = vendors.Where(v => v.Subcontractors.Count == 0 && !subcontracted.Contains(v.Id)).ToList();
        return new VendorRegistryModel(vendors, chains, standalone, BuildTimeline(vendors), new PageRef(SitePaths.Vendors));
    }

    private TimelineModel BuildTimeline(List<VendorModel> vendors)
    {
        var asOf = _result.Options.AsOf;
        var bars = vendors
            .Where(v => v.Baa is { } baa && (baa.EffectiveOn ?? baa.SignedOn) is not null || v.Baa?.ExpiresOn is not null)
            .Select(v =>
            {
                var baa = v.Baa!;
                var from = baa.EffectiveOn ?? baa.SignedOn;
                var to = baa.ExpiresOn;
                return (Vendor: v, From: from, To: to);
            })
            .ToList();

        var dates = bars.SelectMany(b => new[] { b.From, b.To }).Where(d => d is not null).Select(d => d!.Value).Append(asOf).ToList();
        var start = new DateOnly(dates.Min().Year, 1, 1);
        var end = new DateOnly(dates.Max().Year + 1, 1, 1);
        if (end.Year - start.Year > 20)
        {
            start = new DateOnly(Math.Max(start.Year, asOf.Year - 10), 1, 1);
            end = new DateOnly(Math.Min(end.Year, asOf.Year + 10), 1, 1);
        }

        var step = Math.Max(1, (end.Year - start.Year + 9) / 10);
        var ticks = new List<DateOnly>();
        for (var year = start.Year; year <= end.Year; year += step)
        {
            ticks.Add(new DateOnly(year, 1, 1));
        }

        DateOnly Clamp(DateOnly d) => d < start ? start : d > end ? end : d;
        var timeline = bars
            .Select(b => new TimelineBar(b.Vendor, Clamp(b.From ?? start), Clamp(b.To ?? end), b.From is null || b.From < start, b.To is null || b.To > end))
            .OrderBy(b => b.Vendor.Baa?.ExpiresOn ?? DateOnly.MaxValue)
            .ThenBy(b => b.Vendor.Id, StringComparer.Ordinal)
            .ToList();
        return new TimelineModel(start, end, asOf, ticks, timeline);
    }

    // ---------------------------------------------------------------- policies, people, waivers

    private PolicyModel BuildPolicy(PolicyDefinition policy, IReadOnlyDictionary<string, IReadOnlyDictionary<string, FileRevision>> revisionsOf)
    {
        var id = policy.Id.Value;
        var status = _result.Policies.FirstOrDefault(p => p.PolicyId == id);
        var asOf = _result.Options.AsOf;
        var review = status is null ? PolicyReviewState.Unknown
            : status.Overdue ? PolicyReviewState.Overdue
            : status.NextReviewOn.DayNumber - asOf.DayNumber <= _result.Options.PolicyWarningDays ? PolicyReviewState.DueSoon
            : PolicyReviewState.Current;

        var history = _result.Provenance.Find(policy.Path);
        var revisions = new List<RevisionModel>();
        if (history is not null)
        {
            var details = revisionsOf[policy.Path];
            for (var i = history.Changes.Count - 1; i >= 0; i--)
            {
                var commit = history.Changes[i];
                details.TryGetValue(commit.Sha, out var detail);
                revisions.Add(new RevisionModel(Commit(commit)!, i == 0 ? "added" : "modified", detail?.Version, detail?.LinesAdded, detail?.LinesRemoved));
            }
        }

        var markdown = ReadPolicyText(policy.Path);
        return new PolicyModel(
            id,
            policy.Title,
            policy.Version,
            policy.Owner is null ? null : Person(policy.Owner.Value),
            policy.ApprovedBy is null ? null : Person(policy.ApprovedBy.Value),
            Day(policy.ApprovedOn),
            policy.ReviewIntervalDays,
            status?.NextReviewOn,
            status is null ? null : status.NextReviewOn.DayNumber - asOf.DayNumber,
            review,
            policy.Governs.Select(g => g.Value).Distinct(StringComparer.Ordinal)
                .Select(c => _controls.TryGetValue(c, out var control) ? new ItemLink(c, control.Title, ControlPage(c)) : new ItemLink(c, "(not defined)", null))
                .ToList(),
            markdown,
            policy.Path,
            revisions,
            PolicyPage(id));
    }

    private string ReadPolicyText(string relative)
    {
        var full = Path.Combine(_result.Options.Root, relative);
        return File.Exists(full) ? File.ReadAllText(full).Replace("\r\n", "\n") : string.Empty;
    }

    private List<PersonModel> BuildPeople(AuditLogModel auditLog)
    {
        var activity = auditLog.Events
            .Where(e => e.Person is not null && e.Type is AuditEventTypes.GateDecision or AuditEventTypes.Deploy)
            .ToLookup(e => e.Person!.Id, e => e.Link, StringComparer.Ordinal);
        var programme = _result.Programme;
        var collected = _result.Artifacts.GroupBy(a => a.Record.Collector.Value, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        // Each list grouped by person once (a lookup keeps the list's order within a person), not scanned once per person.
        var policiesApproved = programme.Policies.Where(p => p.ApprovedBy is not null).ToLookup(p => p.ApprovedBy!.Value, StringComparer.Ordinal);
        var decisionsApproved = programme.Decisions.Where(d => d.ApprovedBy is not null).ToLookup(d => d.ApprovedBy!.Value, StringComparer.Ordinal);
        var waiversApproved = programme.Waivers.Where(w => w.ApprovedBy is not null).ToLookup(w => w.ApprovedBy!.Value, StringComparer.Ordinal);
        var controlsOwned = programme.Controls.Where(c => c.Owner is not null).ToLookup(c => c.Owner!.Value, StringComparer.Ordinal);
        var policiesOwned = programme.Policies.Where(p => p.Owner is not null).ToLookup(p => p.Owner!.Value, StringComparer.Ordinal);
        return programme.People.Select(person =>
        {
            var id = person.Id.Value;
            var approves = new List<ItemLink>();
            approves.AddRange(policiesApproved[id].Select(p => new ItemLink(p.Id.Value, $"{p.Title} (policy)", PolicyPage(p.Id.Value))));
            approves.AddRange(decisionsApproved[id].Select(d => new ItemLink(d.Requirement.Value, "(decision)", _requirements.ContainsKey(d.Requirement.Value) ? RequirementPage(d.Requirement.Value) : null)));
            approves.AddRange(waiversApproved[id].Select(w => new ItemLink(w.Id.Value, "(waiver)", WaiverAnchor(w.Id.Value))));
            return new PersonModel(
                id,
                person.Name,
                person.Email?.Value,
                person.Role,
                person.PhiAccess,
                person.Status,
                Day(person.RevokedOn),
                controlsOwned[id].Select(c => new ItemLink(c.Id.Value, c.Title, ControlPage(c.Id.Value))).ToList(),
                policiesOwned[id].Select(p => new ItemLink(p.Id.Value, p.Title, PolicyPage(p.Id.Value))).ToList(),
                approves,
                collected.TryGetValue(id, out var n) ? n : 0,
                activity[id].ToList(),
                PersonAnchor(id));
        }).ToList();
    }

    private List<WaiverModel> BuildWaivers()
    {
        var statuses = _result.Waivers.GroupBy(w => w.WaiverId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var asOf = _result.Options.AsOf;
        return _result.Programme.Waivers.Select(waiver =>
        {
            statuses.TryGetValue(waiver.Id.Value, out var status);
            var expires = Day(waiver.ExpiresOn);
            return new WaiverModel(
                waiver.Id.Value,
                waiver.Rule.Value,
                Compliance.Model.Diagnostics.Rules.Find(waiver.Rule.Value) is null ? null : RuleAnchor(waiver.Rule.Value),
                waiver.Target.Value,
                null,
                waiver.Reason,
                waiver.ApprovedBy is null ? null : Person(waiver.ApprovedBy.Value),
                Day(waiver.ApprovedOn),
                expires,
                expires is { } e ? e.DayNumber - asOf.DayNumber : null,
                status?.State ?? WaiverState.Invalid,
                status?.Applied ?? 0,
                WaiverAnchor(waiver.Id.Value));
        }).ToList();
    }

    // ---------------------------------------------------------------- findings and changes

    private FindingModel BuildFinding(Finding finding, int number, ItemResolver items)
    {
        var rule = Compliance.Model.Diagnostics.Rules.Find(finding.RuleId);
        var location = finding.Location is { } span ? $"{span.Path}({span.Line},{span.Column})" : null;
        return new FindingModel(
            number,
            finding.RuleId,
            rule?.Title ?? string.Empty,
            rule is null ? null : RuleAnchor(finding.RuleId),
            finding.Severity,
            finding.Message,
            finding.Fix,
            location,
            finding.Target,
            items.Resolve(finding, rule?.Category),
            finding.WaivedBy);
    }

    private ChangesModel BuildChanges(ItemResolver items, ChangeSet changes)
    {
        var files = changes.Files.Select(f => new ChangedFile(f.Change, f.Path, f.OldPath, f.Change == "deleted" ? Array.Empty<ItemLink>() : items.InFile(f.Path))).ToList();
        return new ChangesModel(changes.Description, Commit(changes.Base), files, changes.Commits.Select(c => Commit(c)!).ToList(), changes.MoreCommits, changes.Unavailable);
    }

    /// <summary>Where each item is defined, so that a finding located in a file finds its item.</summary>
    private void AddSpans(ItemResolver items, List<ArtifactModel> artifacts, List<CrosswalkModel> crosswalks)
    {
        var programme = _result.Programme;
        if (programme.Programme is { } definition)
        {
            items.Add(definition.Id.Span, new ItemLink(definition.Id.Value, definition.Name, new PageRef(SitePaths.Overview)), wholeSpan: false);
        }

        foreach (var framework in programme.Frameworks)
        {
            items.Add(framework.Id.Span, new ItemLink(framework.Id.Value, framework.Title, FrameworkPage(framework.Id.Value)), wholeSpan: false);
            foreach (var requirement in framework.Requirements)
            {
                items.Add(requirement.Id.Span, RequirementLinkOf(requirement.Id.Value), wholeSpan: false);
            }
        }

        var mappings = crosswalks.SelectMany(c => c.Mappings).ToList();
        var index = 0;
        foreach (var crosswalk in programme.Crosswalks)
        {
            var model = crosswalks.First(c => c.Id == crosswalk.Id.Value);
            items.Add(crosswalk.Id.Span, new ItemLink(crosswalk.Id.Value, crosswalk.Title, model.Anchor), wholeSpan: false);
            foreach (var mapping in crosswalk.Mappings)
            {
                var m = mappings[index++];
                items.Add(mapping.Span, new ItemLink($"{m.Source.Id} / {m.Target.Id}", "crosswalk pair", m.Anchor));
            }
        }

        foreach (var control in programme.Controls)
        {
            items.Add(control.Span, new ItemLink(control.Id.Value, control.Title, ControlPage(control.Id.Value)));
            foreach (var evidence in control.Evidence)
            {
                items.Add(evidence.Id.Span, new ItemLink($"{control.Id.Value}/{evidence.Id.Value}", evidence.Description, EvidenceAnchor(control.Id.Value, evidence.Id.Value)), wholeSpan: false);
            }
        }

        foreach (var decision in programme.Decisions)
        {
            items.Add(decision.Requirement.Span, RequirementLinkOf(decision.Requirement.Value), wholeSpan: false);
        }

        foreach (var vendor in programme.Vendors)
        {
            items.Add(vendor.Span, new ItemLink(vendor.Id.Value, vendor.Name, VendorAnchor(vendor.Id.Value)));
        }

        foreach (var person in programme.People)
        {
            items.Add(person.Id.Span, new ItemLink(person.Id.Value, person.Name, PersonAnchor(person.Id.Value)), wholeSpan: false);
        }

        foreach (var waiver in programme.Waivers)
        {
            items.Add(waiver.Id.Span, new ItemLink(waiver.Id.Value, "waiver", WaiverAnchor(waiver.Id.Value)), wholeSpan: false);
        }

        foreach (var policy in programme.Policies)
        {
            items.Add(policy.Span, new ItemLink(policy.Id.Value, policy.Title, PolicyPage(policy.Id.Value)));
        }

        foreach (var artifact in artifacts.Where(a => a.SidecarPath is not null))
        {
            items.Add(artifact.SidecarPath!, 1, int.MaxValue, new ItemLink(artifact.Path, artifact.Description ?? string.Empty, artifact.Viewer));
        }
    }

    // ---------------------------------------------------------------- helpers

    internal PersonLink Person(string id) =>
        _people.TryGetValue(id, out var person)
            ? new PersonLink(id, person.Name, CheckContext.IsActiveOn(person, _result.Options.AsOf), PersonAnchor(id))
            : new PersonLink(id, id, true, null);

    internal static CommitModel? Commit(CommitInfo? commit) =>
        commit is null ? null : new CommitModel(commit.Sha, commit.AuthorName, commit.AuthorEmail, commit.AuthorDate, commit.CommitDate, commit.Signed, commit.Summary);

    private static DateOnly? Day(DateTime? date) => date is { } d ? DateOnly.FromDateTime(d) : null;

    internal static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal string RequirementPageOrNull(string id) => _requirements.ContainsKey(id) ? RequirementPage(id).Path : string.Empty;

    internal bool IsControl(string id) => _controls.ContainsKey(id);

    internal bool IsRequirement(string id) => _requirements.ContainsKey(id);

    internal PageRef EvidencePage(string controlId, string evidenceId) => EvidenceAnchorOrControl(controlId, evidenceId);
}
