namespace Compliance.Generator.Pipeline;

/// <summary>A programme file's path and text: the per-file input, compared by content. A symbolic link has no text: it is never read.</summary>
public sealed record SourceFile(string Path, string? Text)
{
    public bool IsLink { get; init; }

    public static SourceFile Link(string path) => new(path, null) { IsLink = true };
}
