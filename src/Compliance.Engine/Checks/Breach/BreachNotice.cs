using System;
using System.Collections.Generic;

namespace Compliance.Engine.Checks;

/// <summary>Who a breach notice goes to.</summary>
public enum NoticeRecipient
{
    /// <summary>The affected individuals (164.404).</summary>
    Individuals,

    /// <summary>HHS, for 500 or more individuals, with the notice to individuals (164.408(b)).</summary>
    Hhs,

    /// <summary>HHS, in the annual log of breaches of fewer than 500 (164.408(c)).</summary>
    HhsAnnualLog,

    /// <summary>Prominent media outlets serving a State with more than 500 affected residents (164.406).</summary>
    Media,

    /// <summary>A covered entity, notified by its business associate (164.410).</summary>
    CoveredEntity,
}

/// <summary>A notice's verdict on the as-of date.</summary>
public enum NoticeState
{
    SentOnTime,
    SentLate,

    /// <summary>Not sent, and the deadline has not passed.</summary>
    Pending,
    Overdue,

    /// <summary>The facts recorded show no such duty (for example no State above 500 residents).</summary>
    NotRequired,

    /// <summary>The facts recorded do not decide the duty (for example more than 500 individuals and no States).</summary>
    CannotBeDecided,
}

/// <summary>Whether the programme acted on a breach as the covered entity or as a covered entity's business associate.</summary>
public enum BreachCapacity
{
    CoveredEntity,
    BusinessAssociate,
}

/// <summary>The form of a law-enforcement statement (164.412(a) written, (b) oral).</summary>
public enum StatementForm
{
    Oral,
    Written,
}

/// <summary>The provision a duty comes from, as a value: a 45 CFR citation, and the BAA when a contract shortens it.</summary>
public sealed record LegalBasis(string Citation, string? AgreementOf = null)
{
    public override string ToString() => AgreementOf is null ? $"45 CFR {Citation}" : $"45 CFR {Citation}; BAA with {AgreementOf}";
}

/// <summary>A covered entity by ID and name.</summary>
public sealed record CoveredEntityRef(string Id, string Name);

/// <summary>
/// A law-enforcement delay as the engine applies it: the statement, the end it asked for, and the
/// end 164.412 allows (an oral statement without a written one counts 30 days from the statement).
/// </summary>
public sealed record NoticeDelay(DateOnly StatementOn, StatementForm Form, string Agency, DateOnly RequestedUntil, DateOnly EffectiveUntil, DateOnly? WrittenStatementOn, string? Evidence)
{
    /// <summary>The oral statement's 30 days ran out before the end it asked for.</summary>
    public bool Capped => EffectiveUntil < RequestedUntil;
}

/// <summary>
/// One notice a breach calls for, decided once: recipient, legal basis, deadline, the delay that moved
/// it, the covered entity that delegated it, and its state. Reports and the site show these values.
/// MarginDays counts from the notice (unsent: from the as-of date) to the deadline, negative when late.
/// </summary>
public sealed record BreachNotice(
    NoticeRecipient Recipient,
    CoveredEntityRef? CoveredEntity,
    IReadOnlyList<string> States,
    LegalBasis LegalBasis,
    DateOnly? Deadline,
    NoticeDelay? DelayedBy,
    CoveredEntityRef? DelegatedBy,
    DateOnly? NotifiedOn,
    NoticeState State,
    int? MarginDays,
    bool DueSoon);

/// <summary>The notices of one breach, from its day of discovery (day 0).</summary>
public sealed record BreachClock(string IncidentId, DateOnly DiscoveredOn, BreachCapacity Capacity, NoticeDelay? Delay, IReadOnlyList<BreachNotice> Notices);
