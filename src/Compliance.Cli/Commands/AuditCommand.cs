using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json;
using Compliance.Cli.Syntax;
using Compliance.Engine.Audit;
using Compliance.Engine.Checks;
using Compliance.Engine.Json;
using Compliance.Engine.Loading;
using Compliance.Model.Diagnostics;

namespace Compliance.Cli.Commands;

/// <summary>compliance audit append | verify | query: the audit log's sub-commands (see 'compliance audit --help').</summary>
public static class AuditCommand
{
    private static readonly JsonSerializerOptions QueryJson = JsonMetadata.From(CliJson.Default, new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    });

    public static Command Create(TextWriter output, Func<DateTimeOffset> now, TextWriter? errors = null)
    {
        var append = new Command("append", "Appends an event to the hash-chained audit log (the work tree's, or the shared one with --push).")
        {
            CliOptions.Value("--type", "TYPE", "The event's type, for example deploy or access-review (required; gate-decision events come from 'compliance gate' only)."),
            CliOptions.Value("--actor", "ID", "Who acted: a person in the workforce registry, or job:NAME (required)."),
            CliOptions.Value("--artifact", "sha256:HEX", "The digest of the artifact the event is about."),
            CliOptions.Value("--field", "KEY=VALUE", "A field of the event; repeat it for more."),
            CliOptions.Root(),
        };
        foreach (var option in AuditAppendTarget.Options())
        {
            append.Options.Add(option);
        }

        append.SetAction(parsed => Append(new ParsedArguments(parsed), output, now));
        var verify = new Command("verify", "Verifies the audit log's hash chain, history and signatures, and with --anchors its outside copy of anchors.")
        {
            CliOptions.Value("--anchors", "DIR", "Also check the log against the anchors copied outside the repository (audit anchor --copy-to DIR)."),
            CliOptions.Root(),
        };
        verify.SetAction(parsed => Verify(new ParsedArguments(parsed), output));
        var query = new Command("query", "Lists the audit log's events that match every filter given, each with the gate decision it went through.")
        {
            CliOptions.Value("--artifact", "sha256:HEX", "Only events about this artifact digest."),
            CliOptions.Value("--actor", "ID", "Only events by this actor (case-insensitive)."),
            CliOptions.Value("--type", "TYPE", "Only events of this type."),
            CliOptions.Value("--since", "YYYY-MM-DD", "Only events on or after this day (UTC)."),
            CliOptions.Value("--until", "YYYY-MM-DD", "Only events on or before this day (UTC)."),
            CliOptions.Value("--format", "text|json", "The output format (default: text).", "text", "json"),
            CliOptions.Root(),
        };
        query.SetAction(parsed => Query(new ParsedArguments(parsed), output, errors ?? Console.Error));
        var audit = new Command("audit", "Appends to, verifies, queries and anchors the programme's audit log.") { append, verify, query, AuditAnchorCommand.Create(output, now) };
        CommandInvoker.RequireSubcommand(audit, "audit takes append, verify, query or anchor.");
        return audit;
    }

    public static int Run(IReadOnlyList<string> args, TextWriter output, Func<DateTimeOffset> now, TextWriter? errors = null) =>
        CommandInvoker.Run(Create(output, now, errors), args);

    private static int Append(ParsedArguments arguments, TextWriter output, Func<DateTimeOffset> now)
    {
        var root = Roots.Resolve(arguments.Value("--root"));
        var target = AuditAppendTarget.From(arguments);
        var type = arguments.Value("--type") ?? throw new UsageException("--type is required.");
        if (type == AuditEventTypes.GateDecision)
        {
            throw new UsageException("gate-decision events are written by 'compliance gate' only.");
        }

        var actor = arguments.Value("--actor") ?? throw new UsageException("--actor is required.");
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in arguments.Values("--field"))
        {
            var equals = field.IndexOf('=');
            if (equals <= 0)
            {
                throw new UsageException($"--field takes key=value, not '{field}'.");
            }

            fields[field.Substring(0, equals)] = field.Substring(equals + 1);
        }

        // Sanctions (164.308(a)(1)(ii)(C)): a revoked person is denied by every command that takes an actor.
        var programme = ProgrammeLoader.Load(root);
        if (Actors.Refusal(programme, actor, DateOnly.FromDateTime(now().UtcDateTime)) is { } refusal)
        {
            output.WriteLine(refusal);
            return 1;
        }

        try
        {
            var (appended, where) = target.Append(root, programme.Programme, type, actor, Artifacts.Validate(arguments.Value("--artifact")), fields, now);
            output.WriteLine($"appended {appended.Type} event seq {appended.Seq} {appended.Hash} id {appended.Id} to {where}");
            return 0;
        }
        catch (Engine.Audit.Remote.AuditRemoteException ex)
        {
            output.WriteLine(AuditAppendTarget.Failure(ex));
            return 1;
        }
    }

    private static int Verify(ParsedArguments arguments, TextWriter output)
    {
        var root = Roots.Resolve(arguments.Value("--root"));
        var programme = ProgrammeLoader.Load(root);
        var keyProblems = AuditLogIntegrity.KeyProblems(programme);
        var (result, failure, source, events) = AuditLogIntegrity.VerifyAndRead(root, programme);
        if (failure is not null)
        {
            output.WriteLine(failure);
            keyProblems.ForEach(output.WriteLine);
            return 1;
        }

        var problems = keyProblems;
        problems.AddRange(AuditLogIntegrity.SignatureProblems(programme, source, events));
        if (arguments.Value("--anchors") is { } anchors)
        {
            problems.AddRange(AuditLogIntegrity.OutsideAnchorProblems(programme, Path.GetFullPath(anchors), events));
        }

        foreach (var problem in problems)
        {
            output.WriteLine(problem);
        }

        output.WriteLine($"{source}: {result.Message}");
        return problems.Count == 0 ? 0 : 1;
    }

    private static int Query(ParsedArguments arguments, TextWriter output, TextWriter errors)
    {
        var root = Roots.Resolve(arguments.Value("--root"));
        var format = arguments.Value("--format") ?? "text";
        if (format is not ("text" or "json"))
        {
            throw new UsageException($"--format takes text or json, not '{format}'.");
        }

        var programme = ProgrammeLoader.Load(root);
        var (exitCode, events) = AuditLogIntegrity.ReadChecked(root, programme, errors, "audit query");
        var signers = Engine.Audit.Signing.SignatureVerifier.Verify(events, programme).ToDictionary(v => v.EventHash, StringComparer.Ordinal);
        var byHash = events.ToDictionary(e => e.Hash, StringComparer.Ordinal);
        var artifact = Artifacts.Validate(arguments.Value("--artifact"));
        var actor = arguments.Value("--actor");
        var type = arguments.Value("--type");
        var since = Dates.Parse(arguments.Value("--since"), "--since");
        var until = Dates.Parse(arguments.Value("--until"), "--until");
        var matches = events.Where(e =>
                (artifact is null || e.Artifact == artifact)
                && (actor is null || string.Equals(e.Actor, actor, StringComparison.OrdinalIgnoreCase))
                && (type is null || e.Type == type)
                && (since is null || DateOnly.FromDateTime(e.Time.UtcDateTime) >= since)
                && (until is null || DateOnly.FromDateTime(e.Time.UtcDateTime) <= until))
            .ToList();

        var rows = matches.Select(e =>
        {
            var gate = e.Field(AuditEventTypes.DecisionField) is { } hash && byHash.TryGetValue(hash, out var decision) ? decision : null;
            return new QueryRow(e.Seq, e.Time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture), e.Type, e.Actor, e.Artifact, new SortedDictionary<string, string>(e.Fields.ToDictionary(f => f.Key, f => f.Value), StringComparer.Ordinal), e.Hash,
                signers.TryGetValue(e.Hash, out var signed) ? new QuerySignature(signed.State.ToString(), signed.Signer, signed.KeyId) : null,
                gate is null ? null : new QueryGate(gate.Seq, gate.Hash, gate.Field(AuditEventTypes.VerdictField) ?? "?", gate.Actor, gate.Time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture), gate.Field("runner"), gate.Field(AuditEventTypes.ReasonsField)));
        }).ToList();

        if (format == "json")
        {
            output.WriteLine(JsonSerializer.Serialize(rows, JsonMetadata.Of<List<QueryRow>>(QueryJson)));
            return exitCode;
        }

        output.WriteLine($"{rows.Count} event(s)");
        foreach (var row in rows)
        {
            var what = row.Type == AuditEventTypes.Deploy ? "deployed" : row.Type;
            output.Write($"{row.Time}  #{row.Seq}  {row.Actor} {what}{(row.Artifact is null ? string.Empty : $" {row.Artifact}")}");
            foreach (var field in row.Fields.Where(f => f.Key != AuditEventTypes.DecisionField))
            {
                output.Write($"  {field.Key}={field.Value}");
            }

            output.WriteLine();
            if (row.Signature is { State: not "Unsigned" } signature)
            {
                output.WriteLine($"    signature: {signature.State.ToLowerInvariant()}{(signature.Signer is null ? string.Empty : $" by {signature.Signer}")}");
            }

            if (row.Gate is { } g)
            {
                output.WriteLine($"    through gate decision #{g.Seq} ({g.Decision}) by {g.Actor} at {g.Time} on runner {g.Runner}{(g.Reasons is null ? string.Empty : $": {g.Reasons}")}");
            }
            else if (row.Fields.ContainsKey(AuditEventTypes.DecisionField))
            {
                output.WriteLine($"    gate decision {row.Fields[AuditEventTypes.DecisionField]} is NOT in the log");
            }
        }

        return exitCode;
    }

    internal sealed record QueryRow(long Seq, string Time, string Type, string Actor, string? Artifact, SortedDictionary<string, string> Fields, string Hash, QuerySignature? Signature, QueryGate? Gate);

    /// <summary>The engine's verdict on the event's signature (state as the SignatureState name) and who signed.</summary>
    internal sealed record QuerySignature(string State, string? Signer, string? Key);

    internal sealed record QueryGate(long Seq, string Hash, string Decision, string Actor, string Time, string? Runner, string? Reasons);
}

internal static class Dates
{
    public static DateOnly? Parse(string? value, string option) => value is null
        ? null
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", out var date) ? date : throw new UsageException($"{option} takes a date as YYYY-MM-DD, not '{value}'.");
}

/// <summary>Workforce sanctions for commands that take an actor: unknown or revoked actors are refused (automated jobs are job:NAME).</summary>
internal static class Actors
{
    public static string? Refusal(string root, string actor, DateOnly day) =>
        actor.StartsWith(Model.Linking.ProgrammeLinker.JobCollectorPrefix, StringComparison.Ordinal) ? null : Refusal(ProgrammeLoader.Load(root), actor, day);

    public static string? Refusal(Model.Linking.LinkedProgramme programme, string actor, DateOnly day)
    {
        if (actor.StartsWith(Model.Linking.ProgrammeLinker.JobCollectorPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var person = CheckContext.FindActor(programme, actor);
        if (person is null)
        {
            return $"deny {Rules.DeployActorUnknown.Id}: actor '{actor}' is not in the workforce registry.";
        }

        return CheckContext.IsActiveOn(person, day) ? null : $"deny {Rules.DeployActorRevoked.Id}: actor '{actor}' was revoked on {person.RevokedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}.";
    }
}
