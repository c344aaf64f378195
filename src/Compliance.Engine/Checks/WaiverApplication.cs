using System.Collections.Generic;
using Compliance.Model.Diagnostics;

namespace Compliance.Engine.Checks;

/// <summary>
/// Applies waivers last: a waiver in force turns the findings of its rule on its target into
/// warnings; an expired waiver is an error and waives nothing; a waiver that matches nothing is stale.
/// </summary>
public static class WaiverApplication
{
    public static IReadOnlyList<WaiverStatus> Run(CheckContext context)
    {
        var statuses = new List<WaiverStatus>();
        foreach (var waiver in context.Programme.Waivers)
        {
            var id = waiver.Id.Value;
            if (!Rules.IsWaivable(waiver.Rule.Value) || waiver.ExpiresOn is not { } expiresOn)
            {
                statuses.Add(new WaiverStatus(id, WaiverState.Invalid, 0) { DaysLeft = waiver.ExpiresOn is { } at ? CheckContext.Day(at).DayNumber - context.AsOf.DayNumber : null });
                continue;
            }

            var expires = CheckContext.Day(expiresOn);
            bool Covers(Finding finding) => finding.RuleId == waiver.Rule.Value && finding.Target == waiver.Target.Value && finding.WaivedBy is null;
            var matches = 0;
            foreach (var finding in context.Findings)
            {
                matches += Covers(finding) ? 1 : 0;
            }

            if (expires < context.AsOf)
            {
                context.Report(Rules.WaiverExpired, waiver.Id.Span, id,
                    $"The waiver '{id}' of {waiver.Rule.Value} on '{waiver.Target.Value}' expired on {CheckContext.Iso(expires)}; the {matches} finding(s) it covered are reported in full.");
                statuses.Add(new WaiverStatus(id, WaiverState.Expired, 0) { DaysLeft = expires.DayNumber - context.AsOf.DayNumber });
                continue;
            }

            if (matches == 0)
            {
                context.Report(Rules.WaiverUnused, waiver.Id.Span, id,
                    $"The waiver '{id}' of {waiver.Rule.Value} on '{waiver.Target.Value}' matches no finding.");
                statuses.Add(new WaiverStatus(id, WaiverState.Unused, 0) { DaysLeft = expires.DayNumber - context.AsOf.DayNumber });
                continue;
            }

            for (var i = 0; i < context.Findings.Count; i++)
            {
                var finding = context.Findings[i];
                if (Covers(finding))
                {
                    context.Findings[i] = finding with
                    {
                        Severity = Severity.Warning,
                        WaivedBy = id,
                        Message = $"{finding.Message} Waived by {id} until {CheckContext.Iso(expires)}.",
                    };
                }
            }

            statuses.Add(new WaiverStatus(id, WaiverState.InForce, matches) { DaysLeft = expires.DayNumber - context.AsOf.DayNumber });
        }

        return statuses;
    }
}

public enum WaiverState
{
    InForce,
    Expired,
    Unused,
    Invalid,
}

/// <summary>What a waiver did on the as-of date.</summary>
public sealed record WaiverStatus(string WaiverId, WaiverState State, int Applied)
{
    /// <summary>Days from the as-of date to the expiry (negative once expired); null when the waiver has no valid expiry.</summary>
    public int? DaysLeft { get; init; }
}
