using System.Collections.Generic;
using System.Linq;

namespace Compliance.Cli.Init;

/// <summary>A starter control of a new programme: what it does, what it maps to, and the evidence it needs.</summary>
internal sealed record ExampleControl(string Id, string Title, string Description, string[] MapsTo, string Evidence, string EvidenceDescription, string Collection, int FreshnessDays);

/// <summary>The starter controls of a new programme, each mapped to the requirements of the frameworks chosen.</summary>
internal static class ExampleControls
{
    public static IReadOnlyList<ExampleControl> For(IReadOnlyList<string> frameworks)
    {
        string[] Maps(params (string Framework, string Requirement)[] maps) =>
            maps.Where(m => frameworks.Contains(m.Framework)).Select(m => m.Requirement).ToArray();

        var all = new[]
        {
            new ExampleControl("GOV-01", "Security officer and annual risk assessment",
                "A named security officer owns the programme and runs a risk analysis of the systems that hold sensitive data every year, and whenever the environment changes.",
                Maps((ProgrammeTemplate.HipaaSecurity, "164.308(a)(1)(ii)(A)"), (ProgrammeTemplate.HipaaSecurity, "164.308(a)(2)"), (ProgrammeTemplate.Soc2, "CC3.2")),
                "risk-assessment", "The signed risk assessment report of the year.", "manual", 365),
            new ExampleControl("IAM-01", "Single sign-on with phishing-resistant MFA",
                "Every workforce login to a production system goes through the identity provider, which requires a phishing-resistant second factor.",
                Maps((ProgrammeTemplate.HipaaSecurity, "164.312(d)"), (ProgrammeTemplate.Soc2, "CC6.1")),
                "sso-config", "An export of the identity provider's authentication policy.", "automated", 90),
            new ExampleControl("LOG-01", "Audit logging of production systems",
                "Production systems send audit logs to a central store that keeps them for a year; alerts go to the on-call engineer.",
                Maps((ProgrammeTemplate.HipaaSecurity, "164.312(b)"), (ProgrammeTemplate.Soc2, "CC7.2")),
                "log-config", "An export of the log sinks and their retention settings.", "automated", 90),
            new ExampleControl("IR-01", "Incident response and breach notification",
                "Security incidents are triaged, investigated and, when they are breaches, notified within the deadlines; the procedure is exercised every year.",
                Maps((ProgrammeTemplate.HipaaBreach, "164.410"), (ProgrammeTemplate.Soc2, "CC7.4")),
                "tabletop-exercise", "The notes of the yearly incident response exercise.", "manual", 365),
        };
        return all.Where(c => c.MapsTo.Length > 0).ToList();
    }
}
