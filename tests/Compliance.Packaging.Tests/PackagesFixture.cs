using System;
using System.IO;
using System.IO.Compression;
using System.Linq;

namespace Compliance.Packaging.Tests;

/// <summary>
/// Packs Compliance.Sdk and Compliance.Cli once per test run into a fresh local feed. The build goes to
/// artifacts/packaging-tests/ (git-ignored, kept between runs so that a second run is incremental), never to
/// the projects' bin/ and obj/, so it cannot disturb a build of the source tree.
/// </summary>
public sealed class PackagesFixture : IDisposable
{
    public PackagesFixture()
    {
        RepoRoot = FindRoot();
        Temp = Path.Combine(Path.GetTempPath(), "compliance-packaging-" + Guid.NewGuid().ToString("N")[..8]);
        Feed = Path.Combine(Temp, "feed");
        Directory.CreateDirectory(Feed);
        var artifacts = Path.Combine(RepoRoot, "artifacts", "packaging-tests");
        foreach (var project in new[] { "src/Compliance.Sdk/Compliance.Sdk.csproj", "src/Compliance.Cli/Compliance.Cli.csproj" })
        {
            var pack = Run.Dotnet($"pack {project} -c Release -o \"{Feed}\" --artifacts-path \"{artifacts}\" -nodeReuse:false -p:ContinuousIntegrationBuild=true", RepoRoot);
            if (pack.ExitCode != 0)
            {
                throw new InvalidOperationException($"dotnet pack {project} failed: {pack}");
            }
        }

        SdkPackage = Directory.GetFiles(Feed, "Compliance.Sdk.*.nupkg").Single();
        ToolPackage = Directory.GetFiles(Feed, "Compliance.Cli.*.nupkg").Single();
        Version = Path.GetFileNameWithoutExtension(SdkPackage)["Compliance.Sdk.".Length..];
    }

    public string RepoRoot { get; }

    public string Temp { get; }

    public string Feed { get; }

    public string SdkPackage { get; }

    public string ToolPackage { get; }

    public string Version { get; }

    public static string[] Entries(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        return zip.Entries.Select(e => e.FullName).OrderBy(n => n, StringComparer.Ordinal).ToArray();
    }

    public static string Read(string package, string entry)
    {
        using var zip = ZipFile.OpenRead(package);
        using var reader = new StreamReader(zip.GetEntry(entry)!.Open());
        return reader.ReadToEnd();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Temp, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Compliance.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Compliance.sln not found.");
    }
}
