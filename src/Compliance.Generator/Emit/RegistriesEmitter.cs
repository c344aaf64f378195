using System.Collections.Generic;
using System.Linq;
using Compliance.Generator.Pipeline;
using Compliance.Model.Documents;

namespace Compliance.Generator.Emit;

/// <summary>Emits the registries under policies/: vendors with services and BAAs, people, policies and waivers.</summary>
internal sealed class RegistriesEmitter : Emitter
{
    private RegistriesEmitter(GeneratorOptions options)
        : base(options)
    {
    }

    public static EmittedSource Emit(RegistriesPart part, GeneratorOptions options) => new RegistriesEmitter(options).Run(part);

    private EmittedSource Run(RegistriesPart part)
    {
        Writer.Line("/// <summary>The BAA registry: vendors, the services they provide and their agreements.</summary>");
        Writer.Open("public static partial class Vendors");
        var vendorNames = new MemberNames("Vendors", Findings);
        var vendors = new List<string>();
        foreach (var vendor in part.Vendors)
        {
            var name = vendorNames.Assign(vendor.Id);
            vendors.Add(name);
            var services = vendor.Services.Select(s => $"new {T("Service")}({CSharp.Literal(s.Id.Value)}, {CSharp.Literal(s.Name)})").ToList();
            var serviceArray = services.Count == 0 ? $"global::System.Array.Empty<{T("Service")}>()" : $"new {T("Service")}[] {{ {string.Join(", ", services)} }}";
            var baa = vendor.Baa is { } agreement
                ? $"new {T("Baa")}({CSharp.Date(agreement.SignedOn)}, {CSharp.Date(agreement.EffectiveOn)}, {CSharp.Date(agreement.ExpiresOn)}, {CSharp.Literal(agreement.Evidence?.Value ?? string.Empty)})"
                : "null";
            Writer.Line($"/// <summary>{CSharp.Doc(vendor.Name)}</summary>");
            Writer.Line($"public static readonly {T("Vendor")} {name} = new {T("Vendor")}({CSharp.Literal(vendor.Id.Value)}, {CSharp.Literal(vendor.Name)}, {CSharp.Literal(vendor.HandlesPhi)}, {serviceArray}, {baa}, {CSharp.Strings(vendor.Subcontractors.Select(s => s.Value))}, {CSharp.Literal(vendor.Notes)}, {Source(vendor.Id.Span)});");
        }

        EmitAll("Vendor", vendors);
        Writer.Close();
        Writer.Line();

        Writer.Line("/// <summary>The workforce registry.</summary>");
        Writer.Open("public static partial class People");
        var personNames = new MemberNames("People", Findings);
        var people = new List<string>();
        foreach (var person in part.People)
        {
            var name = personNames.Assign(person.Id);
            people.Add(name);
            var status = person.Status == PersonStatuses.Revoked ? "Revoked" : "Active";
            Writer.Line($"/// <summary>{CSharp.Doc($"{person.Name}, {person.Role}")}</summary>");
            Writer.Line($"public static readonly {T("Person")} {name} = new {T("Person")}({CSharp.Literal(person.Id.Value)}, {CSharp.Literal(person.Name)}, {CSharp.Literal(person.Email?.Value ?? string.Empty)}, {CSharp.Literal(person.Role)}, {CSharp.Literal(person.PhiAccess)}, {T("PersonStatus")}.{status}, {CSharp.NullableDate(person.RevokedOn)}, {Source(person.Id.Span)});");
        }

        EmitAll("Person", people);
        Writer.Close();
        Writer.Line();

        Writer.Line("/// <summary>The programme's policies.</summary>");
        Writer.Open("public static partial class Policies");
        var policyNames = new MemberNames("Policies", Findings);
        var policies = new List<string>();
        foreach (var policy in part.Policies)
        {
            var name = policyNames.Assign(policy.Id);
            policies.Add(name);
            Writer.Line($"/// <summary>{CSharp.Doc($"{policy.Id.Value}: {policy.Title}")}</summary>");
            Writer.Line($"public static readonly {T("Policy")} {name} = new {T("Policy")}({CSharp.Literal(policy.Id.Value)}, {CSharp.Literal(policy.Title)}, {CSharp.Literal(policy.Owner?.Value)}, {CSharp.Literal(policy.Version)}, {CSharp.Literal(policy.ApprovedBy?.Value)}, {CSharp.Date(policy.ApprovedOn)}, {CSharp.Literal(policy.ReviewIntervalDays)}, {CSharp.Strings(policy.Governs.Select(g => g.Value))}, {Source(policy.Id.Span)});");
        }

        EmitAll("Policy", policies);
        Writer.Close();
        Writer.Line();

        Writer.Line("/// <summary>Approved, time-boxed exceptions.</summary>");
        Writer.Open("public static partial class Waivers");
        var waiverNames = new MemberNames("Waivers", Findings);
        var waivers = new List<string>();
        foreach (var waiver in part.Waivers)
        {
            var name = waiverNames.Assign(waiver.Id);
            waivers.Add(name);
            Writer.Line($"/// <summary>{CSharp.Doc($"{waiver.Id.Value}: {waiver.Rule.Value} on {waiver.Target.Value}")}</summary>");
            Writer.Line($"public static readonly {T("Waiver")} {name} = new {T("Waiver")}({CSharp.Literal(waiver.Id.Value)}, {CSharp.Literal(waiver.Rule.Value)}, {CSharp.Literal(waiver.Target.Value)}, {CSharp.Literal(waiver.Reason)}, {CSharp.Literal(waiver.ApprovedBy?.Value)}, {CSharp.Date(waiver.ApprovedOn)}, {CSharp.Date(waiver.ExpiresOn)});");
        }

        EmitAll("Waiver", waivers);
        Writer.Close();
        return Finish("Compliance.Registries.g.cs");
    }
}
