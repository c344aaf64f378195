using System.Collections.Generic;

namespace Compliance.Site.Model;

/// <summary>One area where HIPAA asks for more than SOC 2, and the HIPAA citations that carry it.</summary>
public sealed record DivergenceArea(string Key, string Title, string Explanation, IReadOnlyList<string> Citations);

/// <summary>
/// The areas where a SOC 2 report does not show what HIPAA requires, in our own words. The crosswalk
/// marks most pairs "intersects", which hides the direction of the gap; these areas say which side
/// asks for more. Citations that the programme's catalogs do not define are skipped.
/// </summary>
public static class Divergences
{
    public static IReadOnlyList<DivergenceArea> Areas { get; } = new[]
    {
        new DivergenceArea(
            "baa-chain",
            "The BAA chain",
            "HIPAA requires a written business associate agreement with every vendor that creates, receives, maintains or transmits ePHI, with the same restrictions flowed down to each subcontractor. SOC 2 asks that vendor risk be managed (CC9.2) but names no contract, so a SOC 2 report does not show the chain of agreements.",
            new[] { "164.308(b)(1)", "164.314(a)(1)" }),
        new DivergenceArea(
            "retention",
            "Six-year retention",
            "HIPAA requires policies, procedures and the records of actions they require to be kept for six years from creation or from when they were last in effect. SOC 2 sets no retention period: the organisation chooses its own.",
            new[] { "164.316(b)(2)(i)" }),
        new DivergenceArea(
            "encryption",
            "Encryption, verified",
            "HIPAA names encryption of ePHI at rest and in transit as specifications to implement, or to replace by a documented equivalent measure. SOC 2 accepts any measure that meets the objective (CC6.1, CC6.7), so the evidence must show that encryption is in place and verified, not only that data is protected.",
            new[] { "164.312(a)(2)(iv)", "164.312(e)(1)", "164.312(e)(2)(ii)" }),
        new DivergenceArea(
            "sanctions",
            "Workforce sanctions",
            "HIPAA requires sanctions against workforce members who fail to follow the security policies, applied and documented. SOC 2 asks for accountability in general (CC1.5).",
            new[] { "164.308(a)(1)(ii)(C)" }),
        new DivergenceArea(
            "breach-telemetry",
            "Breach telemetry and deadlines",
            "The Breach Notification Rule counts deadlines from the day a breach is discovered (60 days at most) and prescribes what a notice says, so the discovery date and what was affected must be recorded for every incident. SOC 2 asks for incident response and communication (CC7.3 to CC7.5) without fixed deadlines.",
            new[] { "164.404", "164.410" }),
    };
}
