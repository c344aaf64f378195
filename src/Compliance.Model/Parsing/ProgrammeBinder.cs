using Compliance.Model.Binding;
using Compliance.Model.Documents;

namespace Compliance.Model.Parsing;

internal static class ProgrammeBinder
{
    public static ProgrammeDefinition? Bind(MappingReader root)
    {
        var reader = root.Mapping(DocumentKinds.Programme, required: true, "the programme");
        if (reader is null)
        {
            return null;
        }

        var id = ListBinding.IdentifiedAs(reader, "programme");
        var name = reader.String("name", required: true);
        var description = reader.String("description", required: false);
        var scope = ListBinding.Each(reader, "scope", required: true, "scope entry", entry =>
        {
            var framework = entry.Reference("framework", required: true);
            var categories = entry.References("categories");
            return framework is null ? null : new ScopeEntry(framework, categories);
        });
        var runners = ListBinding.Each(reader, "runners", required: false, "runner", entry =>
        {
            var runnerId = ListBinding.IdentifiedAs(entry, "runner");
            var signed = entry.Bool("require_signed", required: false) ?? false;
            var runnerDescription = entry.String("description", required: false);
            var publicKeys = entry.LocatedTexts("public_keys");
            var signs = entry.References("signs");
            var retiredOn = entry.Date("revoked_on", required: false);
            return runnerId is null ? null : new RunnerDefinition(runnerId, signed, runnerDescription) { PublicKeys = publicKeys, Signs = signs, RevokedOn = retiredOn };
        });
        var endpoints = ListBinding.Each(reader, "endpoints", required: false, "endpoint", entry =>
        {
            var endpointId = ListBinding.IdentifiedAs(entry, "endpoint");
            var url = entry.String("url", required: true);
            var evidence = entry.Reference("evidence", required: true);
            if (url is not null && !url.StartsWith("https://", System.StringComparison.Ordinal))
            {
                entry.Report(Diagnostics.Rules.InvalidValue, entry.ValueSpan("url")!, $"The url of {entry.What} must start with https://.", "Write the endpoint as https://host[:port].");
                url = null;
            }

            return endpointId is null || url is null || evidence is null ? null : new EndpointDefinition(endpointId, url, evidence);
        });
        var identityProvider = IdentityProviderBinder.Bind(reader);
        var role = reader.Enum("role", required: false, ProgrammeRoles.All);
        var coveredEntities = CoveredEntityBinder.Bind(reader);
        var auditLog = BindAuditLog(reader);
        var auditSigning = BindAuditSigning(reader);
        var auditAnchoring = BindAuditAnchoring(reader);
        var repositoryUrl = SiteBinder.RepositoryUrl(reader);
        reader.Finish();
        return id is null || name is null
            ? null
            : new ProgrammeDefinition(id, name, description, scope)
            {
                Runners = runners,
                Endpoints = endpoints,
                IdentityProvider = identityProvider,
                Role = ProgrammeRoles.Parse(role),
                RoleSpan = reader.ValueSpan("role"),
                CoveredEntities = coveredEntities,
                AuditLog = auditLog,
                AuditSigning = auditSigning,
                AuditAnchoring = auditAnchoring,
                RepositoryUrl = repositoryUrl,
            };
    }

    private static AuditLogDefinition? BindAuditLog(MappingReader reader)
    {
        var auditLog = reader.Mapping("audit_log", required: false, "the audit log's location");
        if (auditLog is null)
        {
            return null;
        }

        var gitRef = auditLog.String("ref", required: true);
        var remote = auditLog.String("remote", required: false) ?? AuditLogDefinition.DefaultRemote;
        if (gitRef is not null && !IsRefName(gitRef))
        {
            auditLog.Report(Diagnostics.Rules.InvalidValue, auditLog.ValueSpan("ref")!, $"The ref of {auditLog.What} must be a full git ref name under refs/, not '{gitRef}'.", "Write it as refs/heads/compliance-audit (or another refs/... name).");
            gitRef = null;
        }

        auditLog.Finish();
        return gitRef is null ? null : new AuditLogDefinition(gitRef, remote);
    }

    private static AuditSigningDefinition? BindAuditSigning(MappingReader reader)
    {
        var signing = reader.Mapping("audit_signing", required: false, "the audit log's signing rules");
        if (signing is null)
        {
            return null;
        }

        var requiredFor = signing.References("required_for");
        signing.Finish();
        return new AuditSigningDefinition(requiredFor, signing.Span);
    }

    private static AuditAnchoringDefinition? BindAuditAnchoring(MappingReader reader)
    {
        var anchoring = reader.Mapping("audit_anchoring", required: false, "the audit log's anchoring");
        if (anchoring is null)
        {
            return null;
        }

        var interval = anchoring.Int("interval_days", required: true, 1, 3660);
        var certificates = anchoring.LocatedTexts("tsa_certificates");
        anchoring.Finish();
        return interval is null ? null : new AuditAnchoringDefinition(interval.Value, certificates, anchoring.Span);
    }

    // A full ref name git accepts: under refs/, no spaces, no '..', no ':' (which a refspec would split on).
    private static bool IsRefName(string name) =>
        name.StartsWith("refs/", System.StringComparison.Ordinal) && name.Length > 5 && !name.EndsWith("/", System.StringComparison.Ordinal)
        && !name.Contains("..") && name.IndexOfAny(new[] { ' ', ':', '~', '^', '?', '*', '[', '\\' }) < 0;
}
