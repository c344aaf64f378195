using System;
using System.Collections.Generic;
using System.Linq;
using Compliance.Engine.Git;
using Compliance.Model.Diagnostics;
using Compliance.Model.Documents;

namespace Compliance.Engine.Checks;

public enum CollectorChangeKind
{
    /// <summary>The base version has no collector on this requirement.</summary>
    New,

    /// <summary>The base version's collector ran another command, as another job, or with other variables.</summary>
    Changed,
}

/// <summary>What a collector runs: its job, its argv (or the built-in it is) and the variables it is given.</summary>
public sealed record CollectorCommand(string Collector, IReadOnlyList<string> Argv, string? Builtin, IReadOnlyList<string> Environment)
{
    public static CollectorCommand Of(CollectorDefinition collector) => new(
        collector.CollectorId,
        collector.Run.ToList(),
        collector.Builtin is { } builtin ? Vocabulary<BuiltinCollector>.Spell(builtin) : null,
        collector.Environment.Select(e => e.Value).ToList());
}

/// <summary>One new or changed collector command (CMP1004), for the check's output and the CI summary to show.</summary>
public sealed record CollectorChange(string Requirement, CollectorChangeKind Kind, string BaseName, CollectorCommand? Before, CollectorCommand After);

/// <summary>
/// Calls out every collector whose command differs from the base version: the command runs with the
/// collecting job's credentials, so a reviewer must see the change, not find it in a YAML diff.
/// </summary>
public static class CollectorChangeChecks
{
    /// <summary>Whether any evidence requirement declares a collector: only then can one be new or changed.</summary>
    public static bool AnyCollector(Model.Linking.LinkedProgramme programme)
    {
        foreach (var control in programme.Controls)
        {
            foreach (var requirement in control.Evidence)
            {
                if (requirement.Collector is not null)
                {
                    return true;
                }
            }
        }

        return false;
    }

    public static IReadOnlyList<CollectorChange> Run(CheckContext context, BaseCollectors? baseline)
    {
        var changes = new List<CollectorChange>();
        if (baseline is null)
        {
            return changes;
        }

        foreach (var control in context.Programme.Controls)
        {
            foreach (var requirement in control.Evidence)
            {
                if (requirement.Collector is not { } collector)
                {
                    continue;
                }

                var key = $"{control.Id.Value}/{requirement.Id.Value}";
                var before = baseline.ByRequirement.TryGetValue(key, out var found) ? found : null;
                if (before is null)
                {
                    context.Report(Rules.CollectorCommandChanged, collector.Span, key,
                        $"The collector of '{key}' is new since {baseline.BaseName}: it will run {Describe(collector)}.");
                    changes.Add(new CollectorChange(key, CollectorChangeKind.New, baseline.BaseName, null, CollectorCommand.Of(collector)));
                }
                else if (!SameCommand(before, collector))
                {
                    context.Report(Rules.CollectorCommandChanged, collector.Span, key,
                        $"The collector of '{key}' changed since {baseline.BaseName}: it ran {Describe(before)}; it will run {Describe(collector)}.");
                    changes.Add(new CollectorChange(key, CollectorChangeKind.Changed, baseline.BaseName, CollectorCommand.Of(before), CollectorCommand.Of(collector)));
                }
            }
        }

        return changes;
    }

    private static bool SameCommand(CollectorDefinition a, CollectorDefinition b) =>
        a.Job.Value == b.Job.Value
        && a.Run.SequenceEqual(b.Run)
        && a.Environment.Select(e => e.Value).SequenceEqual(b.Environment.Select(e => e.Value))
        && a.Output.Value == b.Output.Value
        && a.Builtin == b.Builtin
        && a.Branch?.Value == b.Branch?.Value
        && a.PeriodDays == b.PeriodDays
        && a.AllowedSigners?.Value == b.AllowedSigners?.Value
        && a.CaFile?.Value == b.CaFile?.Value;

    private static string Describe(CollectorDefinition collector) => collector.Builtin is { } builtin
        ? $"the built-in {Vocabulary<BuiltinCollector>.Spell(builtin)} collector as {collector.CollectorId}"
        : $"[{string.Join(", ", collector.Run)}] as {collector.CollectorId} with env [{string.Join(", ", collector.Environment.Select(e => e.Value))}]";
}
