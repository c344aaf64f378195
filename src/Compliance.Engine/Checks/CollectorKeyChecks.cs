using Compliance.Model.Diagnostics;
using Compliance.Model.Documents;

namespace Compliance.Engine.Checks;

/// <summary>
/// Warns of each collector key that its kind ignores (CMP1111): a run: beside a builtin: never runs, and a
/// built-in's option on another kind of collector changes nothing, so the reader must not think it does.
/// </summary>
public static class CollectorKeyChecks
{
    public static void Run(CheckContext context)
    {
        foreach (var control in context.Programme.Controls)
        {
            foreach (var requirement in control.Evidence)
            {
                if (requirement.Collector is not { } collector)
                {
                    continue;
                }

                var key = $"{control.Id.Value}/{requirement.Id.Value}";
                var kind = collector.Builtin is { } builtin ? $"the built-in {Vocabulary<BuiltinCollector>.Spell(builtin)} collector" : "a command collector";
                foreach (var ignored in collector.Ignored)
                {
                    context.Report(Rules.CollectorKeyIgnored, ignored.Span, key,
                        $"The collector of '{key}' is {kind}, which does not use '{ignored.Value}': it is ignored.");
                }
            }
        }
    }
}
