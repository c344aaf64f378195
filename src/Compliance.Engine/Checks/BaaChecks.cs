using System;
using System.Collections.Generic;
using System.Linq;
using Compliance.Engine.Evidence;
using Compliance.Model.Diagnostics;
using Compliance.Model.Documents;
using Compliance.Shared.Deploy;

namespace Compliance.Engine.Checks;

/// <summary>
/// The BAA chain (45 CFR 164.308(b), 164.314(a)): every vendor that handles PHI, and every PHI
/// subcontractor below it, has a BAA in force on the as-of date with the signed agreement on file.
/// </summary>
public static class BaaChecks
{
    public static IReadOnlyList<VendorStatus> Run(CheckContext context)
    {
        var chains = PhiChains(context.Programme.Vendors, context.Programme.Lookups);
        var statuses = new List<VendorStatus>();
        foreach (var vendor in context.Programme.Vendors)
        {
            var state = Check(context, vendor, chains.TryGetValue(vendor.Id.Value, out var chain) ? chain : null);
            statuses.Add(new VendorStatus(vendor.Id.Value, state, vendor.Baa?.ExpiresOn is { } expires ? CheckContext.Day(expires).DayNumber - context.AsOf.DayNumber : null));
            CheckEvidence(context, vendor);
        }

        return statuses;
    }

    private static BaaState Check(CheckContext context, VendorDefinition vendor, List<string>? chains)
    {
        var id = vendor.Id.Value;
        var baa = vendor.Baa;
        var standing = Standing(baa, context.AsOf);
        if (!vendor.HandlesPhi)
        {
            return baa is null ? BaaState.NotRequired : State(context, baa, standing);
        }

        if (standing is BaaStanding.Missing or BaaStanding.Expired && chains is { Count: > 0 })
        {
            var problem = standing == BaaStanding.Missing ? "has no BAA" : $"has a BAA that expired on {CheckContext.Iso(CheckContext.Day(baa!.ExpiresOn!.Value))}";
            context.Report(Rules.BaaChainBroken, vendor.Id.Span, id,
                $"The subcontractor '{id}' handles PHI but {problem}, breaking the BAA chain {string.Join("; ", chains)}.");
            return standing == BaaStanding.Missing ? BaaState.Missing : BaaState.Expired;
        }

        if (baa is null)
        {
            context.Report(Rules.BaaMissing, vendor.Id.Span, id, $"The vendor '{id}' handles PHI but has no BAA.");
            return BaaState.Missing;
        }

        if (standing == BaaStanding.Expired)
        {
            context.Report(Rules.BaaExpired, baa.ExpiresOnSpan ?? baa.Span, id, $"The BAA with '{id}' expired on {CheckContext.Iso(CheckContext.Day(baa.ExpiresOn!.Value))}; the vendor handles PHI.");
            return BaaState.Expired;
        }

        var state = State(context, baa, standing);
        if (state == BaaState.NotYetEffective)
        {
            context.Report(Rules.BaaNotYetEffective, baa.EffectiveOnSpan ?? baa.Span, id,
                $"The BAA with '{id}' takes effect on {CheckContext.Iso(CheckContext.Day(baa.EffectiveOn!.Value))}, after {CheckContext.Iso(context.AsOf)}, but the vendor already handles PHI.");
        }
        else if (state == BaaState.Expiring)
        {
            var expires = CheckContext.Day(baa.ExpiresOn!.Value);
            context.Report(Rules.BaaExpiring, baa.ExpiresOnSpan ?? baa.Span, id,
                $"The BAA with '{id}' expires on {CheckContext.Iso(expires)}, in {expires.DayNumber - context.AsOf.DayNumber} days (warning window {context.Options.BaaWarningDays} days).");
        }

        return state;
    }

    /// <summary>The shared "in force on this day" (the deploy gates use the same function).</summary>
    public static BaaStanding Standing(BaaDefinition? baa, DateOnly day) =>
        BaaInForce.On(baa is not null, Day(baa?.EffectiveOn), Day(baa?.ExpiresOn), day);

    private static BaaState State(CheckContext context, BaaDefinition baa, BaaStanding standing) => standing switch
    {
        BaaStanding.Expired => BaaState.Expired,
        BaaStanding.NotYetEffective => BaaState.NotYetEffective,
        _ => baa.ExpiresOn is { } end && CheckContext.Day(end).DayNumber - context.AsOf.DayNumber <= context.Options.BaaWarningDays
            ? BaaState.Expiring
            : BaaState.InForce,
    };

    private static DateOnly? Day(DateTime? date) => date is { } d ? DateOnly.FromDateTime(d) : null;

    private static void CheckEvidence(CheckContext context, VendorDefinition vendor)
    {
        if (vendor.Baa?.Evidence is not { } evidence)
        {
            return;
        }

        var path = EvidencePaths.Resolve(context.Options.Root, string.Empty, evidence.Value);
        if (!path.IsSafe)
        {
            context.Report(Rules.PathEscapesEvidence, evidence.Span, vendor.Id.Value,
                $"The signed-agreement path '{evidence.Value}' of '{vendor.Id.Value}' is refused because {path.RefusedBecause}; the file was not read.");
        }
        else if (!path.Exists)
        {
            context.Report(Rules.BaaEvidenceMissing, evidence.Span, vendor.Id.Value,
                $"The signed BAA of '{vendor.Id.Value}' is recorded as '{evidence.Value}', but that file does not exist.");
        }
    }

    /// <summary>For each PHI subcontractor, the chains from a top-level PHI vendor that lead to it ("a -> b -> c").</summary>
    private static Dictionary<string, List<string>> PhiChains(IEnumerable<VendorDefinition> all, Compliance.Model.Linking.ProgrammeLookups lookups)
    {
        var subcontracted = new HashSet<string>(all.SelectMany(v => v.Subcontractors.Select(s => s.Value)), StringComparer.Ordinal);
        var chains = new Dictionary<string, List<string>>(StringComparer.Ordinal);

        void Walk(VendorDefinition vendor, List<string> path)
        {
            foreach (var reference in vendor.Subcontractors)
            {
                if (lookups.Vendor(reference.Value) is not { } sub || !sub.HandlesPhi || path.Contains(sub.Id.Value))
                {
                    continue;
                }

                var next = new List<string>(path) { sub.Id.Value };
                if (!chains.TryGetValue(sub.Id.Value, out var list))
                {
                    chains[sub.Id.Value] = list = new List<string>();
                }

                list.Add(string.Join(" -> ", next));
                Walk(sub, next);
            }
        }

        foreach (var vendor in all.Where(v => v.HandlesPhi && !subcontracted.Contains(v.Id.Value)))
        {
            Walk(vendor, new List<string> { vendor.Id.Value });
        }

        // A cycle with no top-level vendor is still a chain: start from each PHI vendor not yet reached.
        foreach (var vendor in all.Where(v => v.HandlesPhi && subcontracted.Contains(v.Id.Value) && !chains.ContainsKey(v.Id.Value)))
        {
            Walk(vendor, new List<string> { vendor.Id.Value });
        }

        return chains;
    }
}

public enum BaaState
{
    InForce,
    Expiring,
    Expired,
    NotYetEffective,
    Missing,
    NotRequired,
}

/// <summary>A vendor's BAA on the as-of date, and the days until it expires.</summary>
public sealed record VendorStatus(string VendorId, BaaState State, int? DaysLeft);
