using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace Compliance.Generator.Tests.Infrastructure;

/// <summary>Where the test project and the repository live on disk, found from this source file's path.</summary>
internal static class TestPaths
{
    public static string ProjectDirectory { get; } = Locate();

    public static string RepositoryRoot { get; } = Path.GetFullPath(Path.Combine(ProjectDirectory, "..", ".."));

    public static string Snapshots => Path.Combine(ProjectDirectory, "Snapshots");

    public static string Fixture(string name) => Path.Combine(ProjectDirectory, "Fixtures", name);

    private static string Locate([CallerFilePath] string thisFile = "")
    {
        // Infrastructure/TestPaths.cs -> the project directory. The csproj turns off DeterministicSourcePaths so the
        // compiler records the real path; if a build maps it anyway (/_/...), walk up from the test binaries instead.
        var fromSource = Path.GetDirectoryName(Path.GetDirectoryName(thisFile));
        if (fromSource is not null && File.Exists(Path.Combine(fromSource, "Compliance.Generator.Tests.csproj")))
        {
            return fromSource;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "Compliance.Generator.Tests");
            if (File.Exists(Path.Combine(candidate, "Compliance.Generator.Tests.csproj")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"Cannot find the Compliance.Generator.Tests project directory from '{thisFile}' or '{AppContext.BaseDirectory}'.");
    }
}
