using System;
using System.Collections.Generic;
using System.Linq;
using Compliance.Engine.Evidence;
using Compliance.Model.Diagnostics;
using Compliance.Model.Documents;

namespace Compliance.Engine.Checks;

/// <summary>
/// The BAA chain (45 CFR 164.308(b), 164.314(a)): every vendor that handles PHI, and every PHI
/// subcontractor below it, has a BAA in force on the as-of date with the signed agreement on file.
/// </summary>
public static class BaaChecks
{
    public static IReadOnlyList<VendorStatus> Run(CheckContext context)
    {
        var vendors = context.Programme.Vendors.ToDictionary(v => v.Id.Value, StringComparer.Ordinal);
        var chains = PhiChains(context.Programme.Vendors, vendors);
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
        if (!vendor.HandlesPhi)
        {
            return baa is null ? BaaState.NotRequired : State(context, baa);
        }

        var problem = baa is null
            ? "has no BAA"
            : baa.ExpiresOn is { } ended && CheckContext.Day(ended) < context.AsOf
                ? $"has a BAA that expired on {CheckContext.Iso(CheckContext.Day(ended))}"
                : null;
        if (problem is not null && chains is { Count: > 0 })
        {
            context.Report(Rules.BaaChainBroken, vendor.Id.Span, id,
                $"The subcontractor '{id}' handles PHI but {problem}, breaking the BAA chain {string.Join("; ", chains)}.");
            return baa is null ? BaaState.Missing : BaaState.Expired;
        }

        if (baa is null)
        {
            context.Report(Rules.BaaMissing, vendor.Id.Span, id, $"The vendor '{id}' handles PHI but has no BAA.");
            return BaaState.Missing;
        }

        if (problem is not null)
        {
            context.Report(Rules.BaaExpired, baa.ExpiresOnSpan ?? baa.Span, id, $"The BAA with '{id}' {problem.Substring("has a BAA that ".Length)}; the vendor handles PHI.");
            return BaaState.Expired;
        }

        var state = State(context, baa);
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

    private static BaaState State(CheckContext context, BaaDefinition baa)
    {
        if (baa.ExpiresOn is { } expires && CheckContext.Day(expires) < context.AsOf)
        {
            return BaaState.Expired;
        }

        if (baa.EffectiveOn is { } effective && CheckContext.Day(effective) > context.AsOf)
        {
            return BaaState.NotYetEffective;
        }

        return baa.ExpiresOn is { } end && CheckContext.Day(end).DayNumber - context.AsOf.DayNumber <= context.Options.BaaWarningDays
            ? BaaState.Expiring
            : BaaState.InForce;
    }

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
    private static Dictionary<string, List<string>> PhiChains(IEnumerable<VendorDefinition> all, Dictionary<string, VendorDefinition> vendors)
    {
        var subcontracted = new HashSet<string>(all.SelectMany(v => v.Subcontractors.Select(s => s.Value)), StringComparer.Ordinal);
        var chains = new Dictionary<string, List<string>>(StringComparer.Ordinal);

        void Walk(VendorDefinition vendor, List<string> path)
        {
            foreach (var reference in vendor.Subcontractors)
            {
                if (!vendors.TryGetValue(reference.Value, out var sub) || !sub.HandlesPhi || path.Contains(sub.Id.Value))
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
