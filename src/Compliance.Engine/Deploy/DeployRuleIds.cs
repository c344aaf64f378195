using Compliance.Model.Diagnostics;

namespace Compliance.Shared.Deploy;

/// <summary>The deny rules' IDs for the engine's copy of the shared deploy rules (the generator writes the same class for its copy).</summary>
internal static class DeployRuleIds
{
    public static readonly string ServiceUnknown = Rules.DeployServiceUnknown.Id;
    public static readonly string ServiceWithoutBaa = Rules.DeployServiceWithoutBaa.Id;
    public static readonly string ActorUnknown = Rules.DeployActorUnknown.Id;
    public static readonly string ActorRevoked = Rules.DeployActorRevoked.Id;
    public static readonly string ActorWithoutPhiAccess = Rules.DeployActorWithoutPhiAccess.Id;
    public static readonly string RunnerNotInScope = Rules.DeployRunnerNotInScope.Id;
    public static readonly string RunnerUnsigned = Rules.DeployRunnerUnsigned.Id;
}
