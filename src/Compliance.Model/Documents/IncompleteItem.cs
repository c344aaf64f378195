using Compliance.Model.Binding;

namespace Compliance.Model.Documents;

/// <summary>
/// An item whose ID was read but which has an invalid field, so it is not part of the programme. It keeps its
/// identity in the linker's index: references to it resolve instead of becoming "not defined" errors with a
/// did-you-mean naming another item, and it is reported once, at the bad field.
/// </summary>
/// <param name="Kind">The registry it belongs to: control, person, vendor, service, requirement, policy, incident, waiver.</param>
public sealed record IncompleteItem(string Kind, Located Id)
{
    /// <summary>Whether coverage depends on items of this kind: while one is incomplete, coverage findings wait.</summary>
    public bool AffectsCoverage => Kind is "control" or "requirement" or "decision" or "framework";
}
