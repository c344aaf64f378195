using System;
using System.Collections.Generic;
using System.Diagnostics;
using Compliance.Tests.Shared;

namespace Compliance.Engine.Tests.AuditTrail;

/// <summary>
/// The real CLI run as a separate process, as a CI runner runs it: the native executable where the build made one, else
/// compliance.dll, copied beside the tests (TestCli).
/// </summary>
internal static class CliProcess
{
    public static string Path { get; } = TestCli.Path(System.IO.Path.Combine(AppContext.BaseDirectory, "compliance.dll"));

    public static Process Start(params string[] args) => StartWith(new Dictionary<string, string>(), args);

    /// <summary>Starts the CLI with these environment variables set on top of the test's own.</summary>
    public static Process StartWith(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = TestCli.StartInfo(Path, args);

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_TieredPGO"] = "0";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }

    public static (int Exit, string Output, string Error) Run(params string[] args) => RunWith(new Dictionary<string, string>(), args);

    public static (int Exit, string Output, string Error) RunWith(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = StartWith(environment, args);
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }
}
