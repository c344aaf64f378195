using System;
using System.Collections.Generic;
using System.Linq;
using Compliance.Engine.Evidence;
using Compliance.Engine.Git;
using Compliance.Model.Diagnostics;
using Compliance.Model.Documents;
using Compliance.Model.Linking;
using Compliance.Model.Text;

namespace Compliance.Engine.Checks;

/// <summary>The inputs every gate check reads, and the findings they add.</summary>
public sealed class CheckContext
{
    public CheckContext(CheckOptions options, LinkedProgramme programme, Provenance provenance, IReadOnlyList<Artifact> artifacts)
    {
        Options = options;
        Programme = programme;
        Provenance = provenance;
        Artifacts = artifacts;
    }

    public CheckOptions Options { get; }

    public DateOnly AsOf => Options.AsOf;

    public LinkedProgramme Programme { get; }

    public Provenance Provenance { get; }

    public IReadOnlyList<Artifact> Artifacts { get; }

    public List<Finding> Findings { get; } = new();

    public PersonDefinition? Person(string? id) => Programme.Lookups.Person(id);

    /// <summary>Whether a person may act on a day: active, or revoked only from a later day.</summary>
    public static bool IsActiveOn(PersonDefinition person, DateOnly day) =>
        person.Status == PersonStatuses.Active || (person.RevokedOn is { } revoked && day < DateOnly.FromDateTime(revoked));

    public void Report(Rule rule, SourceSpan? location, string target, string message, Severity? severity = null) =>
        Findings.Add(rule.At(location, severity ?? rule.Severity, message) with { Target = target });

    public static DateOnly Day(DateTime date) => DateOnly.FromDateTime(date);

    /// <summary>The person an actor names: their e-mail (any case) or their ID. Null for anyone else.</summary>
    public static PersonDefinition? FindActor(LinkedProgramme programme, string actor) => programme.Lookups.Actor(actor);

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
