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

    /// <summary>The program and arguments that run <paramref name="cli"/> (an executable, or a .dll for the dotnet host).</summary>
    public static (string FileName, IReadOnlyList<string> Arguments) Command(string cli, IEnumerable<string> args) =>
        cli.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? ("dotnet", args.Prepend(cli).ToList()) : (cli, args.ToList());

    /// <summary>How to start <paramref name="cli"/> with these arguments, its output redirected.</summary>
    public static ProcessStartInfo StartInfo(string cli, IEnumerable<string> args)
    {
        var (fileName, arguments) = Command(cli, args);
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }
}
