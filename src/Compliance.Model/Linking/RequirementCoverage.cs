using Compliance.Model.Documents;
using Compliance.Model.Text;

namespace Compliance.Model.Linking;

/// <summary>
/// The one coverage verdict of a requirement, which the gate, the site, OSCAL and the reports all read.
/// <see cref="Controls"/> are the mapped controls that count; a control whose status is not-applicable
/// documents that it does not apply, so it covers nothing and is listed apart in
/// <see cref="NotApplicableControls"/>. <see cref="Assessable"/> requirements need a control or a
/// decision of their own: in scope, not informative, and with no in-scope child that does.
/// </summary>
public sealed record RequirementCoverage(
    string RequirementId,
    string FrameworkId,
    CoverageState State,
    bool InScope,
    bool Assessable,
    EquatableArray<string> Controls,
    EquatableArray<string> NotApplicableControls,
    DecisionDefinition? Decision,
    CrosswalkHint? Hint)
{
    /// <summary>Covered by anything at all: controls (even planned ones), a decision, its children, or being informative.</summary>
    public bool IsCovered => State is CoverageState.Implemented or CoverageState.PlannedOnly or CoverageState.Decided
        or CoverageState.CoveredByChildren or CoverageState.Informative;
}

/// <summary>A crosswalk partner of an uncovered requirement that a control does cover: the fix is often to map that control too.</summary>
public sealed record CrosswalkHint(string Partner, string Control);
