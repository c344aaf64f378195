using System.Linq;
using Compliance.Model.Binding;
using Compliance.Model.Text;

namespace Compliance.Model.Documents;

/// <summary>
/// How an evidence requirement's artifact is produced by 'compliance collect': the job that signs
/// the sidecar, the command (an argv array, never a shell string), the artifact's file name and the
/// limits the command runs under. The build never runs it; it only checks what it produced.
/// </summary>
public sealed record CollectorDefinition(
    Located Job,
    EquatableArray<string> Run,
    Located Output,
    int TimeoutSeconds,
    EquatableArray<Located> Environment,
    SourceSpan Span)
{
    /// <summary>The placeholder in <see cref="Output"/> replaced by the collection date (YYYY-MM-DD).</summary>
    public const string DatePlaceholder = "{date}";

    /// <summary>The placeholder in <see cref="Run"/> replaced by the path the command writes the artifact to; without it, standard output is the artifact.</summary>
    public const string OutputPlaceholder = "{output}";

    public const int DefaultTimeoutSeconds = 120;

    public const int MaxTimeoutSeconds = 3600;

    /// <summary>The sidecar's collector value: job:NAME.</summary>
    public string CollectorId => Linking.ProgrammeLinker.JobCollectorPrefix + Job.Value;

    /// <summary>The built-in collector that produces the artifact; null when <see cref="Run"/> is a command.</summary>
    public BuiltinCollector? Builtin { get; init; }

    /// <summary>git-history: the branch whose history is read; null: the default branch.</summary>
    public Located? Branch { get; init; }

    /// <summary>git-history: how many days back from the collection day the period reaches.</summary>
    public int PeriodDays { get; init; } = DefaultPeriodDays;

    /// <summary>git-history: an ssh allowed_signers file (repo-relative) against which commit signatures are verified; null: signatures are only found, not verified.</summary>
    public Located? AllowedSigners { get; init; }

    /// <summary>tls: a PEM file (repo-relative) of the roots the endpoints' certificates chain to; null: the system's roots.</summary>
    public Located? CaFile { get; init; }

    /// <summary>Keys given that this collector does not use (a run: beside a builtin:, another built-in's option); the check warns of each (CMP1111).</summary>
    public EquatableArray<Located> Ignored { get; init; } = EquatableArray<Located>.Empty;

    public const int DefaultPeriodDays = 90;

    /// <summary>True when the command writes the artifact to the {output} path instead of standard output.</summary>
    public bool WritesOutputFile => Run.Any(a => a.Contains(OutputPlaceholder));
}
