using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using Compliance.Cli.Syntax;
using Compliance.Engine.Audit;
using Compliance.Engine.Audit.Remote;
using Compliance.Model.Diagnostics;
using Compliance.Model.Documents;

namespace Compliance.Cli.Commands;

/// <summary>
/// Where 'audit append' and 'gate' write an event: with --push, the shared log on the programme's ref
/// (audit_log.ref), else the work tree's log. Shared so the two commands accept the same options.
/// </summary>
internal sealed record AuditAppendTarget(bool Push, string? Remote, string Id, int Attempts)
{
    /// <summary>The private key file that signs the event (--sign-key, else COMPLIANCE_SIGN_KEY); null: unsigned.</summary>
    public string? SignKey { get; init; }

    /// <summary>Where <see cref="SignKey"/> came from, so an error names what the user set: the option or the variable.</summary>
    public string SignKeySource { get; init; } = "--sign-key";

    public const string PushFlag = "--push";

    /// <summary>The options of the target, declared once for 'audit append' and 'gate'.</summary>
    public static IEnumerable<Option> Options() => new Option[]
    {
        CliOptions.Flag(PushFlag, "Append to the shared log on the programme's audit_log.ref and push it."),
        CliOptions.Value("--remote", "NAME", "The git remote to push the shared log to (with --push; default: the one audit_log names)."),
        CliOptions.Value("--attempts", "N", "How many times to retry a push that lost a race (with --push; 1 to 1000)."),
        CliOptions.Value("--id", "EVENT-ID", "The event's ID, so that a rerun appends it only once (default: a fresh one)."),
        CliOptions.Value("--sign-key", "FILE", $"Sign the event with this ECDSA P-256 private key (PEM; default: the file {Engine.Audit.Signing.EventSigner.KeyFileVariable} names)."),
    };

    public static AuditAppendTarget From(ParsedArguments arguments)
    {
        var attempts = arguments.Value("--attempts") is { } text
            ? int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 1000 ? n : throw new UsageException($"--attempts takes a whole number from 1 to 1000, not '{text}'.")
            : RefAppender.DefaultAttempts;
        var push = arguments.Flag(PushFlag);
        if (!push && (arguments.Value("--remote") is not null || arguments.Value("--attempts") is not null))
        {
            throw new UsageException("--remote and --attempts go with --push.");
        }

        // A fresh ID per invocation; CI passes its own (for example run ID, attempt and step) to make a rerun idempotent.
        var id = arguments.Value("--id") ?? Guid.NewGuid().ToString("N");
        if (id.Length is 0 or > 128 || id.Trim() != id)
        {
            throw new UsageException($"--id takes 1 to 128 characters without surrounding spaces, not '{id}'.");
        }

        var variable = Engine.Audit.Signing.EventSigner.KeyFileVariable;
        var (signKey, source) = arguments.Value("--sign-key") is { } option ? (option, "--sign-key")
            : Environment.GetEnvironmentVariable(variable) is { Length: > 0 } fromEnvironment ? (fromEnvironment, variable)
            : ((string?)null, "--sign-key");
        return new AuditAppendTarget(push, arguments.Value("--remote"), id, attempts) { SignKey = signKey, SignKeySource = source };
    }

    /// <summary>Appends the event; a push that cannot land is an AuditRemoteException whose message says why.</summary>
    public (AuditEvent Event, string Where) Append(string root, ProgrammeDefinition? programme, string type, string actor, string? artifact, IReadOnlyDictionary<string, string> fields, Func<DateTimeOffset> now)
    {
        using var signer = Signer();
        if (!Push)
        {
            return (AuditLog.ForRoot(root).Append(type, actor, artifact, fields, now, id: Id, signer: signer), AuditLog.DefaultPath);
        }

        var definition = programme?.AuditLog ?? throw new UsageException("--push appends to the shared log, so the programme must name its ref: add 'audit_log: { ref: refs/heads/compliance-audit }' to controls/programme.yaml.");
        var gitRef = AuditRef.Of(definition) with { Remote = Remote ?? definition.Remote };
        var result = new RefAppender(root, gitRef, now).Append(new AppendRequest(type, actor, artifact, fields, Id) { Signer = signer }, Attempts);
        var where = result.AlreadyLanded
            ? $"{gitRef.Name} on {gitRef.Remote} (already landed by an earlier attempt)"
            : $"{gitRef.Name} on {gitRef.Remote} after {result.Attempts} attempt(s), commit {result.Commit[..12]}";
        return (result.Event, where);
    }

    /// <summary>The signer of --sign-key (or the variable); a key file that cannot sign is a usage error, never an unsigned event.</summary>
    private Engine.Audit.Signing.EventSigner? Signer()
    {
        try
        {
            return SignKey is null ? null : Engine.Audit.Signing.EventSigner.FromFile(SignKey);
        }
        catch (InvalidDataException ex)
        {
            throw new UsageException($"{SignKeySource}: {ex.Message}");
        }
    }

    /// <summary>The canonical error line for a push that did not land.</summary>
    public static string Failure(AuditRemoteException ex) =>
        $"compliance: error {Rules.AuditLogPushFailed.Id}: {ex.Message} Fix: {Rules.AuditLogPushFailed.Fix}";
}
