using Compliance.Model.Binding;
using Compliance.Model.Text;

namespace Compliance.Model.Documents;

/// <summary>
/// An item whose ID was read but which has an invalid field, so it is not part of the programme. It keeps its
/// identity in the linker's index: references to it resolve instead of becoming "not defined" errors with a
/// did-you-mean naming another item, and it is reported once, at the bad field.
/// </summary>
/// <param name="Kind">The registry it belongs to: control, person, vendor, service, requirement, framework, crosswalk, policy, incident, waiver.</param>
/// <param name="Parent">The ID of the item it belongs to, for a nested item (a control's evidence requirement, a framework's requirement).</param>
public sealed record IncompleteItem(string Kind, Located Id, string? Parent = null)
{
    /// <summary>The key a sidecar or waiver names a nested item by: CONTROL/EVIDENCE.</summary>
    public string Key => Parent is null ? Id.Value : $"{Parent}/{Id.Value}";

    /// <summary>Where its ID was read: the file and position the site and the reports point at.</summary>
    public SourceSpan Span => Id.Span;

    /// <summary>Whether coverage depends on items of this kind: while one is incomplete, coverage findings wait.</summary>
    public bool AffectsCoverage => Kind is "control" or "requirement" or "decision" or "framework";

    /// <summary>
    /// Whether the item is the whole of its file, kept with everything it defines (a framework with the requirements
    /// read, a crosswalk, which nothing names): references resolve and coverage waits on it, so the file is not held
    /// as unreadable, and a broken reference elsewhere is still reported rather than held back with the file's.
    /// </summary>
    public bool KeepsItsFile => Kind is "framework" or "crosswalk";
}
