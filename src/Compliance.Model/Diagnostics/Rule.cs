using Compliance.Model.Text;

namespace Compliance.Model.Diagnostics;

/// <summary>
/// One entry of the diagnostics catalog: a stable ID, a title that reads as a rule, the usual fix, and
/// its family, which says which stage reports it and whether it can be waived.
/// </summary>
public sealed record Rule(string Id, string Title, Severity Severity, RuleFamily Family, string Fix)
{
    /// <summary>
    /// Where the rules are documented: docs/diagnostics.md of the toolkit's repository. The default is
    /// documented at the top of docs/diagnostics.md; a fork sets <see cref="DocumentationUrl"/> before use.
    /// </summary>
    public const string DefaultDocumentationUrl = "https://github.com/evidence-as-code/compliance/blob/main/docs/diagnostics.md";

    public static string DocumentationUrl { get; set; } = DefaultDocumentationUrl;

    public string Category => Family.Name;

    public RuleStage Stage => Family.Stage;

    public bool Waivable => Family.Waivable;

    /// <summary>An absolute URI of the rule's section in docs/diagnostics.md.</summary>
    public string HelpLink => $"{DocumentationUrl}#{Id.ToLowerInvariant()}";

    public Finding At(SourceSpan? location, string message, string? fix = null) =>
        new(Id, Severity, message, fix ?? Fix, location);

    public Finding At(SourceSpan? location, Severity severity, string message, string? fix = null) =>
        new(Id, severity, message, fix ?? Fix, location);
}
