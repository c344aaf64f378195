using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Reflection;

namespace Compliance.Tests.Shared;

/// <summary>
/// The CLI that tests run as a process. Where the build made the native (Native AOT) executable that this repository's
/// gate runs, it is that one (tests/Directory.Build.targets), so the suite proves the binary that ships to the gate;
/// elsewhere it is compliance.dll under the dotnet host.
/// </summary>
internal static class TestCli
{
    /// <summary>The native executable, or null where this machine has none.</summary>
    public static string? Native { get; } = typeof(TestCli).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .FirstOrDefault(a => a.Key == "ComplianceNativeCli")?.Value is { Length: > 0 } path ? path : null;

    /// <summary>The CLI to run: the native executable, else <paramref name="managedDll"/>.</summary>
    public static string Path(string managedDll) => Native ?? managedDll;

    /// <summary>How to start <paramref name="cli"/> (an executable, or a .dll for the dotnet host) with these arguments.</summary>
    public static ProcessStartInfo StartInfo(string cli, IEnumerable<string> args)
    {
        var managed = cli.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var start = new ProcessStartInfo(managed ? "dotnet" : cli) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (managed)
        {
            start.ArgumentList.Add(cli);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }
}
