using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Compliance.Packaging.Tests;

[Collection(PackagesCollection.Name)]
public sealed class PackagingTests
{
    private readonly PackagesFixture _packages;

    public PackagingTests(PackagesFixture packages) => _packages = packages;

    [Fact]
    public void The_package_holds_the_generator_the_build_logic_the_task_and_the_CLI_and_no_MSBuild_assembly()
    {
        var entries = PackagesFixture.Entries(_packages.SdkPackage);

        Assert.Equal(
            new[] { "analyzers/dotnet/cs/Compliance.Generator.dll", "analyzers/dotnet/cs/Compliance.Model.dll", "analyzers/dotnet/cs/YamlDotNet.dll" },
            entries.Where(e => e.StartsWith("analyzers/", StringComparison.Ordinal)));
        Assert.Equal(new[] { "build/Compliance.Sdk.props", "build/Compliance.Sdk.targets" }, entries.Where(e => e.StartsWith("build/", StringComparison.Ordinal)));
        Assert.Equal(new[] { "tasks/netstandard2.0/Compliance.Build.dll" }, entries.Where(e => e.StartsWith("tasks/", StringComparison.Ordinal)));
        Assert.Contains("tools/net10.0/compliance.dll", entries);
        Assert.Contains("tools/net10.0/compliance.deps.json", entries);
        Assert.DoesNotContain(entries, e => Path.GetFileName(e).StartsWith("Microsoft.Build", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));

        // buildTransitive/ is a one-line import of build/.
        Assert.Equal("<Project><Import Project=\"../build/Compliance.Sdk.props\" /></Project>", PackagesFixture.Read(_packages.SdkPackage, "buildTransitive/Compliance.Sdk.props").Trim());
        Assert.Equal("<Project><Import Project=\"../build/Compliance.Sdk.targets\" /></Project>", PackagesFixture.Read(_packages.SdkPackage, "buildTransitive/Compliance.Sdk.targets").Trim());

        // The CLI is framework-dependent and rolls forward to newer runtimes.
        using var config = JsonDocument.Parse(PackagesFixture.Read(_packages.SdkPackage, "tools/net10.0/compliance.runtimeconfig.json"));
        Assert.Equal("LatestMajor", config.RootElement.GetProperty("runtimeOptions").GetProperty("rollForward").GetString());
        Assert.Equal("net10.0", config.RootElement.GetProperty("runtimeOptions").GetProperty("tfm").GetString());

        var nuspec = PackagesFixture.Read(_packages.SdkPackage, "Compliance.Sdk.nuspec");
        Assert.Contains("<developmentDependency>true</developmentDependency>", nuspec);
        Assert.DoesNotContain("<dependencies>", nuspec);
    }

    [Fact]
    public void The_CLI_is_a_dotnet_tool_named_compliance_of_the_same_version()
    {
        var entries = PackagesFixture.Entries(_packages.ToolPackage);
        var settings = PackagesFixture.Read(_packages.ToolPackage, "tools/net10.0/any/DotnetToolSettings.xml");
        var nuspec = PackagesFixture.Read(_packages.ToolPackage, "Compliance.Cli.nuspec");

        Assert.Contains("Command Name=\"compliance\"", settings);
        Assert.Contains("<packageType name=\"DotnetTool\" />", nuspec);
        Assert.Contains($"<version>{_packages.Version}</version>", nuspec);
        Assert.Contains("tools/net10.0/any/compliance.dll", entries);
    }

    [Fact]
    public void A_fresh_repository_that_references_the_package_fails_the_build_with_the_CMP_line_and_passes_after_the_fix()
    {
        var repo = Path.Combine(_packages.Temp, "consumer");
        var environment = ConsumerRepository.Create(repo, _packages);

        // 1. A structural mistake: reported by the generator from the package's analyzers/dotnet/cs, at the YAML.
        var build = ConsumerRepository.Build(repo, environment);
        Assert.True(build.ExitCode != 0, build.ToString());
        Assert.Contains(
            "controls/controls.yaml(7,15): error CMP0021: The control 'C-1' names the requirement 'T-2', which is not defined. Did you mean 'T-1'? Fix: Replace 'T-2' with 'T-1'. (https://github.com/evidence-as-code/compliance/blob/main/docs/diagnostics.md#cmp0021)",
            ConsumerRepository.Diagnostics(build, repo));

        // 2. Fixed; now the gate runs from the package's tools/ through its tasks/ and finds the tampered digest.
        ConsumerRepository.Edit(repo, "controls/controls.yaml", "maps_to: [T-2]", "maps_to: [T-1]");
        var actual = ConsumerRepository.Sha256(Path.Combine(repo, "evidence/c-1/report.txt"));
        Run.Git(repo, "commit -q -am \"map C-1 to T-1\"");
        build = ConsumerRepository.Build(repo, environment);
        Assert.True(build.ExitCode != 0, build.ToString());
        Assert.Contains(
            $"evidence/c-1/report.txt.evidence.yaml(7,11): error CMP1104: The SHA-256 of 'evidence/c-1/report.txt' is {actual}, not the {ConsumerRepository.WrongDigest} recorded when it was collected: the artifact was modified. Fix: The artifact changed after it was recorded: restore the original from git history, or collect new evidence with a new sidecar. Never edit evidence in place.",
            ConsumerRepository.Diagnostics(build, repo));

        // 3. The sidecar records the right digest: the build passes and writes the reports and the site.
        ConsumerRepository.Edit(repo, "evidence/c-1/report.txt.evidence.yaml", ConsumerRepository.WrongDigest, actual);
        Run.Git(repo, "commit -q -am \"record the digest\"");
        build = ConsumerRepository.Build(repo, environment);
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("Compliance check of 'Tiny Clinic' as of 2026-11-01", build.Output);
        Assert.DoesNotContain(" error ", build.Output);
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(repo, "artifacts/compliance/compliance.json")));
        Assert.Equal(0, report.RootElement.GetProperty("summary").GetProperty("errors").GetInt32());

        // Provenance reads git through libgit2 from the package's tools/ folder, the native library included.
        Assert.DoesNotContain("CMP1001", build.Output);
        Assert.True(report.RootElement.GetProperty("provenance").GetProperty("available").GetBoolean(), report.RootElement.GetProperty("provenance").ToString());

        // The package came from the isolated cache, not the machine's.
        Assert.True(Directory.Exists(Path.Combine(environment["NUGET_PACKAGES"], "compliance.sdk", _packages.Version)));
    }

    [Fact]
    public void The_tool_package_installs_and_scaffolds_a_programme()
    {
        var tools = Path.Combine(_packages.Temp, "tools");
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(_packages.Temp, "tool-packages") };
        var install = Run.Dotnet($"tool install Compliance.Cli --version {_packages.Version} --tool-path \"{tools}\" --add-source \"{_packages.Feed}\"", _packages.Temp, environment);
        Assert.True(install.ExitCode == 0, install.ToString());

        var target = Path.Combine(_packages.Temp, "scaffolded");
        var init = Run.Process(Path.Combine(tools, "compliance"), $"init --root \"{target}\" --name Tiny --frameworks soc2", _packages.Temp);

        Assert.True(init.ExitCode == 0, init.ToString());
        Assert.True(File.Exists(Path.Combine(target, "controls/frameworks/soc2.yaml")));
        Assert.Contains($"<PackageReference Include=\"Compliance.Sdk\" Version=\"{_packages.Version}\"", File.ReadAllText(Path.Combine(target, "compliance/Tiny.Compliance.csproj")));
    }
}
