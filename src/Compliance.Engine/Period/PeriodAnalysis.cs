using System;
using System.Collections.Generic;
using System.Linq;
using Compliance.Engine.Checks;
using Compliance.Engine.Git.Objects;
using Compliance.Engine.Sampling;
using Compliance.Model.Diagnostics;

namespace Compliance.Engine.Period;

/// <summary>
/// The audit period (SOC 2 Type II): whether each control operated on every day of a range of days,
/// from the file versions the one provenance walk recorded. Intervals, not one check per day: every
/// exception is a difference of day sets, and each becomes a finding at the definition it concerns.
/// </summary>
public static class PeriodAnalysis
{
    public static PeriodResult Run(CheckContext context, DayRange period)
    {
        var provenance = context.Provenance;
        if (!provenance.Available || provenance.GitDirectory is null || !provenance.HasFullHistory)
        {
            // CMP1001 already says why history is unavailable; the period reports nothing rather than guess.
            return Empty(period) with { UnavailableReason = provenance.UnavailableReason ?? "the history was read from the cache, not walked in full" };
        }

        using var reader = new ObjectReader(provenance.GitDirectory);
        var history = ProgrammeHistory.Read(provenance, reader, period.End);
        var (waivers, listedWaivers) = RegistryPeriod.Waivers(period, history);
        var (timelines, exceptions) = EvidencePeriod.Run(period, context.Programme, history, waivers);
        exceptions.AddRange(RequirementPeriod.Run(period, context.Programme, history));
        exceptions.AddRange(RegistryPeriod.Baas(period, context.Programme, history));
        exceptions.AddRange(RegistryPeriod.Policies(period, context.Programme, history));
        exceptions.AddRange(RegistryPeriod.RevokedOwners(period, context.Programme, history));
        if (context.Programme.Programme?.IdentityProvider is { } idp)
        {
            // The exports are read once; the revoked person's days and the PHI groups' members both come from them.
            var exports = AccessReviewExports.Read(period, history, idp.AccessReview.Value);
            var revoked = RegistryPeriod.RevokedDays(history);
            exceptions.AddRange(IdentityPeriod.Run(period, idp, context.Programme, history, exports, revoked));
            exceptions.AddRange(PhiGroupPeriod.Run(period, idp, context.Programme, history, exports, revoked));
        }

        var ordered = exceptions
            .OrderBy(e => e.Location?.Path ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(e => e.Location?.Line ?? 0)
            .ThenBy(e => e.Location?.Column ?? 0)
            .ThenBy(e => e.Target, StringComparer.Ordinal)
            .ThenBy(e => e.Days.Start)
            .ToList();
        foreach (var exception in ordered)
        {
            context.Report(Rules.Find(exception.RuleId)!, exception.Location, exception.Target, exception.Message);
        }

        var frameworks = timelines.SelectMany(t => t.Frameworks.Select(f => (Framework: f, Timeline: t)))
            .GroupBy(p => p.Framework, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new FrameworkCoverage(g.Key, g.Sum(p => p.Timeline.RequiredDays), g.Sum(p => p.Timeline.FreshDays))
            {
                Months = EvidenceCoverage.ByMonth(period, g.Select(p => p.Timeline)),
            })
            .ToList();
        var populations = PeriodPopulations.Build(context, period, history, timelines);

        // Without a seed the head commit's SHA is the seed: the same commit draws the same samples.
        var seed = context.Options.SampleSeed ?? provenance.Head?.Sha ?? string.Empty;
        return new PeriodResult(period, timelines, ordered, frameworks, listedWaivers)
        {
            CommitsWalked = provenance.CommitsWalked,
            Populations = populations,
            Samples = Sampler.Draw(populations, seed, (context.Options.SampleSizes ?? SampleSizeTable.Default).ForPeriod(period.Days)),
        };
    }

    private static PeriodResult Empty(DayRange period) =>
        new(period, Array.Empty<RequirementTimeline>(), Array.Empty<PeriodException>(), Array.Empty<FrameworkCoverage>(), Array.Empty<PeriodWaiver>());
}
