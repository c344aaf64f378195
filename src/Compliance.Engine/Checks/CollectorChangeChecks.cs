using System;
using System.Linq;
using Compliance.Engine.Git;
using Compliance.Model.Diagnostics;
using Compliance.Model.Documents;

namespace Compliance.Engine.Checks;

/// <summary>
/// Calls out every collector whose command differs from the base version: the command runs with the
/// collecting job's credentials, so a reviewer must see the change, not find it in a YAML diff.
/// </summary>
public static class CollectorChangeChecks
{
    public static void Run(CheckContext context, BaseCollectors? baseline)
    {
        if (baseline is null)
        {
            return;
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
                }
                else if (!SameCommand(before, collector))
                {
                    context.Report(Rules.CollectorCommandChanged, collector.Span, key,
                        $"The collector of '{key}' changed since {baseline.BaseName}: it ran {Describe(before)}; it will run {Describe(collector)}.");
                }
            }
        }
    }

    private static bool SameCommand(CollectorDefinition a, CollectorDefinition b) =>
        a.Job.Value == b.Job.Value
        && a.Run.SequenceEqual(b.Run)
        && a.Environment.Select(e => e.Value).SequenceEqual(b.Environment.Select(e => e.Value))
        && a.Output.Value == b.Output.Value;

    private static string Describe(CollectorDefinition collector) =>
        $"[{string.Join(", ", collector.Run)}] as {collector.CollectorId} with env [{string.Join(", ", collector.Environment.Select(e => e.Value))}]";
}
