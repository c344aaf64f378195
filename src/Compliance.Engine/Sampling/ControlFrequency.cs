using System;
using Compliance.Model.Documents;

namespace Compliance.Engine.Sampling;

/// <summary>How often a control operates: what auditors size a sample by.</summary>
public enum ControlFrequency
{
    Annual,
    Quarterly,
    Monthly,
    Weekly,
    Daily,
    MultipleTimesDaily,
}

public static class ControlFrequencies
{
    /// <summary>The schema's name of a frequency (the `frequency` field, the size table's keys).</summary>
    public static string Name(ControlFrequency frequency) => frequency switch
    {
        ControlFrequency.Annual => EvidenceFrequencies.Annual,
        ControlFrequency.Quarterly => EvidenceFrequencies.Quarterly,
        ControlFrequency.Monthly => EvidenceFrequencies.Monthly,
        ControlFrequency.Weekly => EvidenceFrequencies.Weekly,
        ControlFrequency.Daily => EvidenceFrequencies.Daily,
        _ => EvidenceFrequencies.MultipleTimesDaily,
    };

    public static ControlFrequency? Parse(string? name) => name switch
    {
        EvidenceFrequencies.Annual => ControlFrequency.Annual,
        EvidenceFrequencies.Quarterly => ControlFrequency.Quarterly,
        EvidenceFrequencies.Monthly => ControlFrequency.Monthly,
        EvidenceFrequencies.Weekly => ControlFrequency.Weekly,
        EvidenceFrequencies.Daily => ControlFrequency.Daily,
        EvidenceFrequencies.MultipleTimesDaily => ControlFrequency.MultipleTimesDaily,
        _ => null,
    };

    /// <summary>The declared frequency, else the one the freshness window implies: the control must operate at least once per window.</summary>
    public static ControlFrequency Of(EvidenceRequirementDefinition requirement) =>
        Parse(requirement.Frequency) ?? FromFreshness(requirement.FreshnessDays);

    public static ControlFrequency FromFreshness(int freshnessDays) => freshnessDays switch
    {
        <= 1 => ControlFrequency.Daily,
        <= 7 => ControlFrequency.Weekly,
        <= 31 => ControlFrequency.Monthly,
        <= 92 => ControlFrequency.Quarterly,
        _ => ControlFrequency.Annual,
    };

    /// <summary>
    /// For a population of events (deploys, changes): the frequency its average rate over the period
    /// implies. Two or more a day is several times a day; one a working day (5 in 7) is daily.
    /// </summary>
    public static ControlFrequency FromRate(int items, int periodDays)
    {
        var perDay = (double)items / Math.Max(1, periodDays);
        return perDay >= 2 ? ControlFrequency.MultipleTimesDaily
            : perDay >= 5.0 / 7 ? ControlFrequency.Daily
            : perDay >= 1.0 / 7 ? ControlFrequency.Weekly
            : perDay >= 1.0 / 31 ? ControlFrequency.Monthly
            : perDay >= 1.0 / 92 ? ControlFrequency.Quarterly
            : ControlFrequency.Annual;
    }
}
