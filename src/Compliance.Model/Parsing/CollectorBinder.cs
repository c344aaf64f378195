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

        var job = reader.Reference("job", required: true);
        var run = reader.Strings("run", required: true);
        var output = reader.Reference("output", required: true);
        var timeout = reader.Int("timeout_seconds", required: false, 1, CollectorDefinition.MaxTimeoutSeconds) ?? CollectorDefinition.DefaultTimeoutSeconds;
        var environment = reader.References("env");
        reader.Finish();

        // The artifact lands in the requirement's own folder: a name, never a path that could leave evidence/.
        if (output is not null && (output.Value.IndexOfAny(new[] { '/', '\\' }) >= 0 || output.Value.StartsWith(".", StringComparison.Ordinal)))
        {
            reader.Report(Rules.InvalidValue, output.Span,
                $"The output '{output.Value}' of {reader.What} is not a plain file name: the artifact is written into the requirement's folder under evidence/.",
                "Write a file name such as 'export-{date}.json', without '/', '\\' or a leading '.'.");
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

    /// <summary>The only character an environment variable's name cannot hold is '=' (IDs already exclude white space and control characters).</summary>
    private static bool IsVariableName(string name) => name.Length > 0 && name.IndexOf('=') < 0;
}
