using System;
using System.IO;

namespace Compliance.Bench;

/// <summary>The toolkit's repository (found by walking up to Compliance.sln) and this bench's output folder.</summary>
internal static class RepoPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>Holds Compliance.Generator.dll, Compliance.Model.dll and YamlDotNet.dll: the written programmes' ComplianceAnalyzerDir.</summary>
    public static string AnalyzerDir { get; } = AppContext.BaseDirectory.EndsWith(Path.DirectorySeparatorChar) ? AppContext.BaseDirectory : AppContext.BaseDirectory + Path.DirectorySeparatorChar;

    public static string SdkProps => Path.Combine(RepoRoot, "src", "Compliance.Sdk", "build", "Compliance.Sdk.props");

    public static string SdkTargets => Path.Combine(RepoRoot, "src", "Compliance.Sdk", "build", "Compliance.Sdk.targets");

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Compliance.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds Compliance.sln.");
    }
}
