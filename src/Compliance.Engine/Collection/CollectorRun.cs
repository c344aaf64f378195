namespace Compliance.Engine.Collection;

public enum CollectorFailure
{
    None,
    CouldNotStart,
    NonZeroExit,
    TimedOut,
    NoOutput,
    OutputTooLarge,
    OutputOutsideEvidence,
    ArtifactExists,

    /// <summary>A built-in collector could not read what it collects (no endpoint, no branch, an unreadable file).</summary>
    BuiltinFailed,
}

/// <summary>How one collector's command ended: its failure (None when it produced an artifact), exit code and the start of its standard error.</summary>
public sealed record CollectorRun(CollectorFailure Failure, int? ExitCode, long OutputBytes, string ErrorOutput, string Message)
{
    public bool Succeeded => Failure == CollectorFailure.None;
}

/// <summary>The limits every collector runs under: one definition, used by 'collect' and its tests.</summary>
public static class CollectorLimits
{
    /// <summary>The largest artifact a collector may produce: evidence is small text (evidence/README.md).</summary>
    public const long MaxOutputBytes = 16L * 1024 * 1024;

    /// <summary>How much of a failing command's standard error is shown.</summary>
    public const int ErrorOutputChars = 2000;
}
