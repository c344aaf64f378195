using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection.PortableExecutable;
using System.Text.Json;

namespace Compliance.Packaging.Tests;

/// <summary>
/// Issue 15: most of a small programme's check was the JIT. The CLI that both packages ship (the tool, and tools/ in
/// Compliance.Sdk, which the build's task runs) is precompiled with ReadyToRun, and still portable.
/// </summary>
[Collection(PackagesCollection.Name)]
public sealed class ReadyToRunTests
{
    private static readonly string[] Assemblies = { "compliance.dll", "Compliance.Engine.dll", "Compliance.Model.dll", "Compliance.Site.dll", "YamlDotNet.dll", "Markdig.dll", "LibGit2Sharp.dll" };

    private readonly PackagesFixture _packages;

    public ReadyToRunTests(PackagesFixture packages) => _packages = packages;

    [Theory]
    [InlineData("tool", "tools/net10.0/any/")]
    [InlineData("sdk", "tools/net10.0/")]
    public void The_packaged_CLI_is_precompiled_and_stays_portable(string which, string folder)
    {
        var package = which == "tool" ? _packages.ToolPackage : _packages.SdkPackage;

        foreach (var assembly in Assemblies)
        {
            var bytes = PackagesFixture.ReadBytes(package, folder + assembly);
            Assert.True(bytes.Length > 0, $"{folder}{assembly} is missing from {Path.GetFileName(package)}.");
            using var pe = new PEReader(ImmutableArray.Create(bytes));
            Assert.True(pe.HasMetadata, $"{assembly} lost its IL metadata.");
            Assert.True(pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, $"{folder}{assembly} in {Path.GetFileName(package)} is not a ReadyToRun image.");
        }

        // One layout for every platform: libgit2 for each under runtimes/, and a deps.json without a RID.
        var entries = PackagesFixture.Entries(package);
        Assert.Contains(entries, e => e.StartsWith(folder + "runtimes/win-x64/native/", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.StartsWith(folder + "runtimes/osx-arm64/native/", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.StartsWith(folder, StringComparison.Ordinal) && e.EndsWith(".so", StringComparison.Ordinal) && !e.Contains("/runtimes/", StringComparison.Ordinal));
        using var deps = JsonDocument.Parse(PackagesFixture.Read(package, folder + "compliance.deps.json"));
        Assert.Equal(".NETCoreApp,Version=v10.0", deps.RootElement.GetProperty("runtimeTarget").GetProperty("name").GetString());
        Assert.DoesNotContain(folder + "compliance", entries);
    }
}
