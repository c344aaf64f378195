using Compliance.Model.Binding;
using Compliance.Model.Text;

namespace Compliance.Model.Documents;

/// <summary>The programme's identity and scope: which frameworks, and which of their categories, are audited.</summary>
public sealed record ProgrammeDefinition(Located Id, string Name, string? Description, EquatableArray<ScopeEntry> Scope)
{
    /// <summary>The runners allowed to deploy in-scope systems (the deploy gate's third condition).</summary>
    public EquatableArray<RunnerDefinition> Runners { get; init; } = EquatableArray<RunnerDefinition>.Empty;

    /// <summary>Endpoints whose TLS is verified at deploy time.</summary>
    public EquatableArray<EndpointDefinition> Endpoints { get; init; } = EquatableArray<EndpointDefinition>.Empty;

    /// <summary>The identity provider the access review is reconciled with; null when none is declared.</summary>
    public IdentityProviderDefinition? IdentityProvider { get; init; }
    /// <summary>Covered entity, business associate or both; a programme that does not say is a covered entity.</summary>
    public ProgrammeRole Role { get; init; } = ProgrammeRole.CoveredEntity;

    /// <summary>Where role is written, if it is.</summary>
    public SourceSpan? RoleSpan { get; init; }

    /// <summary>The covered entities served as business associate, with their BAAs' notice terms.</summary>
    public EquatableArray<CoveredEntityDefinition> CoveredEntities { get; init; } = EquatableArray<CoveredEntityDefinition>.Empty;

    /// <summary>The git ref that holds the shared audit log; null when the log lives in the work tree.</summary>
    public AuditLogDefinition? AuditLog { get; init; }

    /// <summary>Which audit events must be signed; null when the programme requires no signatures.</summary>
    public AuditSigningDefinition? AuditSigning { get; init; }

    /// <summary>The log's RFC 3161 anchoring: trusted TSAs and the interval; null when anchoring is not required.</summary>
    public AuditAnchoringDefinition? AuditAnchoring { get; init; }

    /// <summary>
    /// The programme repository's https web address on its forge (site.repository_url), without a trailing slash
    /// or .git: where the site links a deleted document's last version. Null when the programme does not say.
    /// </summary>
    public string? RepositoryUrl { get; init; }
}

/// <summary>One framework in scope, optionally narrowed to some requirement categories (SOC 2 categories).</summary>
public sealed record ScopeEntry(Located Framework, EquatableArray<Located> Categories);
