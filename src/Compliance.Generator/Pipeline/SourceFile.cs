namespace Compliance.Generator.Pipeline;

/// <summary>A programme file's path and text: the per-file input, compared by content.</summary>
public sealed record SourceFile(string Path, string? Text);
