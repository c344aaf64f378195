using Compliance.Model.Binding;

namespace Compliance.Model.Documents;

/// <summary>A CI runner allowed to deploy systems that hold PHI, and whether its deploys must be signed.</summary>
public sealed record RunnerDefinition(Located Id, bool RequireSigned, string? Description);

/// <summary>
/// An endpoint whose encryption in transit is verified, not attested (164.312(e)(1)): its latest
/// verification result is evidence for the named CONTROL/EVIDENCE requirement.
/// </summary>
public sealed record EndpointDefinition(Located Id, string Url, Located Evidence);
