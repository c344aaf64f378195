using System;
using System.Collections.Generic;
using System.Linq;
using Compliance.Model.Documents;
using Compliance.Model.Linking;
using Compliance.Shared.Deploy;

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
/// required). The decision is the shared <see cref="DeployRules"/>, which the generated DeployGate runs too.
/// </summary>
public static class DeployGate
{
    public static GateDecision Evaluate(LinkedProgramme programme, DeployContext context, DateOnly asOf)
    {
        var denials = DeployRules.Evaluate(new ProgrammeFacts(programme), context.Actor, context.Services, context.Runner, context.RunnerSigned, asOf)
            .ConvertAll(d => new GateDenial(d.RuleId, d.Subject, d.Message));
        return new GateDecision(denials.Count == 0, denials);
    }

    /// <summary>The linked programme as the facts the deploy rules read, through the linker's lookups.</summary>
    private sealed class ProgrammeFacts : IDeployFacts
    {
        private readonly LinkedProgramme _programme;

        public ProgrammeFacts(LinkedProgramme programme) => _programme = programme;

        public DeployVendorFacts? VendorOfService(string serviceId) => Facts(_programme.Lookups.VendorOfService(serviceId));

        public DeployVendorFacts? Vendor(string vendorId) => Facts(_programme.Lookups.Vendor(vendorId));

        public DeployActorFacts? Actor(string actor) => _programme.Lookups.Actor(actor) is { } person
            ? new DeployActorFacts(person.Id.Value, person.Status == PersonStatuses.Active, Day(person.RevokedOn), person.PhiAccess)
            : null;

        public bool? RunnerRequiresSigning(string runnerId) =>
            _programme.Programme?.Runners.FirstOrDefault(r => r.Id.Value == runnerId) is { } runner ? runner.RequireSigned : null;

        private static DeployVendorFacts? Facts(VendorDefinition? vendor) => vendor is null
            ? null
            : new DeployVendorFacts(vendor.Id.Value, vendor.HandlesPhi, vendor.Baa is not null, Day(vendor.Baa?.EffectiveOn), Day(vendor.Baa?.ExpiresOn), vendor.Subcontractors.Select(s => s.Value).ToArray());

        private static DateOnly? Day(DateTime? date) => date is { } d ? DateOnly.FromDateTime(d) : null;
    }
}
