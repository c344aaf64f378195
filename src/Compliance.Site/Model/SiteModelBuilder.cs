using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Compliance.Engine;
using Compliance.Model.Diagnostics;
using Compliance.Site.Configuration;
using Compliance.Site.Git;

namespace Compliance.Site.Model;

/// <summary>
/// Turns one check result into the site's page model by calling one builder per section (see
/// Model/Builders) in the order their links need. Reads no file contents itself; git answers come
/// from <see cref="SiteGit"/> and are passed in.
/// </summary>
public sealed class SiteModelBuilder
{
    private readonly SiteBuildContext _context;
    private readonly SiteGit _git;
    private readonly string? _compareTo;

    public SiteModelBuilder(CheckResult result, SiteConfig config, SiteGit git, string? compareTo)
    {
        _context = new SiteBuildContext(result, config);
        _git = git;
        _compareTo = compareTo;
    }

    public static SiteModel Build(CheckResult result, SiteConfig config, SiteGit git, string? compareTo) =>
        new SiteModelBuilder(result, config, git, compareTo).Build();

    public SiteModel Build()
    {
        // The git questions need only the programme and its provenance, so they are asked on the other core
        // while the rest of the model is built. The policies' revisions and the changes since the base are two
        // tasks, each with a repository handle of its own (libgit2 lets threads share a repository, not a handle);
        // together they were the model phase's longest path. Build does not return before both have ended.
        var result = _context.Result;
        var histories = PolicyHistory.Of(result);
        var revisions = Task.Run(() => _git.Revisions(histories));
        var changes = Task.Run(() =>
        {
            using var own = _git.Reopen();
            if (own is not null)
            {
                return own.Changes(_compareTo, result.Options.AsOf);
            }

            // No second handle: the changes are asked on the first once the revisions are done with it.
            BackgroundWork.WaitQuietly(revisions);
            return _git.Changes(_compareTo, result.Options.AsOf);
        });
        try
        {
            return Build(revisions, changes);
        }
        finally
        {
            // Build has thrown their exceptions already, or another exception is on its way out.
            BackgroundWork.WaitQuietly(revisions);
            BackgroundWork.WaitQuietly(changes);
        }
    }

    private SiteModel Build(Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, FileRevision>>> history, Task<ChangeSet> changeSet)
    {
        var context = _context;
        var programme = context.Programme;
        var notes = new List<string>(context.Config.Warnings);

        var artifactsBuilder = new ArtifactsBuilder(context);
        var artifacts = artifactsBuilder.Build();
        var controls = new ControlsBuilder(context).Build(artifacts);
        var controlModels = controls.ToDictionary(c => c.Id, StringComparer.Ordinal);

        var crosswalksBuilder = new CrosswalksBuilder(context);
        var partners = crosswalksBuilder.BuildPartners(out var mappingAnchors);
        var frameworksBuilder = new FrameworksBuilder(context);
        var frameworks = programme.Frameworks.Select(f => frameworksBuilder.Build(f, controlModels, partners)).ToList();
        var requirementModels = frameworks.SelectMany(f => f.Requirements).GroupBy(r => r.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        var divergences = crosswalksBuilder.BuildDivergences(requirementModels, out var divergentRequirements);
        var crosswalks = programme.Crosswalks.Select(c => crosswalksBuilder.BuildCrosswalk(c, mappingAnchors, divergentRequirements)).ToList();
        divergences = divergences.Select(d => d with
        {
            Mappings = crosswalks.SelectMany(c => c.Mappings).Where(m => d.Scope.Contains(m.Target.Id) || d.Scope.Contains(m.Source.Id)).ToList(),
        }).ToList();

        var vendors = new VendorsBuilder(context).Build(artifacts, artifactsBuilder.Agreements);
        var encryption = new EncryptionBuilder(context).Build(artifacts);
        var auditLog = new AuditLogBuilder(context).Build(artifacts);
        var incidents = new IncidentsBuilder(context).Build();
        var people = new PeopleBuilder(context).Build(auditLog);
        var waivers = new WaiversBuilder(context).Build();
        var counts = context.Result.Findings.GroupBy(f => f.RuleId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var rules = Rules.All
            .Select(r => new RuleModel(r.Id, r.Title, r.Severity, r.Category, r.Fix, counts.TryGetValue(r.Id, out var n) ? n : 0, SiteLinks.RuleAnchor(r.Id)))
            .ToList();
        var overview = new OverviewBuilder(context);
        var identity = overview.BuildIdentity();
        var gate = overview.BuildGate();
        var accessReview = new AccessReviewBuilder(context).Build(artifacts);
        var retention = RetentionBuilder.Build(context.Result.Retention, context.Result.Programme.Programme?.RepositoryUrl);
        var period = new PeriodBuilder(context).Build(controls, artifacts);
        var notEvaluated = NotEvaluatedBuilder.Build(programme);

        // Only the policies and what links to them need the git answers: everything above is built while they are asked.
        var revisions = history.GetAwaiter().GetResult();
        var policiesBuilder = new PoliciesBuilder(context);
        var policies = programme.Policies.Select(p => policiesBuilder.Build(p, revisions)).ToList();

        var items = new ItemResolver(controls, artifacts, vendors, policies, waivers, requirementModels);
        var spans = new ItemSpansBuilder(context);
        spans.AddEnforcementSpans(items, auditLog, incidents, encryption);
        spans.AddSpans(items, artifacts, crosswalks);
        var findings = context.Result.Findings.Select((f, i) => FindingsBuilder.Build(f, i + 1, items)).ToList();

        var changes = ChangesBuilder.Build(items, changeSet.GetAwaiter().GetResult());
        var extraPages = context.Config.Pages
            .Select(p => new ExtraPageModel(p.Slug, p.Title, p.Order, p.Markdown, new PageRef($"pages/{p.Slug}.html")))
            .OrderBy(p => p.Order)
            .ThenBy(p => p.Slug, StringComparer.Ordinal)
            .ToList();

        return new SiteModel(
            identity,
            gate,
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
            notes)
        {
            AccessReview = accessReview,
            Retention = retention,
            Period = period,
            NotEvaluated = notEvaluated,
        };
    }
}
