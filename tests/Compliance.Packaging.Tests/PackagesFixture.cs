using System;
using System.IO;
using System.IO.Compression;
using System.Linq;

namespace Compliance.Packaging.Tests;

/// <summary>
/// Packs the repository once per test run, as a user would: <c>dotnet pack -o feed</c> at the root, into a fresh
/// local feed. The build goes to artifacts/packaging-tests/ (git-ignored, kept between runs so that a second run is
/// incremental), never to the projects' bin/ and obj/, so it cannot disturb a build of the source tree.
/// </summary>
public sealed class PackagesFixture : IDisposable
{
    public const string ArtifactsFolder = "artifacts/packaging-tests";

    public PackagesFixture()
    {
        RepoRoot = FindRoot();
        Temp = Path.Combine(Path.GetTempPath(), "compliance-packaging-" + Guid.NewGuid().ToString("N")[..8]);
        Feed = Path.Combine(Temp, "feed");
        Directory.CreateDirectory(Feed);
        var pack = Pack(RepoRoot, "", Feed, Path.Combine(RepoRoot, ArtifactsFolder));
        if (pack.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet pack at the root failed: {pack}");
        }

        Packages = Directory.GetFiles(Feed).Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal).ToArray()!;
        SdkPackage = Directory.GetFiles(Feed, "Compliance.Sdk.*.nupkg").Single();
        ToolPackage = Directory.GetFiles(Feed, "Compliance.Cli.*.nupkg").Single();
        Version = Path.GetFileNameWithoutExtension(SdkPackage)["Compliance.Sdk.".Length..];
    }

    /// <summary>Every file the root pack wrote to the feed.</summary>
    public string[] Packages { get; }

    /// <summary>A release build's pack: Release, paths mapped (ContinuousIntegrationBuild), no node left running.</summary>
    // A cold Release build of the toolkit takes minutes on a busy two-core machine: allow it twenty.
    public static RunResult Pack(string repoRoot, string project, string feed, string artifacts) =>
        Run.Process("dotnet", $"pack {project} -c Release -o \"{feed}\" --artifacts-path \"{artifacts}\" -nodeReuse:false -p:ContinuousIntegrationBuild=true", repoRoot, timeout: TimeSpan.FromMinutes(20));

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

    public static byte[] ReadBytes(string package, string entry)
    {
        using var zip = ZipFile.OpenRead(package);
        var found = zip.GetEntry(entry);
        if (found is null)
        {
            return Array.Empty<byte>();
        }

        using var stream = found.Open();
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
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

/// <summary>One root pack for every test class that needs the packages.</summary>
[CollectionDefinition(Name)]
public sealed class PackagesCollection : ICollectionFixture<PackagesFixture>
{
    public const string Name = "packages";
}
