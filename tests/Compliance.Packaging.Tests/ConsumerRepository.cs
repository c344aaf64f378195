using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;

namespace Compliance.Packaging.Tests;

/// <summary>A consumer's repository: what a user who installs the package has, and nothing of the toolkit's source.</summary>
public static class ConsumerRepository
{
    public const string WrongDigest = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>
    /// A fresh git repository outside the source tree with a tiny programme whose control names an undefined
    /// requirement (CMP0021) and whose evidence records <paramref name="digest"/>, and a project that references
    /// Compliance.Sdk by version only. <paramref name="projectItems"/> is added to the project as is.
    /// </summary>
    public static Dictionary<string, string> Create(string repo, PackagesFixture packages, string projectItems = "", string digest = WrongDigest)
    {
        Write(repo, "controls/programme.yaml", """
            programme:
              id: tiny
              name: Tiny Clinic
              scope:
                - framework: tiny
            """);
        Write(repo, "controls/frameworks/tiny.yaml", """
            framework:
              id: tiny
              title: Tiny framework
            requirements:
              - id: T-1
                title: Something is done
                kind: criterion
            """);
        Write(repo, "controls/controls.yaml", """
            controls:
              - id: C-1
                title: Do the thing
                description: The thing is done.
                owner: alice
                status: implemented
                maps_to: [T-2]
                evidence:
                  - id: report
                    description: A report of the thing.
                    collection: manual
                    freshness_days: 365
            """);
        Write(repo, "policies/people.yaml", """
            people:
              - id: alice
                name: Alice
                email: alice@tiny.example
                role: Security Officer
                phi_access: false
                status: active
            """);
        Write(repo, "evidence/c-1/report.txt", "The thing was done on 2026-10-01.\n");
        Write(repo, "evidence/c-1/report.txt.evidence.yaml", $"""
            evidence:
              artifact: report.txt
              control: C-1
              requirement: report
              collected_on: 2026-10-01
              collector: alice
              sha256: {digest}
            """);

        // The consumer's project: a PackageReference by version, nothing else of the toolkit.
        Write(repo, "Tiny.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ComplianceAsOf>2026-11-01</ComplianceAsOf>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Compliance.Sdk" Version="{packages.Version}" />
              </ItemGroup>
            {projectItems}
            </Project>
            """);

        // The local feed for the toolkit's packages, the machine's normal source for everything else.
        Write(repo, "nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{packages.Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="local"><package pattern="Compliance.*" /></packageSource>
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """);

        // Stop MSBuild's search for Directory.Build.* files above the temp folder.
        Write(repo, "Directory.Build.props", "<Project />");
        Write(repo, "Directory.Build.targets", "<Project />");
        Write(repo, ".gitignore", "artifacts/\nbin/\nobj/\n");
        Run.Git(repo, "init -q -b main");
        Run.Git(repo, "add -A");
        Run.Git(repo, "commit -q -m \"A tiny programme\"");
        return new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(packages.Temp, "packages") };
    }

    public static RunResult Build(string repo, Dictionary<string, string> environment) =>
        Run.Dotnet("build Tiny.csproj -nodeReuse:false", repo, environment);

    /// <summary>The diagnostic lines of a build, each once, with the repository path and MSBuild's " [project]" suffix removed.</summary>
    public static List<string> Diagnostics(RunResult build, string repo) =>
        build.Output.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Contains(": error CMP", StringComparison.Ordinal) || l.Contains(": warning CMP", StringComparison.Ordinal))
            .Select(l => l.Replace(repo.TrimEnd('/') + "/", string.Empty, StringComparison.Ordinal))
            .Select(l => l.EndsWith(']') && l.LastIndexOf(" [", StringComparison.Ordinal) is var at and > 0 ? l[..at] : l)
            .Distinct()
            .ToList();

    public static void Write(string repo, string path, string content)
    {
        var full = Path.Combine(repo, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content.EndsWith('\n') ? content : content + "\n");
    }

    public static void Edit(string repo, string path, string from, string to)
    {
        var full = Path.Combine(repo, path);
        var text = File.ReadAllText(full);
        Assert.Contains(from, text);
        File.WriteAllText(full, text.Replace(from, to, StringComparison.Ordinal));
    }

    public static string Sha256(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))).ToLowerInvariant();
}
