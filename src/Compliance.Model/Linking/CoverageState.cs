namespace Compliance.Model.Linking;

/// <summary>How a requirement is covered, decided once by <see cref="CoverageRules"/>.</summary>
public enum CoverageState
{
    /// <summary>No framework in the programme's scope selects it.</summary>
    OutOfScope,

    /// <summary>A definition or heading that needs no control of its own.</summary>
    Informative,

    /// <summary>At least one mapped control is implemented or partially implemented.</summary>
    Implemented,

    /// <summary>Every mapped control is still planned.</summary>
    PlannedOnly,

    /// <summary>No control maps to it; a documented decision (164.306(d)(3)) covers it.</summary>
    Decided,

    /// <summary>A standard or section whose in-scope children are all covered.</summary>
    CoveredByChildren,

    /// <summary>In scope and covered by nothing: CMP0030 when it is assessable.</summary>
    NotCovered,
}
