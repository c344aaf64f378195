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
            var name = job ?? new Located(builtinName!, reader.Span);
            var fileName = output ?? new Located(BuiltinCollectors.DefaultOutput(chosen), reader.Span);
            return IsPlainName(reader, fileName)
                ? new CollectorDefinition(name, EquatableArray<string>.Empty, fileName, timeout, EquatableArray<Located>.Empty, reader.Span)
                {
                    Builtin = chosen,
                    Branch = branch,
                    PeriodDays = period ?? CollectorDefinition.DefaultPeriodDays,
                    AllowedSigners = allowedSigners,
                    CaFile = caFile,
                    // The built-in runs and nothing else does: a command or another built-in's option is ignored, and the check says so (CMP1111).
                    Ignored = Ignored(reader, chosen == BuiltinCollector.Tls ? new[] { "run", "env", "branch", "period_days", "allowed_signers" } : new[] { "run", "env", "ca_file" }),
                }
                : null;
        }

        var ignored = Ignored(reader, new[] { "branch", "period_days", "allowed_signers", "ca_file" });
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
            : new CollectorDefinition(job, run, output, timeout, environment, reader.Span) { Ignored = ignored };
    }

    /// <summary>The keys given that this kind of collector does not use, at their positions.</summary>
    private static EquatableArray<Located> Ignored(MappingReader reader, string[] keys) => keys
        .Where(reader.Has)
        .Select(k => new Located(k, reader.ValueSpan(k) ?? reader.Span))
        .ToEquatableArray();

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
