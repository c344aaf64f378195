using System;
using System.Collections.Generic;
using System.Linq;
using Compliance.Engine.Assessment;
using Compliance.Engine.Checks;
using Compliance.Engine.Evidence;
using Compliance.Model.Diagnostics;
using Compliance.Model.Documents;
using Compliance.Model.Linking;

namespace Compliance.Oscal;

// Which requirements are assessed, and whether each is satisfied as of the run.

public static partial class OscalExport
{
    /// <summary>Whether a requirement is satisfied as of the run, why, and the evidence that says so.</summary>
    internal sealed record Verdict(bool Satisfied, string Explanation, IReadOnlyList<Artifact> Evidence);

    private sealed partial class ExportContext
    {
        private RequirementAssessor? _assessor;

        private RequirementAssessor Assessor => _assessor ??= new RequirementAssessor(Result);

        /// <summary>The in-scope requirements a finding is made for, as the engine assesses them.</summary>
        public IEnumerable<RequirementCoverage> AssessedRequirements() => FrameworksInScope.SelectMany(f => Assessor.Assessed(f));

        /// <summary>The engine's assessment of the requirement, worded for OSCAL.</summary>
        public Verdict Verdict(RequirementCoverage coverage)
        {
            var assessment = Assessor.Assess(coverage);
            var id = coverage.RequirementId;
            if (coverage.Controls.Count == 0)
            {
                return coverage.Decision is { } decision
                    ? new Verdict(true, $"No control maps to {id}; it is covered by the decision '{decision.Decision}': {decision.Rationale}", assessment.Evidence)
                    : new Verdict(false, $"No control implements {id}, and no decision covers it.", assessment.Evidence);
            }

            var by = string.Join(", ", coverage.Controls);
            return assessment.Satisfied
                ? new Verdict(true, $"Implemented by {by}; every control is implemented and its evidence is fresh as of {Iso(AsOf)}.", assessment.Evidence)
                : new Verdict(false, $"Implemented by {by}, but {string.Join("; ", assessment.Gaps.Select(Words))} as of {Iso(AsOf)}.", assessment.Evidence);
        }

        private static string Words(AssessmentGap gap) => gap.Kind switch
        {
            AssessmentGapKind.ControlNotImplemented => $"{gap.Subject} is {gap.Detail}",
            AssessmentGapKind.EvidenceMissing => $"the evidence {gap.Subject} is missing",
            AssessmentGapKind.EvidenceStale => $"the evidence {gap.Subject} is stale",
            AssessmentGapKind.ErrorsNameControl or AssessmentGapKind.ErrorsNameRequirement => $"{gap.Count} error(s) name {gap.Subject}",
            _ => $"no control or decision covers {gap.Subject}",
        };
    }
}
