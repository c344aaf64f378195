using System;
using System.Globalization;
using System.Collections.Generic;
using System.Linq;
using Compliance.Model.Diagnostics;
using Compliance.Model.Documents;
using Compliance.Model.Text;

namespace Compliance.Model.Linking;

/// <summary>
/// Merges the parsed files into one programme and runs the structural rules that need more than
/// one file: unique IDs, resolvable references, and requirement coverage. Pure and deterministic:
/// files are taken in path order whatever order they arrive in. Never throws.
/// </summary>
public static class ProgrammeLinker
{
    /// <summary>A collector that is an automated job rather than a person: <c>job:okta-export</c>.</summary>
    public const string JobCollectorPrefix = "job:";

    public static LinkedProgramme Link(IEnumerable<ParsedFile> files)
    {
        var ordered = files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        var findings = new List<Finding>();
        foreach (var file in ordered)
        {
            findings.AddRange(file.Findings);
        }

        try
        {
            return LinkOrdered(ordered, findings);
        }
        catch (Exception ex)
        {
            findings.Add(Rules.InternalError.At(null, $"Internal error while linking the programme: {ex.GetType().Name}: {ex.Message}"));
            return Empty(findings);
        }
    }

    private static LinkedProgramme LinkOrdered(List<ParsedFile> files, List<Finding> findings)
    {
        var linkedFrom = findings.Count;
        var model = new ProgrammeIndex(files, findings);
        CheckReferences(model, findings);
        var coverage = CoverageRules.Decide(model, findings);
        var inScope = coverage.Where(c => c.InScope).Select(c => c.RequirementId);
        var unreadable = UnreadableFiles.HoldBackCascade(files, findings, linkedFrom, model.CoverageIncomplete);

        return new LinkedProgramme(
            model.Programme,
            model.Frameworks.Items.ToEquatableArray(),
            model.Crosswalks.Items.ToEquatableArray(),
            model.Controls.Items.ToEquatableArray(),
            model.Decisions.Items.ToEquatableArray(),
            model.Vendors.Items.ToEquatableArray(),
            model.People.Items.ToEquatableArray(),
            model.Policies.Items.ToEquatableArray(),
            model.Waivers.Items.ToEquatableArray(),
            model.Evidence.ToEquatableArray(),
            inScope.ToEquatableArray(),
            Sorted(findings))
        {
            Incidents = model.Incidents.Items.ToEquatableArray(),
            Coverage = coverage.ToEquatableArray(),
            Lookups = new ProgrammeLookups(model, coverage),
            Unreadable = unreadable,
            RecordedDates = files.SelectMany(f => f.RecordedDates).ToEquatableArray(),
            // Most programmes have none; the sort's generic code is JIT-compiled when it runs, so it runs only when needed.
            Incomplete = model.Incomplete.Count == 0
                ? EquatableArray<IncompleteItem>.Empty
                : model.Incomplete
                    .OrderBy(i => i.Span.Path, StringComparer.Ordinal)
                    .ThenBy(i => i.Span.Offset)
                    .ToEquatableArray(),
        };
    }

