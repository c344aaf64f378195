namespace Compliance.Model.Yaml;

/// <summary>
/// Safety limits for untrusted YAML. A pull request can carry any file, so the reader refuses
/// billion-laughs alias bombs, pathological nesting and oversized files quickly, before any walk.
/// </summary>
public sealed record YamlLimits(int MaxChars, long MaxNodes, int MaxDepth)
{
    /// <summary>4 MiB of text: ten times the largest real catalog; larger files are split.</summary>
    public static YamlLimits Default { get; } = new(4 * 1024 * 1024, 1_000_000, 64);
}
