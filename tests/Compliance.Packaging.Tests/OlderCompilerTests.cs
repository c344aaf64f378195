using System.IO;

namespace Compliance.Packaging.Tests;

/// <summary>
/// The generator targets Roslyn 4.8 so that it loads in older SDKs' compilers. Here a consumer builds with the
/// C# compiler of the .NET 9 SDK (Microsoft.Net.Compilers.Toolset 4.14.0) instead of this SDK's. The .NET 8 SDK's
/// compiler (Toolset 4.8.0) is not served by this machine's registry (restore resolved 4.14.0 instead), so 4.14.0,
/// the oldest served, is the oldest tested.
/// </summary>
[Collection(PackagesCollection.Name)]
public sealed class OlderCompilerTests
{
    public const string ToolsetVersion = "4.14.0";

    private readonly PackagesFixture _packages;

    public OlderCompilerTests(PackagesFixture packages) => _packages = packages;

    [Fact]
    public void The_generator_loads_in_the_NET_9_SDKs_compiler_reports_CMP0021_and_emits_typed_code()
    {
        var repo = Path.Combine(_packages.Temp, "consumer-toolset-" + ToolsetVersion);
        // The gate is out of process and not what is tested here; a program uses the generated API, so compiling
        // it proves the typed code was emitted.
        var environment = ConsumerRepository.Create(repo, _packages, $"""
              <PropertyGroup>
                <ComplianceCheck>false</ComplianceCheck>
                <ComplianceNamespace>Tiny.Compliance</ComplianceNamespace>
                <OutputType>Exe</OutputType>
                <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.Net.Compilers.Toolset" Version="{ToolsetVersion}" PrivateAssets="all" />
              </ItemGroup>
            """);
        File.WriteAllText(Path.Combine(repo, "Program.cs"), "System.Console.WriteLine(Tiny.Compliance.Controls.C_1.Title);\n");

        var build = Run.Dotnet("build Tiny.csproj -nodeReuse:false -v:n -p:UseSharedCompilation=false", repo, environment);

        Assert.True(build.ExitCode != 0, build.ToString());
        // The compiler that ran is the toolset's, not the SDK's.
        Assert.Contains($"microsoft.net.compilers.toolset/{ToolsetVersion}/", build.Output.ToLowerInvariant());
        Assert.Contains(
            "controls/controls.yaml(7,15): error CMP0021: The control 'C-1' names the requirement 'T-2', which is not defined. Did you mean 'T-1'? Fix: Replace 'T-2' with 'T-1'. (https://github.com/evidence-as-code/compliance/blob/main/docs/diagnostics.md#cmp0021)",
            ConsumerRepository.Diagnostics(build, repo));
        Assert.DoesNotContain("CS8032", build.Output); // an analyzer that fails to load
        Assert.DoesNotContain("CS8785", build.Output); // a generator that throws

        ConsumerRepository.Edit(repo, "controls/controls.yaml", "maps_to: [T-2]", "maps_to: [T-1]");
        build = Run.Dotnet("build Tiny.csproj -nodeReuse:false -v:n -p:UseSharedCompilation=false", repo, environment);

        Assert.True(build.ExitCode == 0, build.ToString());
        var run = Run.Dotnet("bin/Debug/net10.0/Tiny.dll", repo);
        Assert.Equal("Do the thing\n", run.Output);
        var generated = Directory.GetFiles(Path.Combine(repo, "obj"), "*.g.cs", SearchOption.AllDirectories);
        Assert.True(System.Array.Exists(generated, f => File.ReadAllText(f).Contains("namespace Tiny.Compliance", System.StringComparison.Ordinal)), "No generated file in obj/: " + string.Join(", ", generated));
    }
}
