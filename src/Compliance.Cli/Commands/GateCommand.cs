using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json;
using Compliance.Cli.Syntax;
using Compliance.Engine.Audit;
using Compliance.Engine.Deploy;
using Compliance.Engine.Loading;

namespace Compliance.Cli.Commands;

/// <summary>
/// compliance gate --actor EMAIL --service ID [--service ID ...] --runner ID [--runner-signed] [--artifact sha256:...]
///                 [--as-of YYYY-MM-DD] [--root DIR] [--context FILE|-] [--idp-export SCIM.json] [--push [--remote NAME] [--attempts N]] [--id ID]
/// Allows or denies a deploy (exit 0 or 1), one line per deny reason, and records the decision in the audit log.
/// </summary>
public static class GateCommand
{
    public static Command Create(TextReader input, TextWriter output, Func<DateTimeOffset> now)
    {
        var command = new Command("gate", "Allows or denies a deploy (exit 0 or 1), one line per reason to deny, and records the decision in the audit log.")
        {
            CliOptions.Value("--actor", "EMAIL", "Who deploys (required unless --context is given)."),
            CliOptions.Value("--service", "ID", "A service the deploy touches; repeat it for more."),
            CliOptions.Value("--runner", "ID", "The CI runner that deploys (required unless --context is given)."),
            CliOptions.Flag("--runner-signed", "The runner's identity is attested by a signature."),
            CliOptions.Value("--artifact", "sha256:HEX", "The digest of the artifact being deployed."),
            CliOptions.AsOf("The day to decide as of (default: today in UTC)."),
            CliOptions.Root(),
            CliOptions.Value("--context", "FILE|-", "Read the deploy's actor, services, runner and artifact from this JSON file ('-': standard input)."),
            CliOptions.Value("--idp-export", "SCIM.json", "Also deny when the identity provider's SCIM export does not entitle the actor."),
        };
        foreach (var option in AuditAppendTarget.Options())
        {
            command.Options.Add(option);
        }

        command.SetAction(parsed => Execute(new ParsedArguments(parsed), input, output, now));
        return command;
    }

    public static int Run(IReadOnlyList<string> args, TextReader input, TextWriter output, Func<DateTimeOffset> now) =>
        CommandInvoker.Run(Create(input, output, now), args);

    private static int Execute(ParsedArguments arguments, TextReader input, TextWriter output, Func<DateTimeOffset> now)
    {
        var root = Roots.Resolve(arguments.Value("--root"));
        var target = AuditAppendTarget.From(arguments);
        var context = arguments.Value("--context") is { } source ? FromJson(source == "-" ? input.ReadToEnd() : File.ReadAllText(source)) : FromOptions(arguments);
        var asOf = Clock.ResolveAsOf(arguments.Value("--as-of"), () => now().UtcDateTime);

        var programme = ProgrammeLoader.Load(root);
        var decision = DeployGate.Evaluate(programme, context, asOf);
        if (arguments.Value("--idp-export") is { } idpExport)
        {
            var export = ReadExport(idpExport);
            var denials = decision.Denials.Concat(IdpEntitlement.Denials(programme, export, context.Actor)).ToList();
            decision = new GateDecision(denials.Count == 0, denials);
        }
        foreach (var denial in decision.Denials)
        {
            output.WriteLine(denial);
        }

        var fields = new Dictionary<string, string>
        {
            [AuditEventTypes.VerdictField] = decision.Verdict,
            ["runner"] = context.Runner,
            ["runner-signed"] = context.RunnerSigned ? "true" : "false",
            ["services"] = string.Join(",", context.Services),
            ["as-of"] = asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };
        if (!decision.Allowed)
        {
            fields[AuditEventTypes.ReasonsField] = string.Join("; ", decision.Denials.Select(d => $"{d.RuleId} {d.Subject}"));
        }

        output.WriteLine($"{decision.Verdict}: deploy by {context.Actor} on runner {context.Runner} touching {context.Services.Count} service(s) as of {asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}");
        AuditEvent recorded;
        string where;
        try
        {
            (recorded, where) = target.Append(root, programme.Programme, AuditEventTypes.GateDecision, context.Actor, context.Artifact, fields, now);
        }
        catch (Engine.Audit.Remote.AuditRemoteException ex)
        {
            // An unrecorded decision allows nothing: the deploy it would allow could not be traced to it.
            output.WriteLine(AuditAppendTarget.Failure(ex));
            return 1;
        }

        output.WriteLine($"recorded gate decision {recorded.Hash} (audit log seq {recorded.Seq}, id {recorded.Id}, in {where}); pass it to 'compliance audit append --type deploy --field gate-decision={recorded.Hash}'");
        return decision.Allowed ? 0 : 1;
    }

    private static Engine.Collection.ScimExport ReadExport(string path)
    {
        try
        {
            return Engine.Collection.ScimExport.Read(path);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            throw new UsageException($"--idp-export: {ex.Message}");
        }
    }

    private static DeployContext FromOptions(ParsedArguments arguments) => new(
        arguments.Value("--actor") ?? throw new UsageException("--actor is required."),
        arguments.Values("--service"),
        arguments.Value("--runner") ?? throw new UsageException("--runner is required."),
        arguments.Flag("--runner-signed"),
        Artifacts.Validate(arguments.Value("--artifact")));

    /// <summary>{"actor": "...", "services": ["..."], "runner": "...", "runnerSigned": true, "artifact": "sha256:..."}</summary>
    private static DeployContext FromJson(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            return new DeployContext(
                root.TryGetProperty("actor", out var actor) ? actor.GetString() ?? throw new UsageException("The deploy context needs an actor.") : throw new UsageException("The deploy context needs an actor."),
                root.TryGetProperty("services", out var services) ? services.EnumerateArray().Select(s => s.GetString() ?? string.Empty).ToList() : new List<string>(),
                root.TryGetProperty("runner", out var runner) ? runner.GetString() ?? string.Empty : throw new UsageException("The deploy context needs a runner."),
                root.TryGetProperty("runnerSigned", out var signed) && signed.ValueKind == JsonValueKind.True,
                Artifacts.Validate(root.TryGetProperty("artifact", out var artifact) ? artifact.GetString() : null));
        }
        catch (JsonException ex)
        {
            throw new UsageException($"The deploy context is not valid JSON: {ex.Message}");
        }
        catch (InvalidOperationException ex)
        {
            throw new UsageException($"The deploy context has a value of the wrong type: {ex.Message}");
        }
    }
}

/// <summary>Helpers the commands share.</summary>
internal static class Roots
{
    public static string Resolve(string? root)
    {
        var full = Path.GetFullPath(root ?? Directory.GetCurrentDirectory());
        return Directory.Exists(full) ? full : throw new UsageException($"The programme root '{full}' does not exist.");
    }
}

internal static class Artifacts
{
    public static string? Validate(string? artifact) =>
        artifact is null || (artifact.StartsWith("sha256:", StringComparison.Ordinal) && artifact.Length == 71 && artifact.Skip(7).All(Uri.IsHexDigit))
            ? artifact?.ToLowerInvariant()
            : throw new UsageException($"An artifact is named by its digest, sha256: followed by 64 hex digits, not '{artifact}'.");
}
