using System;
using System.Collections.Generic;
using System.Linq;
using Compliance.Model.Documents;

namespace Compliance.Model.Linking;

/// <summary>
/// The linker's own indexes, public and read-only, so that no consumer rebuilds them: people by ID
/// and by e-mail, controls by ID and by requirement, requirements and their frameworks, vendors by
/// ID and by service, policies, decisions and each requirement's coverage. The first definition of
/// an ID wins, as everywhere in the programme.
/// </summary>
public sealed class ProgrammeLookups
{
    private static readonly IReadOnlyList<ControlDefinition> NoControls = Array.Empty<ControlDefinition>();

    private readonly Dictionary<string, PersonDefinition> _people;
    private readonly Dictionary<string, PersonDefinition> _emails;
    private readonly Dictionary<string, ControlDefinition> _controls;
    private readonly Dictionary<string, List<ControlDefinition>> _controlsByRequirement;
    private readonly Dictionary<string, RequirementDefinition> _requirements;
    private readonly Dictionary<string, FrameworkDefinition> _frameworks;
    private readonly Dictionary<string, VendorDefinition> _vendors;
    // A class, not a tuple: ReadyToRun cannot precompile framework generics over value types (issue 15).
    private readonly Dictionary<string, VendorService> _services;
    private readonly Dictionary<string, PolicyDefinition> _policies;
    private readonly Dictionary<string, DecisionDefinition> _decisions;
    private readonly Dictionary<string, RequirementCoverage> _coverage;

    /// <summary>The lookups of an empty programme.</summary>
    internal static readonly ProgrammeLookups None = new(new ProgrammeIndex(Array.Empty<ParsedFile>(), new List<Compliance.Model.Diagnostics.Finding>()), Array.Empty<RequirementCoverage>());

    internal ProgrammeLookups(ProgrammeIndex index, IEnumerable<RequirementCoverage> coverage)
    {
        _people = ById(index.People.Items, p => p.Id.Value);
        _emails = new Dictionary<string, PersonDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var person in index.People.Items)
        {
            if (person.Email is { } email && !_emails.ContainsKey(email.Value))
            {
                _emails.Add(email.Value, person);
            }
        }

        _controls = ById(index.Controls.Items, c => c.Id.Value);
        _controlsByRequirement = new Dictionary<string, List<ControlDefinition>>(StringComparer.Ordinal);
        foreach (var control in index.Controls.Items)
        {
            foreach (var requirement in control.MapsTo.Select(m => m.Value).Distinct(StringComparer.Ordinal))
            {
                if (!_controlsByRequirement.TryGetValue(requirement, out var list))
                {
                    _controlsByRequirement[requirement] = list = new List<ControlDefinition>();
                }

                list.Add(control);
            }
        }

        _requirements = ById(index.Requirements.Items, r => r.Id.Value);
        _frameworks = ById(index.Frameworks.Items, f => f.Id.Value);
        _vendors = ById(index.Vendors.Items, v => v.Id.Value);
        _services = new Dictionary<string, VendorService>(StringComparer.Ordinal);
        foreach (var vendor in index.Vendors.Items)
        {
            foreach (var service in vendor.Services)
            {
                if (!_services.ContainsKey(service.Id.Value))
                {
                    _services.Add(service.Id.Value, new VendorService(vendor, service));
                }
            }
        }

        _policies = ById(index.Policies.Items, p => p.Id.Value);
        _decisions = ById(index.Decisions.Items, d => d.Requirement.Value);
        _coverage = ById(coverage, c => c.RequirementId);
    }

    public PersonDefinition? Person(string? id) => id is not null && _people.TryGetValue(id, out var person) ? person : null;

    /// <summary>E-mail addresses compare without case, as the generated FindPersonByEmail looks them up.</summary>
    public PersonDefinition? PersonByEmail(string? email) => email is not null && _emails.TryGetValue(email, out var person) ? person : null;

    /// <summary>The person an actor names: their e-mail (any case) or their ID. Null for anyone else.</summary>
    public PersonDefinition? Actor(string? actor) => PersonByEmail(actor) ?? Person(actor);

    public ControlDefinition? Control(string? id) => id is not null && _controls.TryGetValue(id, out var control) ? control : null;

    /// <summary>Every control whose maps_to names the requirement, whatever its status, in file order.</summary>
    public IReadOnlyList<ControlDefinition> ControlsOf(string requirementId) =>
        _controlsByRequirement.TryGetValue(requirementId, out var list) ? list : NoControls;

    public RequirementDefinition? Requirement(string? id) => id is not null && _requirements.TryGetValue(id, out var requirement) ? requirement : null;

    public FrameworkDefinition? Framework(string? id) => id is not null && _frameworks.TryGetValue(id, out var framework) ? framework : null;

    public FrameworkDefinition? FrameworkOf(string requirementId) => Framework(Requirement(requirementId)?.FrameworkId);

    public VendorDefinition? Vendor(string? id) => id is not null && _vendors.TryGetValue(id, out var vendor) ? vendor : null;

    /// <summary>The vendor that provides a service, by the service's stable identifier.</summary>
    public VendorDefinition? VendorOfService(string? serviceId) => serviceId is not null && _services.TryGetValue(serviceId, out var entry) ? entry.Vendor : null;

    public ServiceDefinition? Service(string? serviceId) => serviceId is not null && _services.TryGetValue(serviceId, out var entry) ? entry.Service : null;

    public PolicyDefinition? Policy(string? id) => id is not null && _policies.TryGetValue(id, out var policy) ? policy : null;

    public DecisionDefinition? DecisionOn(string requirementId) => _decisions.TryGetValue(requirementId, out var decision) ? decision : null;

    public RequirementCoverage? Coverage(string requirementId) => _coverage.TryGetValue(requirementId, out var coverage) ? coverage : null;

    // Derived wholly from the programme that holds it: two programmes with equal items have equal lookups.
    public override bool Equals(object? obj) => obj is ProgrammeLookups;

    public override int GetHashCode() => 0;

    private static Dictionary<string, T> ById<T>(IEnumerable<T> items, Func<T, string> key)
    {
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var id = key(item);
            if (!map.ContainsKey(id))
            {
                map.Add(id, item);
            }
        }

        return map;
    }

    private sealed record VendorService(VendorDefinition Vendor, ServiceDefinition Service);
}
