using Compliance.Model.Diagnostics;

namespace Compliance.Generator.Emit;

/// <summary>
/// The deny rules' IDs for the generated copy of the shared deploy rules, written from the diagnostics
/// catalog so that no ID is typed twice. The engine's copy reads the same fields.
/// </summary>
internal static class DeployRuleIds
{
    public static string Source(string @namespace) => $$"""

namespace {{@namespace}}
{
    /// <summary>The CMP21xx deny rules, from the diagnostics catalog.</summary>
    internal static class DeployRuleIds
    {
        public const string ServiceUnknown = "{{Rules.DeployServiceUnknown.Id}}";
        public const string ServiceWithoutBaa = "{{Rules.DeployServiceWithoutBaa.Id}}";
        public const string ActorUnknown = "{{Rules.DeployActorUnknown.Id}}";
        public const string ActorRevoked = "{{Rules.DeployActorRevoked.Id}}";
        public const string ActorWithoutPhiAccess = "{{Rules.DeployActorWithoutPhiAccess.Id}}";
        public const string RunnerNotInScope = "{{Rules.DeployRunnerNotInScope.Id}}";
        public const string RunnerUnsigned = "{{Rules.DeployRunnerUnsigned.Id}}";
    }
}
""".Replace("\r\n", "\n");
}
