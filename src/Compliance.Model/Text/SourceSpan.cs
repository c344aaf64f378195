namespace Compliance.Model.Text;

/// <summary>
/// A range in a programme file. Lines and columns are 1-based, as compilers print them;
/// the offset and length are in UTF-16 characters of the decoded text.
/// A plain value, so pipeline models that carry it stay equatable and root no compilation.
/// </summary>
public sealed record SourceSpan(string Path, int Offset, int Length, int Line, int Column, int EndLine, int EndColumn)
{
    public static SourceSpan StartOf(string path) => new(path, 0, 0, 1, 1, 1, 1);

    public override string ToString() => $"{Path}({Line},{Column})";
}
