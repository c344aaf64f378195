using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using Compliance.Cli.Syntax;
using Compliance.Engine;
using Compliance.Engine.Collection;

namespace Compliance.Cli.Commands;

/// <summary>
/// compliance collect [--due | --all] [--only CONTROL/REQUIREMENT] [--dry-run] [--commit] [--default-branch NAME] [--as-of YYYY-MM-DD] [--root DIR]
/// Runs the programme's declared collectors (only on the default branch). Exit 1 when any collector failed.
/// --as-of (never after today) is the day "due" is judged on and the collected_on written, as 'check --as-of' is for the check.
/// </summary>
public static class CollectCommand
{
    public static Command Create(TextWriter output, Func<DateTimeOffset> now, Func<string, string?> readEnvironment)
    {
        var command = new Command("collect", "Runs the programme's declared evidence collectors, on the default branch only. Exit 1 when any collector failed.")
        {
            CliOptions.Flag("--due", "Run the collectors whose evidence is due (the default)."),
            CliOptions.Flag("--all", "Run every declared collector."),
            CliOptions.Value("--only", "CONTROL/REQUIREMENT", "Run only the collector of this requirement."),
            CliOptions.Flag("--dry-run", "Say what would be collected, and collect nothing."),
            CliOptions.Flag("--commit", "Commit the collected evidence."),
            CliOptions.Value("--default-branch", "NAME", "The branch collectors may run on (default: the repository's default branch)."),
            CliOptions.AsOf("The day 'due' is judged on and collected_on is written (never after today; default: today in UTC)."),
            CliOptions.Root(),
        };
        command.SetAction(parsed => Execute(new ParsedArguments(parsed), output, now, readEnvironment));
        return command;
    }

    public static int Run(IReadOnlyList<string> args, TextWriter output, Func<DateTimeOffset> now, Func<string, string?> readEnvironment) =>
        CommandInvoker.Run(Create(output, now, readEnvironment), args);

    private static int Execute(ParsedArguments arguments, TextWriter output, Func<DateTimeOffset> now, Func<string, string?> readEnvironment)
    {
        if (arguments.Flag("--due") && arguments.Flag("--all"))
        {
            throw new UsageException("collect takes --due or --all, not both.");
        }

        var mode = arguments.Flag("--all") ? CollectionMode.All : CollectionMode.Due;
        var root = Roots.Resolve(arguments.Value("--root"));
        var today = DateOnly.FromDateTime(now().UtcDateTime);
        var asOf = Clock.ResolveAsOf(arguments.Value("--as-of"), () => now().UtcDateTime);
        if (asOf > today)
        {
            throw new UsageException($"--as-of {asOf:yyyy-MM-dd} lies after today ({today:yyyy-MM-dd}): evidence cannot be collected in the future.");
        }

        Func<DateTimeOffset> collectionClock = asOf == today ? now : () => new DateTimeOffset(asOf.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        var check = ComplianceCheck.Run(new CheckOptions(root, asOf));
        var planned = CollectionPlan.Select(check, mode, arguments.Value("--only"));
        if (arguments.Value("--only") is { } only && planned.Count == 0 && mode == CollectionMode.All)
        {
            throw new UsageException($"No declared collector for '{only}': --only takes CONTROL/REQUIREMENT of a requirement with a collector.");
        }

        if (arguments.Flag("--dry-run"))
        {
            foreach (var item in planned)
            {
                output.WriteLine($"would run {item.Key}: {item.Collector.CollectorId} {(item.Collector.Builtin is { } builtin ? "built-in " + Model.Documents.Vocabulary<Model.Documents.BuiltinCollector>.Spell(builtin) : string.Join(' ', item.Collector.Run))} (evidence {item.State}{(item.IsDue ? string.Empty : ", not due")})");
            }

            output.WriteLine($"{planned.Count} collector(s) would run.");
            return 0;
        }

        if (CollectionCommit.BranchRefusal(root, arguments.Value("--default-branch")) is { } refusal)
        {
            output.WriteLine($"compliance: error: {refusal}");
            return 1;
        }

        var outcomes = EvidenceCollection.Run(root, check.Programme, planned, collectionClock, readEnvironment);
        foreach (var outcome in outcomes)
        {
            output.WriteLine(outcome.Collected
                ? $"collected {outcome.Planned.Key}: {outcome.Stored!.Artifact} ({outcome.Run.OutputBytes} bytes, audit event {outcome.Event!.Seq})"
                : $"compliance: error: collector {outcome.Planned.Collector.CollectorId} for {outcome.Planned.Key} failed ({outcome.Run.Failure}): {outcome.Run.Message}{(outcome.Run.ErrorOutput.Length > 0 ? $" Its error output: {outcome.Run.ErrorOutput.ReplaceLineEndings(" ")}" : string.Empty)}");
        }

        var collected = outcomes.Where(o => o.Collected).ToList();
        if (arguments.Flag("--commit") && collected.Count > 0)
        {
            output.WriteLine($"committed {CollectionCommit.Commit(root, collected, now())[..12]}: {collected.Count} artifact(s)");
        }

        output.WriteLine($"{collected.Count} collected, {outcomes.Count - collected.Count} failed, {planned.Count} planned.");
        return collected.Count == outcomes.Count ? 0 : 1;
    }
}
