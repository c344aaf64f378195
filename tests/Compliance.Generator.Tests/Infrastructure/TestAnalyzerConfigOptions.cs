using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Compliance.Generator.Pipeline;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Compliance.Generator.Tests.Infrastructure;

/// <summary>The analyzer config the compiler would build from the Sdk targets: global properties plus per-file metadata.</summary>
internal sealed class TestAnalyzerConfigOptionsProvider : AnalyzerConfigOptionsProvider
{
    private static readonly AnalyzerConfigOptions NoOptions = new TestAnalyzerConfigOptions(new Dictionary<string, string>());
    private static readonly AnalyzerConfigOptions SourceFile = new TestAnalyzerConfigOptions(new Dictionary<string, string> { [GeneratorOptions.SourceMetadata] = "true" });

    private static readonly AnalyzerConfigOptions LinkFile = new TestAnalyzerConfigOptions(new Dictionary<string, string>
    {
        [GeneratorOptions.SourceMetadata] = "true",
        [GeneratorOptions.LinkMetadata] = "true",
    });

    public TestAnalyzerConfigOptionsProvider(IReadOnlyDictionary<string, string> globalOptions) =>
        GlobalOptions = new TestAnalyzerConfigOptions(globalOptions);

    public override AnalyzerConfigOptions GlobalOptions { get; }

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => NoOptions;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        textFile switch
        {
            InMemoryAdditionalText { ComplianceSource: true, ComplianceLink: true } => LinkFile,
            InMemoryAdditionalText { ComplianceSource: true } => SourceFile,
            _ => NoOptions,
        };
}

internal sealed class TestAnalyzerConfigOptions : AnalyzerConfigOptions
{
    private readonly Dictionary<string, string> _values;

    public TestAnalyzerConfigOptions(IReadOnlyDictionary<string, string> values) =>
        _values = values.ToDictionary(p => p.Key, p => p.Value, KeyComparer);

    public override IEnumerable<string> Keys => _values.Keys;

    public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
}
