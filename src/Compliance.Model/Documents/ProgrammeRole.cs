using Compliance.Model.Binding;
using Compliance.Model.Text;

namespace Compliance.Model.Documents;

/// <summary>
/// What HIPAA makes of the programme's organisation (45 CFR 160.103): a covered entity files its own
/// breach notices (164.404-164.408); a business associate notifies the covered entity (164.410) and
/// files the others only where a covered entity delegated them. "Both" is, for example, a health plan
/// that also serves other covered entities: an incident that names covered entities is handled as
/// their business associate, any other as the covered entity.
/// </summary>
public enum ProgrammeRole
{
    CoveredEntity,
    BusinessAssociate,
    Both,
}

/// <summary>The spellings of <see cref="ProgrammeRole"/> in programme.yaml.</summary>
public static class ProgrammeRoles
{
    public const string CoveredEntity = "covered-entity";
    public const string BusinessAssociate = "business-associate";
    public const string Both = "both";

    public static readonly string[] All = { CoveredEntity, BusinessAssociate, Both };

    public static ProgrammeRole Parse(string? value) => value switch
    {
        BusinessAssociate => ProgrammeRole.BusinessAssociate,
        Both => ProgrammeRole.Both,
        _ => ProgrammeRole.CoveredEntity,
    };

    /// <summary>Whether the programme can act as a business associate (and so may list covered entities).</summary>
    public static bool ActsAsBusinessAssociate(ProgrammeRole role) => role != ProgrammeRole.CoveredEntity;
}

/// <summary>
/// A covered entity the programme serves as business associate, with the terms of its BAA that the
/// breach clock needs: a notice window shorter than 164.410's 60 days, and the notices to
/// individuals, the media and HHS that the covered entity delegated to the programme.
/// </summary>
public sealed record CoveredEntityDefinition(
    Located Id,
    string Name,
    int? NoticeDays,
    NoticeDelegation Delegates,
    Located? Agreement,
    SourceSpan Span);

/// <summary>Which of its own notices (164.404, 164.406, 164.408) a covered entity delegated by contract.</summary>
public sealed record NoticeDelegation(bool Individuals, bool Media, bool Hhs)
{
    public static readonly NoticeDelegation None = new(false, false, false);

    /// <summary>A covered entity's own duties: every notice.</summary>
    public static readonly NoticeDelegation All = new(true, true, true);
}
