using System;
using System.Linq;
using Compliance.Model.Binding;
using Compliance.Model.Diagnostics;
using Compliance.Model.Documents;
using Compliance.Model.Text;

namespace Compliance.Model.Parsing;

/// <summary>Binds the optional 'collector:' mapping of an evidence requirement.</summary>
internal static class CollectorBinder
{
    public static CollectorDefinition? Bind(MappingReader requirement)
    {
        var reader = requirement.Mapping("collector", required: false, $"the collector of {requirement.What}");
        if (reader is null)
        {
            return null;
        }

        var builtinName = reader.Enum("builtin", required: false, BuiltinCollectors.All);
        BuiltinCollector? builtin = builtinName is null ? null : Vocabulary<BuiltinCollector>.Parse(builtinName);
        var job = reader.Reference("job", required: builtin is null && !reader.Has("builtin"));
        var run = reader.Strings("run", required: builtin is null && !reader.Has("builtin"));
        var output = reader.Reference("output", required: builtin is null && !reader.Has("builtin"));
        var timeout = reader.Int("timeout_seconds", required: false, 1, CollectorDefinition.MaxTimeoutSeconds) ?? CollectorDefinition.DefaultTimeoutSeconds;
        var environment = reader.References("env");
        var branch = reader.Reference("branch", required: false);
        var period = reader.Int("period_days", required: false, 1, 3650);
        var allowedSigners = reader.Reference("allowed_signers", required: false);
        var caFile = reader.Reference("ca_file", required: false);
        reader.Finish();

        if (builtin is { } chosen)
        {
            if (!run.IsEmpty)
            {
                reader.Report(Rules.InvalidValue, reader.ValueSpan("run") ?? reader.Span,
                    $"The collector of {reader.What} gives both builtin: {builtinName} and run: a built-in collector runs no command.",
                    "Remove run (and env), or remove builtin to run a command of your own.");
                return null;
            }

            foreach (var (key, value, only) in new[] { ("branch", branch, BuiltinCollector.GitHistory), ("allowed_signers", allowedSigners, BuiltinCollector.GitHistory), ("ca_file", caFile, BuiltinCollector.Tls) })
            {
                if (value is not null && chosen != only)
                {
                    reader.Report(Rules.InvalidValue, value.Span, $"'{key}' in the collector of {reader.What} applies only to builtin: {Vocabulary<BuiltinCollector>.Spell(only)}.", $"Remove '{key}'.");
                    return null;
                }
            }

            var name = job ?? new Located(builtinName!, reader.Span);
            var fileName = output ?? new Located(BuiltinCollectors.DefaultOutput(chosen), reader.Span);
            if (IsPlainName(reader, fileName))
            {
                return new CollectorDefinition(name, EquatableArray<string>.Empty, fileName, timeout, EquatableArray<Located>.Empty, reader.Span)
                {
                    Builtin = chosen,
                    Branch = branch,
                    PeriodDays = period ?? CollectorDefinition.DefaultPeriodDays,
                    AllowedSigners = allowedSigners,
                    CaFile = caFile,
                };
            }
        }
        else if (new[] { "branch", "period_days", "allowed_signers", "ca_file" }.FirstOrDefault(reader.Has) is { } stray)
        {
            reader.Report(Rules.InvalidValue, reader.ValueSpan(stray) ?? reader.Span, $"The collector of {reader.What} runs a command: branch, period_days, allowed_signers and ca_file apply only to a builtin collector.", "Remove them, or use builtin: git-history or builtin: tls.");
            return null;
        }

        if (output is not null && !IsPlainName(reader, output))
        {
            output = null;
        }

        foreach (var variable in environment.Where(v => !IsVariableName(v.Value)))
        {
            reader.Report(Rules.InvalidValue, variable.Span, $"'{variable.Value}' in the env of {reader.What} is not an environment variable name.", "Write the variable's name alone, without '=' or a value.");
            environment = EquatableArray<Located>.Empty;
        }

        return job is null || run.IsEmpty || output is null
            ? null
            : new CollectorDefinition(job, run, output, timeout, environment, reader.Span);
    }

    /// <summary>The artifact lands in the requirement's own folder: a name, never a path that could leave evidence/.</summary>
    private static bool IsPlainName(MappingReader reader, Located output)
    {
        if (output.Value.IndexOfAny(new[] { '/', '\\' }) < 0 && !output.Value.StartsWith(".", StringComparison.Ordinal))
        {
            return true;
        }

        reader.Report(Rules.InvalidValue, output.Span,
            $"The output '{output.Value}' of {reader.What} is not a plain file name: the artifact is written into the requirement's folder under evidence/.",
            "Write a file name such as 'export-{date}.json', without '/', '\\' or a leading '.'.");
        return false;
    }

    /// <summary>The only character an environment variable's name cannot hold is '=' (IDs already exclude white space and control characters).</summary>
    private static bool IsVariableName(string name) => name.Length > 0 && name.IndexOf('=') < 0;
}