    private static void CheckReferences(ProgrammeIndex model, List<Finding> findings)
    {
        foreach (var framework in model.Frameworks.Items)
        {
            CheckHierarchy(model, framework, findings);
        }

        foreach (var crosswalk in model.Crosswalks.Items)
        {
            var what = $"The crosswalk '{crosswalk.Id.Value}'";
            var sourceKnown = model.Frameworks.Check(crosswalk.Source, what, findings);
            var targetKnown = model.Frameworks.Check(crosswalk.Target, what, findings);
            var pairs = new HashSet<(string, string)>();
            foreach (var mapping in crosswalk.Mappings)
            {
                CheckSide(model, mapping.Source, crosswalk.Source.Value, sourceKnown, "source", crosswalk, findings);
                CheckSide(model, mapping.Target, crosswalk.Target.Value, targetKnown, "target", crosswalk, findings);
                if (!pairs.Add((mapping.Source.Value, mapping.Target.Value)))
                {
                    findings.Add(Rules.DuplicateId.At(mapping.Source.Span,
                        $"The crosswalk '{crosswalk.Id.Value}' pairs '{mapping.Source.Value}' with '{mapping.Target.Value}' more than once.",
                        "Keep one mapping for the pair, with one relationship and rationale."));
                }
            }
        }

        foreach (var control in model.Controls.Items)
        {
            var what = $"The control '{control.Id.Value}'";
            model.People.Check(control.Owner, what, findings);
            foreach (var requirement in control.MapsTo)
            {
                model.Requirements.Check(requirement, what, findings);
            }
        }

        foreach (var decision in model.Decisions.Items)
        {
            var what = $"The decision on '{decision.Requirement.Value}'";
            model.Requirements.Check(decision.Requirement, what, findings);
            model.People.Check(decision.ApprovedBy, what, findings);
        }

        foreach (var vendor in model.Vendors.Items)
        {
            foreach (var subcontractor in vendor.Subcontractors)
            {
                model.Vendors.Check(subcontractor, $"The vendor '{vendor.Id.Value}'", findings);
            }
        }

        foreach (var policy in model.Policies.Items)
        {
            var what = $"The policy '{policy.Id.Value}'";
            model.People.Check(policy.Owner, what, findings);
            model.People.Check(policy.ApprovedBy, what, findings);
            foreach (var control in policy.Governs)
            {
                model.Controls.Check(control, what, findings);
            }

            if (policy.Governs.IsEmpty)
            {
                findings.Add(Rules.PolicyGovernsNothing.At(policy.Id.Span, $"The policy '{policy.Id.Value}' governs no control."));
            }
        }

        foreach (var waiver in model.Waivers.Items)
        {
            var what = $"The waiver '{waiver.Id.Value}'";
            model.People.Check(waiver.ApprovedBy, what, findings);
            if (Rules.Find(waiver.Rule.Value) is null)
            {
                findings.Add(Rules.UnknownReference.At(waiver.Rule.Span,
                    $"{what} names the rule '{waiver.Rule.Value}', which is not in the diagnostics catalog.",
                    "Use a rule ID from docs/diagnostics.md, e.g. CMP1202."));
            }
            else if (!Rules.IsWaivable(waiver.Rule.Value))
            {
                findings.Add(Rules.WaiverNotWaivable.At(waiver.Rule.Span,
                    $"{what} names the rule '{waiver.Rule.Value}', which cannot be waived; only evidence, BAA and policy-review findings (CMP11xx-CMP13xx) can."));
            }
        }

        foreach (var record in model.Evidence)
        {
            var what = $"The evidence record of '{record.Artifact.Value}'";
            if (model.Controls.Check(record.Control, what, findings)
                && model.Controls.Find(record.Control.Value) is { } control
                && !control.Evidence.Any(e => e.Id.Value == record.Requirement.Value)
                && !model.IncompleteEvidence.Contains(record.Key))
            {
                var suggestion = Binding.Suggestions.Closest(record.Requirement.Value, control.Evidence.Select(e => e.Id.Value));
                findings.Add(Rules.UnknownReference.At(record.Requirement.Span,
                    $"{what} names the evidence requirement '{record.Requirement.Value}', which the control '{control.Id.Value}' does not define.{(suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?")}",
                    $"Use one of: {string.Join(", ", control.Evidence.Select(e => e.Id.Value))}."));
            }

