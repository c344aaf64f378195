using System;
using System.Globalization;
using System.Collections.Generic;
using System.Linq;
using Compliance.Engine.Checks;
using Compliance.Model.Diagnostics;
using Compliance.Model.Documents;
using Compliance.Model.Linking;

namespace Compliance.Engine.Deploy;

/// <summary>What a deploy touches, who runs it and where (45 CFR 164.308(a)(4), 164.308(b), 164.314(a)).</summary>
public sealed record DeployContext(string Actor, IReadOnlyList<string> Services, string Runner, bool RunnerSigned, string? Artifact = null);

/// <summary>One reason to deny a deploy: the rule, what it is about (a service, the actor or the runner) and why.</summary>
public sealed record GateDenial(string RuleId, string Subject, string Message)
{
    public override string ToString() => $"deny {RuleId}: {Message}";
}

public sealed record GateDecision(bool Allowed, IReadOnlyList<GateDenial> Denials)
{
    public string Verdict => Allowed ? Audit.AuditEventTypes.Allow : Audit.AuditEventTypes.Deny;
}

/// <summary>
/// Allows a deploy only if every service is covered by a BAA in force (down its subcontractor chain),
/// the actor is active with a current PHI entitlement, and the runner is declared (and signed when
/// required). The generated <c>DeployGate</c> evaluates the same rules over the compiled registry.
/// </summary>
public static class DeployGate
{
    public static GateDecision Evaluate(LinkedProgramme programme, DeployContext context, DateOnly asOf)
    {
        var denials = new List<GateDenial>();
        var services = programme.Vendors.SelectMany(v => v.Services.Select(s => (Service: s.Id.Value, Vendor: v))).ToDictionary(p => p.Service, p => p.Vendor, StringComparer.Ordinal);
        var vendors = programme.Vendors.ToDictionary(v => v.Id.Value, StringComparer.Ordinal);

        foreach (var service in context.Services.Distinct(StringComparer.Ordinal))
        {
            if (!services.TryGetValue(service, out var vendor))
            {
                denials.Add(new GateDenial(Rules.DeployServiceUnknown.Id, service, $"service '{service}' is not provided by any vendor in the BAA registry."));
                continue;
            }

            foreach (var (link, chain) in Chain(vendor, vendors))
            {
                if (BaaProblem(link, asOf) is { } problem)
                {
                    var via = chain.Count > 1 ? $" (BAA chain {string.Join(" -> ", chain)})" : string.Empty;
                    denials.Add(new GateDenial(Rules.DeployServiceWithoutBaa.Id, service, $"service '{service}': vendor '{link.Id.Value}' {problem}{via}."));
                }
            }
        }

        var actor = CheckContext.FindActor(programme, context.Actor);
        if (actor is null)
        {
            denials.Add(new GateDenial(Rules.DeployActorUnknown.Id, context.Actor, $"actor '{context.Actor}' is not in the workforce registry."));
        }
        else if (!CheckContext.IsActiveOn(actor, asOf))
        {
            denials.Add(new GateDenial(Rules.DeployActorRevoked.Id, context.Actor, $"actor '{context.Actor}' was revoked on {actor.RevokedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}."));
        }
        else if (!actor.PhiAccess)
        {
            denials.Add(new GateDenial(Rules.DeployActorWithoutPhiAccess.Id, context.Actor, $"actor '{context.Actor}' holds no PHI-access entitlement."));
        }

        var runner = programme.Programme?.Runners.FirstOrDefault(r => r.Id.Value == context.Runner);
        if (runner is null)
        {
            denials.Add(new GateDenial(Rules.DeployRunnerNotInScope.Id, context.Runner, $"runner '{context.Runner}' is not a declared in-scope runner."));
        }
        else if (runner.RequireSigned && !context.RunnerSigned)
        {
            denials.Add(new GateDenial(Rules.DeployRunnerUnsigned.Id, context.Runner, $"runner '{context.Runner}' requires signed deploys and this one is not signed."));
        }

        return new GateDecision(denials.Count == 0, denials);
    }

    /// <summary>Who must hold a BAA in force on the day for a service: its vendor and, if it handles PHI, every PHI subcontractor below it.</summary>
    private static IEnumerable<(VendorDefinition Vendor, List<string> Chain)> Chain(VendorDefinition vendor, Dictionary<string, VendorDefinition> vendors)
    {
        var queue = new Queue<(VendorDefinition, List<string>)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        queue.Enqueue((vendor, new List<string> { vendor.Id.Value }));
        while (queue.Count > 0)
        {
            var (current, chain) = queue.Dequeue();
            if (!seen.Add(current.Id.Value))
            {
                continue;
            }

            yield return (current, chain);
            if (!current.HandlesPhi)
            {
                continue;
            }

            foreach (var sub in current.Subcontractors)
            {
                if (vendors.TryGetValue(sub.Value, out var next) && next.HandlesPhi)
                {
                    queue.Enqueue((next, new List<string>(chain) { next.Id.Value }));
                }
            }
        }
    }

    private static string? BaaProblem(VendorDefinition vendor, DateOnly asOf)
    {
        if (vendor.Baa is not { } baa)
        {
            return "has no BAA";
        }

        if (baa.EffectiveOn is { } effective && DateOnly.FromDateTime(effective) > asOf)
        {
            return $"has a BAA that takes effect only on {effective.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        }

        return baa.ExpiresOn is { } expires && DateOnly.FromDateTime(expires) < asOf ? $"has a BAA that expired on {expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" : null;
    }
}
