using Microsoft.CodeAnalysis.Diagnostics;

namespace Compliance.Generator.Pipeline;

/// <summary>MSBuild properties the generator reads: the namespace of the generated code and the programme root.</summary>
public sealed record GeneratorOptions(string Namespace, string Root)
{
    public const string SourceMetadata = "build_metadata.AdditionalFiles.ComplianceSource";

    /// <summary>Set by the MSBuild side on a symbolic link: reported, never read.</summary>
    public const string LinkMetadata = "build_metadata.AdditionalFiles.ComplianceLink";

    public static GeneratorOptions Read(AnalyzerConfigOptionsProvider provider)
    {
        var global = provider.GlobalOptions;
        var ns = global.TryGetValue("build_property.ComplianceNamespace", out var configured) && !string.IsNullOrWhiteSpace(configured)
            ? configured
            : global.TryGetValue("build_property.RootNamespace", out var root) && !string.IsNullOrWhiteSpace(root) ? root + ".Compliance" : "Compliance.Programme";
        global.TryGetValue("build_property.ComplianceRoot", out var programmeRoot);
        return new GeneratorOptions(ns.Trim(), NormaliseRoot(programmeRoot ?? string.Empty));
    }

    /// <summary>The path relative to the programme root, with forward slashes, so generated code is the same on every machine.</summary>
    public string Relative(string path)
    {
        var normalised = path.Replace('\\', '/');
        return Root.Length > 0 && normalised.StartsWith(Root, System.StringComparison.Ordinal)
            ? normalised.Substring(Root.Length)
            : System.IO.Path.GetFileName(normalised);
    }

    private static string NormaliseRoot(string root)
    {
        var normalised = root.Trim().Replace('\\', '/');
        return normalised.Length == 0 || normalised.EndsWith("/", System.StringComparison.Ordinal) ? normalised : normalised + "/";
    }
}
