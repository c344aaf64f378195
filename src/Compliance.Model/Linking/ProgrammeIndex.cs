using System.Collections.Generic;
using Compliance.Model.Diagnostics;
using Compliance.Model.Documents;

namespace Compliance.Model.Linking;

/// <summary>The items of every file gathered into registries by kind, with duplicate IDs reported as they are added.</summary>
internal sealed class ProgrammeIndex
{
    public ProgrammeIndex(IEnumerable<ParsedFile> files, List<Finding> findings)
    {
        var programmes = new List<ProgrammeDefinition>();
        var frameworks = new List<FrameworkDefinition>();
        var frameworkParts = new List<FrameworkPartDefinition>();
        foreach (var file in files)
        {
            if (file.Programme is { } programme)
            {
                programmes.Add(programme);
            }

            if (file.Framework is { } framework)
            {
                frameworks.Add(framework);
            }

            if (file.FrameworkPart is { } part)
            {
                frameworkParts.Add(part);
            }

            if (file.Crosswalk is { } crosswalk)
            {
                Crosswalks.Add(crosswalk, crosswalk.Id, findings);
            }

            foreach (var control in file.Controls)
            {
                Controls.Add(control, control.Id, findings);
            }

            foreach (var decision in file.Decisions)
            {
                Decisions.Add(decision, decision.Requirement, findings);
            }

            foreach (var vendor in file.Vendors)
            {
                Vendors.Add(vendor, vendor.Id, findings);
                foreach (var service in vendor.Services)
                {
                    Services.Add(service, service.Id, findings);
                }
            }

            foreach (var person in file.People)
            {
                People.Add(person, person.Id, findings);
                if (person.Email is { } email)
                {
                    Emails.Add(person, email, findings);
                }
            }

            if (file.Policy is { } policy)
            {
                Policies.Add(policy, policy.Id, findings);
            }

            if (file.Evidence is { } evidence)
            {
                Evidence.Add(evidence);
            }

            foreach (var incident in file.Incidents)
            {
                Incidents.Add(incident, incident.Id, findings);
            }

            foreach (var waiver in file.Waivers)
            {
                Waivers.Add(waiver, waiver.Id, findings);
            }

            foreach (var incomplete in file.Incomplete)
            {
                Incomplete.Add(incomplete);
                RegistryOf(incomplete.Kind)?.AddIncomplete(incomplete.Id);
                if (incomplete.Kind == "evidence requirement")
                {
                    IncompleteEvidence.Add(incomplete.Key);
                }

                CoverageIncomplete |= incomplete.AffectsCoverage;
            }
        }

        // After every file: a part may come before its framework's file in path order.
        FrameworkAssembly.Register(this, frameworks, frameworkParts, findings);

        if (programmes.Count == 0)
        {
            findings.Add(Rules.ProgrammeDefinition.At(null, "No file defines the programme, so no framework is in scope and nothing is checked for coverage."));
        }

        for (var i = 1; i < programmes.Count; i++)
        {
            findings.Add(Rules.ProgrammeDefinition.At(programmes[i].Id.Span,
                $"A second programme '{programmes[i].Id.Value}' is defined; the first is '{programmes[0].Id.Value}' at {programmes[0].Id.Span.Path}."));
        }

        Programme = programmes.Count > 0 ? programmes[0] : null;
    }

    public ProgrammeDefinition? Programme { get; }

    /// <summary>Every item dropped for an invalid field, in path order (within a file, in the order the parser kept them).</summary>
    public List<IncompleteItem> Incomplete { get; } = new();

    /// <summary>Evidence requirements (CONTROL/EVIDENCE) dropped for an invalid field: sidecars naming them are not in error.</summary>
    public HashSet<string> IncompleteEvidence { get; } = new(System.StringComparer.Ordinal);

    /// <summary>Whether some file holds an item of a kind that coverage depends on, dropped for an invalid field.</summary>
    public bool CoverageIncomplete { get; private set; }

    private IIncompleteRegistry? RegistryOf(string kind)
    {
        return kind switch
        {
            "control" => Controls,
            "requirement" => Requirements,
            "framework" => Frameworks,
            "crosswalk" => Crosswalks,
            "vendor" => Vendors,
            "service" => Services,
            "person" => People,
            "policy" => Policies,
            "incident" => Incidents,
            "waiver" => Waivers,
            _ => null,
        };
    }

    public Registry<FrameworkDefinition> Frameworks { get; } = new("framework");

    public Registry<RequirementDefinition> Requirements { get; } = new("requirement");

    public Registry<CrosswalkDefinition> Crosswalks { get; } = new("crosswalk");

    public Registry<ControlDefinition> Controls { get; } = new("control");

    public Registry<DecisionDefinition> Decisions { get; } = new("decision on requirement");

    public Registry<VendorDefinition> Vendors { get; } = new("vendor");

    public Registry<ServiceDefinition> Services { get; } = new("service");

    public Registry<PersonDefinition> People { get; } = new("person");

    /// <summary>E-mail addresses compare without case, as the generated FindPersonByEmail looks them up.</summary>
    public Registry<PersonDefinition> Emails { get; } = new("person e-mail", System.StringComparer.OrdinalIgnoreCase);

    public Registry<PolicyDefinition> Policies { get; } = new("policy");

    public Registry<WaiverDefinition> Waivers { get; } = new("waiver");

    public List<EvidenceRecord> Evidence { get; } = new();

    public Registry<IncidentDefinition> Incidents { get; } = new("incident");
}
