using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Compliance.Generator.Tests.Infrastructure;

/// <summary>An AdditionalFiles item held in memory. A null text stands for a file the compiler could not read.</summary>
internal sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly SourceText? _text;

    public InMemoryAdditionalText(string path, SourceText? text, bool complianceSource = true)
    {
        Path = path;
        _text = text;
        ComplianceSource = complianceSource;
    }

    public InMemoryAdditionalText(string path, string text, bool complianceSource = true)
        : this(path, SourceText.From(text, System.Text.Encoding.UTF8), complianceSource)
    {
    }

    public override string Path { get; }

    /// <summary>Whether the item carries the metadata ComplianceSource=true, as the Sdk targets set it.</summary>
    public bool ComplianceSource { get; }

    /// <summary>Whether the item carries ComplianceLink=true: a symbolic link, which the generator must never read.</summary>
    public bool ComplianceLink { get; init; }

    public override SourceText? GetText(CancellationToken cancellationToken = default) => ComplianceLink
        ? throw new System.InvalidOperationException($"The generator read the symbolic link '{Path}'.")
        : _text;

    public override string ToString() => Path;
}
