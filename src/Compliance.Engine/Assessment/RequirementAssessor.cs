using System;
using System.Collections.Generic;
using System.Linq;
using Compliance.Engine.Checks;
using Compliance.Engine.Evidence;
using Compliance.Model.Diagnostics;
using Compliance.Model.Documents;
using Compliance.Model.Linking;
using Compliance.Model.Text;

namespace Compliance.Engine.Assessment;

/// <summary>
/// Decides, once, whether each in-scope requirement is satisfied as of the run: covered by a decision, or
/// implemented by controls that are all implemented, whose evidence is present and fresh, and that no
/// error names. A not-applicable control covers nothing, so it neither satisfies nor fails a requirement.
/// </summary>
public sealed class RequirementAssessor
{
    private readonly CheckResult _result;
    private readonly Dictionary<string, EvidenceStatus> _evidence;
    private readonly IntMap<string> _errorsByTarget = new(StringComparer.Ordinal);
    private readonly IntMap<string> _errorsByControl = new(StringComparer.Ordinal);

    public RequirementAssessor(CheckResult result)
    {
        _result = result;
        _evidence = result.Evidence.GroupBy(e => e.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var finding in result.Findings)
        {
            if (finding.Severity == Severity.Error && finding.Target is { } target)
            {
                _errorsByTarget[target] = _errorsByTarget.TryGetValue(target, out var n) ? n + 1 : 1;
                // A target 'CONTROL/requirement' names the control as much as 'CONTROL' does.
                var slash = target.IndexOf('/');
                var control = slash < 0 ? target : target.Substring(0, slash);
                _errorsByControl[control] = _errorsByControl.TryGetValue(control, out var m) ? m + 1 : 1;
            }
        }
    }

    /// <summary>The requirements a finding is made for: in scope, and either assessable or mapped by a control that counts.</summary>
    public IEnumerable<RequirementCoverage> Assessed(FrameworkDefinition framework) => framework.Requirements
        .Select(r => _result.Programme.Lookups.Coverage(r.Id.Value))
        .Where(c => c is not null && c.FrameworkId == framework.Id.Value && c.InScope && (c.Assessable || c.Controls.Count > 0))
        .Distinct()
        .Cast<RequirementCoverage>();

    public RequirementAssessment Assess(RequirementCoverage coverage)
    {
        var lookups = _result.Programme.Lookups;
        var gaps = new List<AssessmentGap>();
        var evidence = new List<Artifact>();
        if (coverage.Controls.Count == 0)
        {
            if (coverage.Decision is null)
            {
                gaps.Add(new AssessmentGap(AssessmentGapKind.NoControlOrDecision, coverage.RequirementId));
            }

            return new RequirementAssessment(coverage, gaps.Count == 0, gaps, evidence);
        }

        foreach (var control in coverage.Controls.Select(id => lookups.Control(id)!))
        {
            var id = control.Id.Value;
            if (control.Status != ControlStatuses.Implemented)
            {
                gaps.Add(new AssessmentGap(AssessmentGapKind.ControlNotImplemented, id, control.Status.Spelled()));
            }

            foreach (var requirement in control.Evidence)
            {
                var key = $"{id}/{requirement.Id.Value}";
                if (!_evidence.TryGetValue(key, out var status))
                {
                    continue;
                }

                if (status.Latest is { } latest)
                {
                    evidence.Add(latest);
                }

                if (status.State is EvidenceState.Missing or EvidenceState.Stale)
                {
                    gaps.Add(new AssessmentGap(status.State == EvidenceState.Missing ? AssessmentGapKind.EvidenceMissing : AssessmentGapKind.EvidenceStale, key));
                }
            }

            if (_errorsByControl.TryGetValue(id, out var errors))
            {
                gaps.Add(new AssessmentGap(AssessmentGapKind.ErrorsNameControl, id, Count: errors));
            }
        }

        if (_errorsByTarget.TryGetValue(coverage.RequirementId, out var requirementErrors))
        {
            gaps.Add(new AssessmentGap(AssessmentGapKind.ErrorsNameRequirement, coverage.RequirementId, Count: requirementErrors));
        }

        return new RequirementAssessment(coverage, gaps.Count == 0, gaps, evidence);
    }
}
