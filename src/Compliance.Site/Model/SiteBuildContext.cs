using System;
using System.Collections.Generic;
using System.Linq;
using Compliance.Engine.Assessment;
using Compliance.Engine;
using Compliance.Engine.Checks;
using Compliance.Engine.Evidence;
using Compliance.Engine.Git;
using Compliance.Model.Documents;
using Compliance.Model.Linking;
using Compliance.Site.Configuration;

namespace Compliance.Site.Model;

/// <summary>
/// What every section builder reads: the check result, the site's configuration, the page links, and the
/// lookups by ID built once for all of them. Small conversions that every section shows the same way
/// (a person, a commit, a day) live here too.
/// </summary>
internal sealed class SiteBuildContext
{
    private readonly Dictionary<string, EndpointDefinition> _endpointsById;

    public SiteBuildContext(CheckResult result, SiteConfig config)
    {
        Result = result;
        Config = config;
        var programme = result.Programme;
        Links = new SiteLinks(programme);
        Endpoints = EndpointsOf(programme);
        Runners = RunnersOf(programme);
        InScope = new HashSet<string>(programme.InScopeRequirements, StringComparer.Ordinal);
        Rollups = result.EvidenceRollups ?? new EvidenceRollups(programme, result.Evidence);
        EvidenceByKey = FirstByKey(result.Evidence, e => e.Key);
        PolicyStatusById = FirstByKey(result.Policies, p => p.PolicyId);
        _endpointsById = FirstByKey(Endpoints, e => e.Id.Value);
    }

    public CheckResult Result { get; }

    public SiteConfig Config { get; }

    public SiteLinks Links { get; }

    public LinkedProgramme Programme => Result.Programme;

    public DateOnly AsOf => Result.Options.AsOf;

    public IReadOnlyList<EndpointDefinition> Endpoints { get; }

    public IReadOnlyList<RunnerDefinition> Runners { get; }

    /// <summary>The linker's lookups: the site rebuilds none of them.</summary>
    public ProgrammeLookups Lookups => Result.Programme.Lookups;

    public HashSet<string> InScope { get; }

    public Dictionary<string, EvidenceStatus> EvidenceByKey { get; }

    /// <summary>The engine's evidence state of each control and requirement.</summary>
    public EvidenceRollups Rollups { get; }

    /// <summary>The policy check's status of each policy, by its ID: looked up per policy, never scanned for.</summary>
    public Dictionary<string, PolicyStatus> PolicyStatusById { get; }

    public static IReadOnlyList<EndpointDefinition> EndpointsOf(LinkedProgramme programme) =>
        programme.Programme is { } definition ? definition.Endpoints : Array.Empty<EndpointDefinition>();

    public static IReadOnlyList<RunnerDefinition> RunnersOf(LinkedProgramme programme) =>
        programme.Programme is { } definition ? definition.Runners : Array.Empty<RunnerDefinition>();

    public PersonLink Person(string id) =>
        Lookups.Person(id) is { } person
            ? new PersonLink(id, person.Name, CheckContext.IsActiveOn(person, AsOf), Links.PersonAnchor(id))
            : new PersonLink(id, id, true, null);

    /// <summary>The person an actor names, by e-mail (any case, as the gate matches it) or by ID; null for a job or a stranger.</summary>
    public PersonLink? Actor(string actor) => Lookups.Actor(actor) is { } person ? Person(person.Id.Value) : null;

    public ItemLink RequirementLinkOf(string id) =>
        Lookups.Requirement(id) is { } requirement ? new ItemLink(id, requirement.Title, Links.RequirementPage(id)) : new ItemLink(id, string.Empty, null);

    public string FrameworkTitleOf(string requirementId) =>
        Lookups.FrameworkOf(requirementId)?.Title ?? string.Empty;

    /// <summary>The evidence requirement's anchor when the control declares it, else the control's page.</summary>
    public PageRef EvidenceAnchorOrControl(string controlId, string evidenceId) =>
        Lookups.Control(controlId)!.Evidence.Any(e => e.Id.Value == evidenceId) ? Links.EvidenceAnchor(controlId, evidenceId) : Links.ControlPage(controlId);

    public ItemLink EndpointLink(string id) =>
        _endpointsById.TryGetValue(id, out var endpoint)
            ? new ItemLink(id, endpoint.Url, Links.EndpointAnchor(id))
            : new ItemLink(id, "(not a declared endpoint)", null);

    public static CommitModel? Commit(CommitInfo? commit) =>
        commit is null ? null : new CommitModel(commit.Sha, commit.AuthorName, commit.AuthorEmail, commit.AuthorDate, commit.CommitDate, commit.Signed, commit.Summary);

    public static DateOnly? Day(DateTime? date) => date is { } d ? DateOnly.FromDateTime(d) : null;

    /// <summary>The first item of each key, as the linker keeps the first definition of an ID.</summary>
    private static Dictionary<string, T> FirstByKey<T>(IEnumerable<T> items, Func<T, string> key)
    {
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            map.TryAdd(key(item), item);
        }

        return map;
    }
}
