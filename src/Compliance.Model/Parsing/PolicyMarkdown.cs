using Compliance.Model.Documents;

namespace Compliance.Model.Parsing;

/// <summary>
/// A policy file read by the one policy reader (<see cref="PolicyParser"/>), for the consumers that hold
/// a policy's text without the linked programme: a version from git history, or the body the site renders.
/// </summary>
public static class PolicyMarkdown
{
    /// <summary>The policy its front matter defines, or null when the text is not a readable policy.</summary>
    public static PolicyDefinition? Read(string path, string text) => PolicyParser.Parse(path, text, limits: null).Policy;

    /// <summary>The Markdown after the front matter: what a reader of the policy sees. The whole text when there is no front matter.</summary>
    public static string Body(string text) =>
        PolicyParser.FindFrontMatter(text, out _, out _, out var bodyStart) ? text.Substring(bodyStart) : text;
}
