using Compliance.Model.Text;

namespace Compliance.Model.Diagnostics;

/// <summary>A rule broken at a place in a programme file, with the fix that would satisfy it.</summary>
public sealed record Finding(string RuleId, Severity Severity, string Message, string Fix, SourceSpan? Location)
{
    /// <summary>The ID of the item the finding is about (a control, CONTROL/EVIDENCE, a vendor, a policy, a path): what a waiver names.</summary>
    public string? Target { get; init; }

    /// <summary>The waiver that turned this finding into a warning, if any.</summary>
    public string? WaivedBy { get; init; }

    /// <summary>The message as printed by the compiler and the CLI: what is wrong, then how to fix it.</summary>
    public string Text => Fix.Length == 0 ? Message : $"{Message} Fix: {Fix}";

    public override string ToString()
    {
        var where = Location is null ? string.Empty : $"{Location.Path}({Location.Line},{Location.Column}): ";
        return $"{where}{Severity.ToString().ToLowerInvariant()} {RuleId}: {Text}";
    }
}
