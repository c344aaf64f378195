using System;
using System.Collections.Generic;
using System.Linq;
using Compliance.Engine.Checks;
using Compliance.Engine.Evidence;
using Compliance.Model.Diagnostics;
using Compliance.Model.Documents;

namespace Compliance.Oscal;

// Which requirements are assessed, and whether each is satisfied as of the run.

public static partial class OscalExport
{
    /// <summary>Whether a requirement is satisfied as of the run, why, and the evidence that says so.</summary>
    internal sealed record Verdict(bool Satisfied, string Explanation, IReadOnlyList<Artifact> Evidence);

    private sealed partial class ExportContext
    {
        /// <summary>The in-scope requirements a finding is made for: every leaf that needs a control, and every requirement a control maps to.</summary>
        public IEnumerable<RequirementDefinition> AssessedRequirements()
        {
            foreach (var framework in FrameworksInScope)
            {
                var parents = new HashSet<string>(framework.Requirements.Where(r => r.Parent is not null && InScope.Contains(r.Id.Value)).Select(r => r.Parent!.Value), StringComparer.Ordinal);
                foreach (var requirement in framework.Requirements.Where(r => InScope.Contains(r.Id.Value)))
                {
                    var leaf = !parents.Contains(requirement.Id.Value);
                    if ((leaf && !requirement.Informative) || ControlsFor(requirement.Id.Value).Count > 0)
                    {
                        yield return requirement;
                    }
                }
            }
        }

        public Verdict Verdict(RequirementDefinition requirement)
        {
            var id = requirement.Id.Value;
            var decision = Result.Programme.Decisions.FirstOrDefault(d => d.Requirement.Value == id);
            var controls = ControlsFor(id);
            var problems = new List<string>();
            var evidence = new List<Artifact>();
            if (controls.Count == 0)
            {
                return decision is not null
                    ? new Verdict(true, $"No control maps to {id}; it is covered by the decision '{decision.Decision}': {decision.Rationale}", evidence)
                    : new Verdict(false, $"No control implements {id}, and no decision covers it.", evidence);
            }

            foreach (var control in controls)
            {
                if (control.Status != ControlStatuses.Implemented)
                {
                    problems.Add($"{control.Id.Value} is {control.Status}");
                }

                foreach (var requirementOfControl in control.Evidence)
                {
                    var key = $"{control.Id.Value}/{requirementOfControl.Id.Value}";
                    if (_evidence.TryGetValue(key, out var status))
                    {
                        if (status.Latest is { } latest)
                        {
                            evidence.Add(latest);
                        }

                        if (status.State is EvidenceState.Missing or EvidenceState.Stale)
                        {
                            problems.Add($"the evidence {key} is {status.State.ToString().ToLowerInvariant()}");
                        }
                    }
                }

                var errors = Result.Findings.Count(f => f.Severity == Severity.Error && f.Target is { } target
                    && (target == control.Id.Value || target.StartsWith(control.Id.Value + "/", StringComparison.Ordinal)));
                if (errors > 0)
                {
                    problems.Add($"{errors} error(s) name {control.Id.Value}");
                }
            }

            var requirementErrors = Result.Findings.Count(f => f.Severity == Severity.Error && f.Target == id);
            if (requirementErrors > 0)
            {
                problems.Add($"{requirementErrors} error(s) name {id}");
            }

            var by = string.Join(", ", controls.Select(ctl => ctl.Id.Value));
            return problems.Count == 0
                ? new Verdict(true, $"Implemented by {by}; every control is implemented and its evidence is fresh as of {Iso(AsOf)}.", evidence)
                : new Verdict(false, $"Implemented by {by}, but {string.Join("; ", problems)} as of {Iso(AsOf)}.", evidence);
        }
    }
}
