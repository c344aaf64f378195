using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Compliance.Site.Tests.Infrastructure;

/// <summary>Where the test project's sources are (fixtures, snapshots) and the repository root (for artifacts/).</summary>
internal static class TestPaths
{
    public static string Project { get; } = Metadata("ProjectDirectory");

    public static string Repository { get; } = Path.GetFullPath(Metadata("RepositoryRoot"));

    public static string Fixtures => Path.Combine(Project, "Fixtures");

    public static string Snapshots => Path.Combine(Project, "Snapshots");

    /// <summary>Screenshots and PDFs the browser tests leave behind as artifacts (git-ignored, under artifacts/).</summary>
    public static string Screenshots => Path.Combine(Repository, "artifacts", "test-screenshots");

    private static string Metadata(string key) =>
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"The test assembly has no '{key}' metadata; see Compliance.Site.Tests.csproj.");
}
