using Compliance.Model.Binding;
using Compliance.Model.Documents;
using Compliance.Model.Text;

namespace Compliance.Model.Parsing;

internal static class DecisionBinder
{
    public static EquatableArray<DecisionDefinition> Bind(MappingReader root) =>
        ListBinding.Each(root, DocumentKinds.Decisions, required: true, "decision", reader =>
        {
            var requirement = reader.Reference("requirement", required: true);
            if (requirement is not null)
            {
                reader.What = $"the decision on '{requirement.Value}'";
            }

            var decision = reader.Enum("decision", required: true, DecisionKinds.All);
            var rationale = reader.String("rationale", required: true);
            var alternative = reader.String("alternative", required: decision == DecisionKinds.Alternative);
            var approvedBy = reader.Reference("approved_by", required: true);
            var approvedOn = reader.Date("approved_on", required: true);
            return requirement is null || decision is null || rationale is null
                ? null
                : new DecisionDefinition(requirement, decision, rationale, alternative, approvedBy, approvedOn);
        });
}

internal static class VendorBinder
{
    public static EquatableArray<VendorDefinition> Bind(MappingReader root) =>
        ListBinding.Each(root, DocumentKinds.Vendors, required: true, "vendor", reader =>
        {
            var id = ListBinding.IdentifiedAs(reader, "vendor");
            var name = reader.String("name", required: true);
            var handlesPhi = reader.Bool("handles_phi", required: true);
            var services = ListBinding.Each(reader, "services", required: true, "service", item =>
            {
                var serviceId = ListBinding.IdentifiedAs(item, "service");
                var serviceName = item.String("name", required: true);
                return serviceId is null || serviceName is null ? null : new ServiceDefinition(serviceId, serviceName);
            });
            BaaDefinition? baa = null;
            if (reader.Mapping("baa", required: false, $"the BAA of {reader.What}") is { } baaReader)
            {
                baa = new BaaDefinition(
                    baaReader.Date("signed_on", required: true),
                    baaReader.Date("effective_on", required: true),
                    baaReader.Date("expires_on", required: true),
                    baaReader.Reference("evidence", required: true),
                    baaReader.Span)
                {
                    ExpiresOnSpan = baaReader.ValueSpan("expires_on"),
                    EffectiveOnSpan = baaReader.ValueSpan("effective_on"),
                };
                baaReader.Finish();
            }

            var subcontractors = reader.References("subcontractors");
            var notes = reader.String("notes", required: false);
            return id is null || name is null || handlesPhi is null
                ? null
                : new VendorDefinition(id, name, handlesPhi.Value, services, baa, subcontractors, notes, reader.Span);
        });
}

internal static class PersonBinder
{
    public static EquatableArray<PersonDefinition> Bind(MappingReader root) =>
        ListBinding.Each(root, DocumentKinds.People, required: true, "person", reader =>
        {
            var id = ListBinding.IdentifiedAs(reader, "person");
            var name = reader.String("name", required: true);
            var email = reader.Reference("email", required: true);
            var role = reader.String("role", required: true);
            var phiAccess = reader.Bool("phi_access", required: true);
            var status = reader.Enum("status", required: true, PersonStatuses.All);
            var revokedOn = reader.Date("revoked_on", required: status == PersonStatuses.Revoked);
            var idpUser = reader.Reference("idp_user", required: false);
            var publicKeys = reader.LocatedTexts("public_keys");
            if (status == PersonStatuses.Active && revokedOn is not null)
            {
                reader.Report(Diagnostics.Rules.InvalidValue, reader.Span, $"{reader.What} is active but has a revoked_on date.", "Set status: revoked, or remove revoked_on.");
            }

            return id is null || name is null || role is null || phiAccess is null || status is null
                ? null
                : new PersonDefinition(id, name, email, role, phiAccess.Value, status, revokedOn) { IdpUser = idpUser, PublicKeys = publicKeys };
        });
}

internal static class WaiverBinder
{
    public static EquatableArray<WaiverDefinition> Bind(MappingReader root) =>
        ListBinding.Each(root, DocumentKinds.Waivers, required: true, "waiver", reader =>
        {
            var id = ListBinding.IdentifiedAs(reader, "waiver");
            var rule = reader.Reference("rule", required: true);
            var target = reader.Reference("target", required: true);
            var reason = reader.String("reason", required: true);
            var approvedBy = reader.Reference("approved_by", required: true);
            var approvedOn = reader.Date("approved_on", required: true);
            var expiresOn = reader.Date("expires_on", required: true);
            return id is null || rule is null || target is null
                ? null
                : new WaiverDefinition(id, rule, target, reason, approvedBy, approvedOn, expiresOn);
        });
}
