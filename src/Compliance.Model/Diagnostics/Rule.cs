using Compliance.Model.Text;

namespace Compliance.Model.Diagnostics;

/// <summary>One entry of the diagnostics catalog: a stable ID, a title that reads as a rule, and the usual fix.</summary>
public sealed record Rule(string Id, string Title, Severity Severity, string Category, string Fix)
{
    public string HelpLink => $"docs/diagnostics.md#{Id.ToLowerInvariant()}";

    public Finding At(SourceSpan? location, string message, string? fix = null) =>
        new(Id, Severity, message, fix ?? Fix, location);

    public Finding At(SourceSpan? location, Severity severity, string message, string? fix = null) =>
        new(Id, severity, message, fix ?? Fix, location);
}
