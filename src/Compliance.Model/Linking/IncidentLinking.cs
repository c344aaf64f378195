using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Compliance.Model.Diagnostics;
using Compliance.Model.Documents;

namespace Compliance.Model.Linking;

/// <summary>
/// The incidents registry against itself and the programme's role: counts and dates that agree, and
/// for a business associate the covered entities each breach affected (164.410 runs per covered entity).
/// Only a business associate (or both) lists covered entities at all.
/// </summary>
internal static class IncidentLinking
{
    public static void Check(IReadOnlyList<IncidentDefinition> incidents, ProgrammeDefinition? programme, List<Finding> findings)
    {
        var role = programme?.Role ?? ProgrammeRole.CoveredEntity;
        var coveredEntities = new Registry<CoveredEntityDefinition>("covered entity");
        foreach (var entity in programme?.CoveredEntities ?? default)
        {
            coveredEntities.Add(entity, entity.Id, findings);
        }

        if (programme is { CoveredEntities.Count: > 0 } && role == ProgrammeRole.CoveredEntity)
        {
            findings.Add(Rules.InvalidValue.At(programme.CoveredEntities[0].Span,
                $"The programme '{programme.Id.Value}' lists covered entities, but its role is {ProgrammeRoles.CoveredEntity}.",
                $"Set role: {ProgrammeRoles.BusinessAssociate} (or {ProgrammeRoles.Both}), or remove covered_entities."));
        }

        foreach (var incident in incidents)
        {
            CheckCounts(incident, findings);
            CheckCoveredEntities(incident, role, coveredEntities, findings);
        }
    }

    private static void CheckCoveredEntities(IncidentDefinition incident, ProgrammeRole role, Registry<CoveredEntityDefinition> coveredEntities, List<Finding> findings)
    {
        var id = incident.Id.Value;
        if (incident.CoveredEntities.Count > 0 && role == ProgrammeRole.CoveredEntity)
        {
            findings.Add(Rules.InvalidValue.At(incident.CoveredEntities[0].Span,
                $"The incident '{id}' lists covered entities, but the programme's role is {ProgrammeRoles.CoveredEntity}.",
                $"Set role: {ProgrammeRoles.BusinessAssociate} (or {ProgrammeRoles.Both}) in programme.yaml, or remove covered_entities."));
            return;
        }

        if (incident.Breach && incident.CoveredEntities.Count == 0 && role == ProgrammeRole.BusinessAssociate)
        {
            findings.Add(Rules.BreachWithoutCoveredEntities.At(incident.Id.Span,
                $"The breach '{id}' names no covered entity, but a business associate owes notice to each covered entity whose PHI it involved (164.410(a)(1))."));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var affected in incident.CoveredEntities)
        {
            coveredEntities.Check(affected.CoveredEntity, $"The incident '{id}'", findings);
            if (!seen.Add(affected.CoveredEntity.Value))
            {
                findings.Add(Rules.DuplicateId.At(affected.CoveredEntity.Span,
                    $"The incident '{id}' lists the covered entity '{affected.CoveredEntity.Value}' twice.",
                    "List each covered entity once, with the day it was notified."));
            }

            NotBefore(incident, "notified_on", affected.NotifiedOn, findings);
        }
    }

    private static void CheckCounts(IncidentDefinition incident, List<Finding> findings)
    {
        var id = incident.Id.Value;
        var residents = incident.States.Sum(s => (long)s.Residents);
        if (residents > incident.IndividualsAffected)
        {
            findings.Add(Rules.IncidentInconsistent.At(incident.Id.Span,
                $"The incident '{id}' lists {residents} residents across its states but only {incident.IndividualsAffected} individuals affected."));
        }

        NotBefore(incident, "individuals_notified_on", incident.IndividualsNotifiedOn, findings);
        NotBefore(incident, "hhs_notified_on", incident.HhsNotifiedOn, findings);
        NotBefore(incident, "media_notified_on", incident.MediaNotifiedOn, findings);
        if (incident.LawEnforcementDelay is { } delay)
        {
            if (delay.Until is { } until && delay.StatementOn is { } statement && until < statement)
            {
                findings.Add(Rules.IncidentInconsistent.At(delay.Span,
                    $"The law-enforcement delay of '{id}' ends on {Iso(until)}, before its statement of {Iso(statement)}."));
            }

            if (delay.WrittenStatementOn is { } written && delay.StatementOn is { } oral && written < oral)
            {
                findings.Add(Rules.IncidentInconsistent.At(delay.Span,
                    $"The law-enforcement delay of '{id}' has a written statement on {Iso(written)}, before the oral statement of {Iso(oral)} it followed."));
            }
        }
    }

    private static void NotBefore(IncidentDefinition incident, string field, DateTime? date, List<Finding> findings)
    {
        if (date is { } notified && incident.DiscoveredOn is { } discovered && notified < discovered)
        {
            findings.Add(Rules.IncidentInconsistent.At(incident.Id.Span,
                $"The incident '{incident.Id.Value}' has {field} {Iso(notified)}, before it was discovered on {Iso(discovered)}."));
        }
    }

    private static string Iso(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
