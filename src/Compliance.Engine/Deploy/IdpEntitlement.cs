using System.Collections.Generic;
using System.Linq;
using Compliance.Engine.Collection;
using Compliance.Model.Diagnostics;
using Compliance.Model.Linking;

namespace Compliance.Engine.Deploy;

/// <summary>
/// The IdP-backed deploy entitlement, evaluated when the runner invokes the gate: the actor must be
/// an active user of the identity provider's export and a member of a PHI group (164.308(a)(4),
/// 164.312(a)(1)). The registry says who should have access; the export says who does.
/// </summary>
public static class IdpEntitlement
{
    public static IReadOnlyList<GateDenial> Denials(LinkedProgramme programme, ScimExport export, string actor)
    {
        var person = programme.Lookups.Actor(actor);
        var login = person?.IdpUser?.Value ?? person?.Email?.Value ?? actor;
        var user = export.Find(login) ?? export.Find(actor);
        if (user is null || !user.Active)
        {
            return new[]
            {
                new GateDenial(Rules.DeployActorInactiveInIdp.Id, actor,
                    user is null ? $"actor '{actor}' has no user in the identity provider's export." : $"actor '{actor}' is inactive in the identity provider ('{user.UserName}', active: false)."),
            };
        }

        var phiGroups = programme.Programme?.IdentityProvider?.PhiGroups ?? default;
        return phiGroups.IsEmpty || export.GroupsOf(user).Any(g => phiGroups.Contains(g))
            ? System.Array.Empty<GateDenial>()
            : new[] { new GateDenial(Rules.DeployActorWithoutPhiGroup.Id, actor, $"actor '{actor}' ('{user.UserName}') is in none of the PHI groups {string.Join(", ", phiGroups)} in the identity provider.") };
    }
}
