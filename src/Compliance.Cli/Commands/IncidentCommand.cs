using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json;
using Compliance.Cli.Syntax;
using Compliance.Engine.Audit;
using Compliance.Engine.Json;
using Compliance.Engine.Loading;

namespace Compliance.Cli.Commands;

/// <summary>
/// compliance incident scope --since YYYY-MM-DD --until YYYY-MM-DD [--format text|json] [--root DIR]
/// Lists the deploys, artifacts and actors in a window, from the audit log, to scope a breach investigation (164.404).
/// </summary>
public static class IncidentCommand
{
    // The names are the properties' own, camel-cased.
    private static readonly JsonSerializerOptions ScopeJson = JsonMetadata.From(CliJson.Default, new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase });

    public static Command Create(TextWriter output, TextWriter? errors = null)
    {
        var scope = new Command("scope", "Lists the deploys, artifacts and actors of a window from the audit log, to scope a breach investigation.")
        {
            CliOptions.Value("--since", "YYYY-MM-DD", "The window's first day (required)."),
            CliOptions.Value("--until", "YYYY-MM-DD", "The window's last day (required)."),
            CliOptions.Value("--format", "text|json", "The output format (default: text).", "text", "json"),
            CliOptions.Root(),
        };
        scope.SetAction(parsed => Scope(new ParsedArguments(parsed), output, errors));
        var incident = new Command("incident", "Helps investigate a security incident.") { scope };
        CommandInvoker.RequireSubcommand(incident, "incident takes scope.");
        return incident;
    }

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter? errors = null) =>
        CommandInvoker.Run(Create(output, errors), args);

    private static int Scope(ParsedArguments arguments, TextWriter output, TextWriter? errors)
    {
        var root = Roots.Resolve(arguments.Value("--root"));
        var since = Dates.Parse(arguments.Value("--since"), "--since") ?? throw new UsageException("--since is required.");
        var until = Dates.Parse(arguments.Value("--until"), "--until") ?? throw new UsageException("--until is required.");
        if (until < since)
        {
            throw new UsageException("--until is before --since.");
        }

        var (exitCode, all) = AuditLogIntegrity.ReadChecked(root, ProgrammeLoader.Load(root), errors ?? Console.Error, "incident scope");
        var events = all
            .Where(e => DateOnly.FromDateTime(e.Time.UtcDateTime) >= since && DateOnly.FromDateTime(e.Time.UtcDateTime) <= until)
            .ToList();
        var deploys = events.Where(e => e.Type == AuditEventTypes.Deploy).ToList();
        var scope = new IncidentScope(
            since.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            until.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            events.Count,
            deploys.Select(e => new ScopedDeploy(e.Seq, e.Time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture), e.Actor, e.Artifact, e.Field("runner"), e.Field(AuditEventTypes.DecisionField))).ToList(),
            events.Where(e => e.Artifact is not null).Select(e => e.Artifact!).Distinct().OrderBy(a => a, StringComparer.Ordinal).ToList(),
            events.Select(e => e.Actor).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(a => a, StringComparer.Ordinal).ToList(),
            events.Count(e => e.Type == AuditEventTypes.GateDecision && e.Field(AuditEventTypes.VerdictField) == AuditEventTypes.Deny));

        if (arguments.Value("--format") == "json")
        {
            output.WriteLine(JsonSerializer.Serialize(scope, JsonMetadata.Of<IncidentScope>(ScopeJson)));
            return exitCode;
        }

        output.WriteLine($"Incident scope {scope.Since} .. {scope.Until}: {scope.Events} event(s), {scope.Deploys.Count} deploy(s), {scope.DeniedGateDecisions} denied gate decision(s)");
        output.WriteLine($"Actors: {string.Join(", ", scope.Actors)}");
        output.WriteLine($"Artifacts: {string.Join(", ", scope.Artifacts)}");
        foreach (var deploy in scope.Deploys)
        {
            output.WriteLine($"  {deploy.Time}  #{deploy.Seq}  {deploy.Actor} deployed {deploy.Artifact} on {deploy.Runner ?? "?"} (gate {deploy.GateDecision ?? "none recorded"})");
        }

        return exitCode;
    }

    /// <summary>What --format json prints: the window, its deploys, artifacts and actors, and its denied gate decisions.</summary>
    internal sealed record IncidentScope(string Since, string Until, int Events, List<ScopedDeploy> Deploys, List<string> Artifacts, List<string> Actors, int DeniedGateDecisions);

    internal sealed record ScopedDeploy(long Seq, string Time, string Actor, string? Artifact, string? Runner, string? GateDecision);
}
