using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Compliance.Engine.Collection;
using Compliance.Model.Diagnostics;
using Compliance.Model.Documents;

namespace Compliance.Engine.Checks;

public enum AccessProblem
{
    RevokedStillActive,
    PhiMemberNotEntitled,
    PhiMemberUnknown,
    EntitledWithoutPhiGroup,
}

/// <summary>One disagreement between the workforce registry and the IdP export.</summary>
public sealed record AccessFinding(AccessProblem Problem, string? PersonId, string IdpUser, string RuleId);

/// <summary>The latest access review: which export it reconciled, as of which day, and what disagreed.</summary>
public sealed record AccessReconciliation(string Artifact, DateOnly CollectedOn, int Users, IReadOnlyList<AccessFinding> Findings);

/// <summary>
/// Reconciles the latest access-review artifact (a SCIM export of the IdP) with policies/people.yaml:
/// workforce clearance and termination (164.308(a)(3)(ii)(B)-(C)), access authorisation
/// (164.308(a)(4)), sanctions actually enforced (164.308(a)(1)(ii)(C)) and access control
/// (164.312(a)(1)); SOC 2 CC6.2-CC6.3.
/// </summary>
public static class AccessReviewChecks
{
    public static AccessReconciliation? Run(CheckContext context, IReadOnlyList<EvidenceStatus> evidence)
    {
        if (context.Programme.Programme?.IdentityProvider is not { } idp
            || evidence.FirstOrDefault(s => s.Key == idp.AccessReview.Value)?.Latest is not { } latest
            || latest.CollectedOn is not { } collectedOn)
        {
            return null;
        }

        ScimExport export;
        try
        {
            export = ScimExport.Read(latest.Path.FullPath!);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            context.Report(Rules.AccessReviewUnreadable, latest.Record.Span, latest.Path.Relative!, $"The access-review export could not be read: {ex.Message}");
            return new AccessReconciliation(latest.Path.Relative!, collectedOn, 0, Array.Empty<AccessFinding>());
        }

        var phiGroups = new HashSet<string>(idp.PhiGroups, StringComparer.Ordinal);
        var findings = new List<AccessFinding>();
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var person in context.Programme.People)
        {
            var login = person.IdpUser?.Value ?? person.Email?.Value;
            var user = export.Find(login);
            if (user is not null)
            {
                known.Add(user.Id);
            }

            var inPhiGroup = user is not null && export.GroupsOf(user).Any(phiGroups.Contains);
            if (!CheckContext.IsActiveOn(person, collectedOn))
            {
                if (user is not null && (user.Active || inPhiGroup))
                {
                    Add(context, findings, Rules.AccessRevokedStillActive, AccessProblem.RevokedStillActive, person, user.UserName,
                        $"'{person.Id.Value}' was revoked on {CheckContext.Iso(CheckContext.Day(person.RevokedOn!.Value))}, but the IdP export of {CheckContext.Iso(collectedOn)} ({latest.Path.Relative}) still shows '{user.UserName}' {(user.Active ? "active" : "inactive")}{(inPhiGroup ? " and in a PHI group" : string.Empty)}: the termination was not enforced.");
                }

                continue;
            }

            if (user is { Active: true } && inPhiGroup && !person.PhiAccess)
            {
                Add(context, findings, Rules.AccessPhiMemberNotEntitled, AccessProblem.PhiMemberNotEntitled, person, user.UserName,
                    $"'{person.Id.Value}' has phi_access: false, but '{user.UserName}' is in the PHI group(s) {string.Join(", ", export.GroupsOf(user).Where(phiGroups.Contains).OrderBy(g => g, StringComparer.Ordinal))} in {latest.Path.Relative}.");
            }
            else if (person.PhiAccess && !(user is { Active: true } && inPhiGroup))
            {
                Add(context, findings, Rules.AccessEntitledWithoutPhiGroup, AccessProblem.EntitledWithoutPhiGroup, person, login ?? person.Id.Value,
                    $"'{person.Id.Value}' has phi_access: true, but {(user is null ? $"no IdP user '{login}' exists" : user.Active ? $"'{user.UserName}' is in no PHI group" : $"'{user.UserName}' is inactive")} in {latest.Path.Relative}.");
            }
        }

        foreach (var user in export.Users.Where(u => u.Active && !known.Contains(u.Id) && export.GroupsOf(u).Any(phiGroups.Contains)).OrderBy(u => u.UserName, StringComparer.Ordinal))
        {
            findings.Add(new AccessFinding(AccessProblem.PhiMemberUnknown, null, user.UserName, Rules.AccessPhiMemberUnknown.Id));
            context.Report(Rules.AccessPhiMemberUnknown, latest.Record.Span, user.UserName,
                $"'{user.UserName}' is in a PHI group in {latest.Path.Relative} but is nobody in policies/people.yaml: an unknown workforce member can reach ePHI.");
        }

        return new AccessReconciliation(latest.Path.Relative!, collectedOn, export.Users.Count, findings);
    }

    private static void Add(CheckContext context, List<AccessFinding> findings, Rule rule, AccessProblem problem, PersonDefinition person, string idpUser, string message)
    {
        findings.Add(new AccessFinding(problem, person.Id.Value, idpUser, rule.Id));
        context.Report(rule, person.Id.Span, person.Id.Value, message);
    }
}