            if (!record.Collector.Value.StartsWith(JobCollectorPrefix, StringComparison.Ordinal))
            {
                model.People.Check(record.Collector, what, findings);
            }
        }

        var endpoints = new Registry<EndpointDefinition>("endpoint");
        if (model.Programme is { } programme)
        {
            foreach (var scope in programme.Scope)
            {
                model.Frameworks.Check(scope.Framework, $"The programme scope", findings);
            }

            var runners = new Registry<RunnerDefinition>("runner");
            foreach (var runner in programme.Runners)
            {
                runners.Add(runner, runner.Id, findings);
            }

            foreach (var endpoint in programme.Endpoints)
            {
                endpoints.Add(endpoint, endpoint.Id, findings);
                CheckEvidenceKey(model, endpoint.Evidence, $"The endpoint '{endpoint.Id.Value}'", findings);
            }

            if (programme.IdentityProvider is { } identityProvider)
            {
                CheckEvidenceKey(model, identityProvider.AccessReview, "The identity provider's access_review", findings);
            }
        }

        foreach (var record in model.Evidence.Where(r => r.Endpoint is not null))
        {
            endpoints.Check(record.Endpoint, $"The evidence record of '{record.Artifact.Value}'", findings);
        }

        IncidentLinking.Check(model.Incidents.Items, model.Programme, findings);
    }

    private static void CheckEvidenceKey(ProgrammeIndex model, Binding.Located key, string what, List<Finding> findings)
    {
        var parts = key.Value.Split('/');
        if (parts.Length != 2)
        {
            findings.Add(Rules.InvalidValue.At(key.Span, $"{what} names the evidence '{key.Value}', which is not of the form CONTROL/EVIDENCE.", "Write the control ID and its evidence requirement ID, e.g. CRY-04/tls-verification."));
            return;
        }

        var control = model.Controls.Find(parts[0]);
        if (model.Controls.IsIncomplete(parts[0]) || model.IncompleteEvidence.Contains(key.Value))
        {
            return;
        }

        if (control is null || !control.Evidence.Any(e => e.Id.Value == parts[1]))
        {
            findings.Add(Rules.UnknownReference.At(key.Span, $"{what} names the evidence requirement '{key.Value}', which is not defined.", "Add the evidence requirement to the control, or correct the reference."));
        }
    }

    private static void CheckSide(ProgrammeIndex model, Binding.Located requirement, string frameworkId, bool frameworkKnown, string side, CrosswalkDefinition crosswalk, List<Finding> findings)
    {
        if (!model.Requirements.Check(requirement, $"The {side} of a mapping in crosswalk '{crosswalk.Id.Value}'", findings) || !frameworkKnown)
        {
            return;
        }

        var actual = model.Requirements.Find(requirement.Value)!.FrameworkId;
        if (actual != frameworkId)
        {
            findings.Add(Rules.CrosswalkSideMismatch.At(requirement.Span,
                $"The {side} '{requirement.Value}' belongs to the framework '{actual}', but the crosswalk '{crosswalk.Id.Value}' takes its {side}s from '{frameworkId}'."));
        }
    }

    private static void CheckHierarchy(ProgrammeIndex model, FrameworkDefinition framework, List<Finding> findings)
    {
        foreach (var requirement in framework.Requirements)
        {
            if (requirement.Parent is not { } parentRef || !model.Requirements.Check(parentRef, $"The requirement '{requirement.Id.Value}'", findings))
            {
                continue;
            }

            var parent = model.Requirements.Find(parentRef.Value)!;
            if (parent.FrameworkId != requirement.FrameworkId)
            {
                findings.Add(Rules.InvalidHierarchy.At(parentRef.Span,
                    $"The requirement '{requirement.Id.Value}' has the parent '{parentRef.Value}' from another framework ('{parent.FrameworkId}')."));
                continue;
            }

            // Walk up; a walk longer than the framework means a cycle.
            var current = parent;
            for (var steps = 0; current?.Parent is { } next; steps++)
            {
                if (next.Value == requirement.Id.Value || steps > framework.Requirements.Count)
                {
                    findings.Add(Rules.InvalidHierarchy.At(parentRef.Span,
                        $"The parents of requirement '{requirement.Id.Value}' form a cycle through '{parentRef.Value}'."));
                    break;
                }

                current = model.Requirements.Find(next.Value);
            }
        }
    }

    private static EquatableArray<Finding> Sorted(List<Finding> findings)
    {
        // Classes, not (finding, index) tuples: ReadyToRun cannot precompile LINQ over value types (issue 15).
        var ranked = new RankedFinding[findings.Count];
        for (var i = 0; i < ranked.Length; i++)
        {
            ranked[i] = new RankedFinding(findings[i], i);
        }

        Array.Sort(ranked, RankedFinding.Compare);
        var sorted = new Finding[ranked.Length];
        for (var i = 0; i < sorted.Length; i++)
        {
            sorted[i] = ranked[i].Finding;
        }

        return new EquatableArray<Finding>(sorted);
    }

    /// <summary>A finding and the order it was reported in, which breaks ties (Array.Sort is not stable).</summary>
    private sealed record RankedFinding(Finding Finding, int Index)
    {
        public static int Compare(RankedFinding x, RankedFinding y)
        {
            var order = string.CompareOrdinal(x.Finding.Location?.Path ?? string.Empty, y.Finding.Location?.Path ?? string.Empty);
            order = order != 0 ? order : (x.Finding.Location?.Offset ?? 0).CompareTo(y.Finding.Location?.Offset ?? 0);
            order = order != 0 ? order : string.CompareOrdinal(x.Finding.RuleId, y.Finding.RuleId);
            return order != 0 ? order : x.Index.CompareTo(y.Index);
        }
    }

    private static LinkedProgramme Empty(List<Finding> findings) => new(
        null,
        EquatableArray<FrameworkDefinition>.Empty,
        EquatableArray<CrosswalkDefinition>.Empty,
        EquatableArray<ControlDefinition>.Empty,
        EquatableArray<DecisionDefinition>.Empty,
        EquatableArray<VendorDefinition>.Empty,
        EquatableArray<PersonDefinition>.Empty,
        EquatableArray<PolicyDefinition>.Empty,
        EquatableArray<WaiverDefinition>.Empty,
        EquatableArray<EvidenceRecord>.Empty,
        EquatableArray<string>.Empty,
        Sorted(findings));
}
