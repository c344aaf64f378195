using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Compliance.Tests.Shared;

namespace Compliance.EndToEnd.Tests.Harness;

/// <summary>Where things are: the toolkit's repository, its MSBuild files, the fixtures and the prebuilt generator.</summary>
internal static class RepoLayout
{
    /// <summary>The folder holding Compliance.sln, found by walking up from the test output folder.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>
    /// This test project's output folder: the ProjectReference to the generator puts Compliance.Generator.dll,
    /// Compliance.Model.dll and YamlDotNet.dll here, as a package would put them in analyzers/dotnet/cs.
    /// </summary>
    public static string AnalyzerDir { get; } = WithTrailingSlash(AppContext.BaseDirectory);

    public static string SdkProps => Path.Combine(RepoRoot, "src", "Compliance.Sdk", "build", "Compliance.Sdk.props");

    public static string SdkTargets => Path.Combine(RepoRoot, "src", "Compliance.Sdk", "build", "Compliance.Sdk.targets");

    /// <summary>The configuration this test assembly was built in; the CLI and the task were built in the same one.</summary>
    public static string Configuration { get; } = typeof(RepoLayout).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .FirstOrDefault(a => a.Key == "Configuration")?.Value ?? "Debug";

    /// <summary>The gate's CLI, as the repository's own Directory.Build.targets picks it: native where the build made it (TestCli).</summary>
    public static string ComplianceCli => TestCli.Path(Path.Combine(RepoRoot, "src", "Compliance.Cli", "bin", Configuration, "net10.0", "compliance.dll"));

    /// <summary>The gate's MSBuild task.</summary>
    public static string ComplianceTasks => Path.Combine(RepoRoot, "src", "Compliance.Build", "bin", Configuration, "netstandard2.0", "Compliance.Build.dll");

    public static string Fixture(string name) => Path.Combine(RepoRoot, "tests", "Compliance.EndToEnd.Tests", "Fixtures", name);

    public static readonly string[] AnalyzerAssemblies = { "Compliance.Generator.dll", "Compliance.Model.dll", "YamlDotNet.dll" };

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Compliance.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds Compliance.sln: run the tests from a build inside the repository.");
    }

    private static string WithTrailingSlash(string path) =>
        path.EndsWith(Path.DirectorySeparatorChar) || path.EndsWith(Path.AltDirectorySeparatorChar) ? path : path + Path.DirectorySeparatorChar;
}
