namespace Compliance.Engine.Tests.Breach;

/// <summary>Test programmes with a HIPAA role and covered entities, and incidents written into them.</summary>
internal static class BreachProgrammes
{
    /// <summary>A programme with the given role and two covered entities: CE-A (a 10-day BAA window, individual notice delegated) and CE-B (standard terms).</summary>
    public static TestProgramme WithRole(string role)
    {
        var programme = new TestProgramme(git: false);
        programme.Write("controls/programme.yaml", $"""
            programme:
              id: acme
              name: Acme Health
              role: {role}
              scope:
                - framework: mini
              covered_entities:
                - id: CE-A
                  name: Alder Clinic
                  notice_days: 10
                  delegates:
                    individuals: true
                - id: CE-B
                  name: Birch Clinic
            """);
        return programme;
    }

    public static void Incident(TestProgramme programme, string discovered, int individuals, string extra = "") =>
        programme.Write("policies/incidents.yaml", $"""
            incidents:
              - id: INC-1
                title: Misdirected records
                discovered_on: {discovered}
                breach: true
                individuals_affected: {individuals}
            {extra}
            """);

    /// <summary>The incident's covered_entities list: each (ID, notified_on or null).</summary>
    public static string CoveredEntities(params (string Id, string? NotifiedOn)[] entities)
    {
        var text = "    covered_entities:\n";
        foreach (var (id, notified) in entities)
        {
            text += $"      - covered_entity: {id}\n";
            if (notified is not null)
            {
                text += $"        notified_on: {notified}\n";
            }
        }

        return text;
    }

    public static string Delay(string statementOn, string form, string until, string? writtenOn = null) =>
        "    law_enforcement_delay:\n" +
        $"      statement_on: {statementOn}\n" +
        $"      form: {form}\n" +
        "      agency: Portland Police Bureau, Det. Ruiz\n" +
        $"      until: {until}\n" +
        (writtenOn is null ? string.Empty : $"      written_statement_on: {writtenOn}\n") +
        "      evidence: evidence/inc/le-statement.md\n";
}
