using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace Compliance.EndToEnd.Tests.Harness;

/// <summary>
/// The outcome of one real <c>dotnet build</c>: exit code, full output, and the canonical
/// diagnostic lines with the temporary repository's path made relative.
/// </summary>
public sealed record BuildResult(int ExitCode, string Output, IReadOnlyList<string> Diagnostics, TimeSpan Elapsed)
{
    /// <summary>The diagnostics of the compliance toolkit (CMP codes) only.</summary>
    public IReadOnlyList<string> ComplianceDiagnostics => Diagnostics.Where(d => DotnetBuild.CodeOf(d)?.StartsWith("CMP", StringComparison.Ordinal) == true).ToList();

    public IReadOnlyList<string> Errors => Diagnostics.Where(d => DotnetBuild.SeverityOf(d) == "error").ToList();

    public IReadOnlyList<string> Warnings => Diagnostics.Where(d => DotnetBuild.SeverityOf(d) == "warning").ToList();

    /// <summary>What an assertion failure shows: the exit code, the diagnostics and the whole output.</summary>
    public override string ToString() =>
        $"exit code {ExitCode} after {Elapsed.TotalSeconds:0.0} s\ndiagnostics:\n  {string.Join("\n  ", Diagnostics)}\noutput:\n{Output}";
}

/// <summary>Runs <c>dotnet build</c> on a programme project and reads its diagnostics.</summary>
public static class DotnetBuild
{
    /// <summary>
    /// A first build restores and compiles; on a cold CI machine with two cores it takes a few seconds,
    /// so two minutes is only there to stop a hung build from hanging the suite.
    /// </summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    // origin(line,col): error CODE: message  |  origin(line,col,endLine,endCol): ...  |  CSC : error CODE: message
    private static readonly Regex DiagnosticLine = new(
        @"^(?<origin>.*?)(?:\((?<line>\d+),(?<col>\d+)(?:,\d+,\d+)?\))?\s?:\s(?<severity>error|warning)\s(?<code>[A-Za-z]+[0-9]+)\s?:\s(?<message>.*)$",
        RegexOptions.CultureInvariant);

    // MSBuild appends the project that logged the line: " [/tmp/x/Programme.csproj]" or " [...csproj::TargetFramework=net10.0]".
    private static readonly Regex ProjectSuffix = new(@"\s\[[^\[\]]+?proj(?:::[^\[\]]*)?\]$", RegexOptions.CultureInvariant);

    /// <summary>
    /// Builds the project. The compiler server is off (UseSharedCompilation=false) and so is MSBuild node reuse:
    /// the build leaves no process behind, and on two cores the server saved nothing measurable (about 3 s a build either way).
    /// </summary>
    public static BuildResult Run(string projectPath, string repoRoot, TimeSpan? timeout = null, params string[] extraArguments)
    {
        var arguments = new List<string>
        {
            "build", projectPath,
            "-nologo",
            "-clp:NoSummary",
            "-nodeReuse:false",
            "-p:UseSharedCompilation=false",
            "-tl:off",
        };
        arguments.AddRange(extraArguments);

        var result = ProcessRunner.Run("dotnet", arguments, repoRoot, Environment(), timeout ?? DefaultTimeout);
        return new BuildResult(result.ExitCode, result.Output, ExtractDiagnostics(result.Output, repoRoot), result.Elapsed);
    }

    /// <summary>
    /// The canonical diagnostic lines of a build's output, each once and in first-seen order (MSBuild may print
    /// an error inline and again in its summary), with the repository path made relative and MSBuild's
    /// trailing project name removed, so a test can compare whole lines.
    /// </summary>
    public static IReadOnlyList<string> ExtractDiagnostics(string output, string repoRoot)
    {
        var prefixes = RootPrefixes(repoRoot);
        var lines = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in output.Split('\n'))
        {
            var line = raw.TrimEnd('\r').Trim();
            if (!DiagnosticLine.IsMatch(line))
            {
                continue;
            }

            line = ProjectSuffix.Replace(line, string.Empty);
            foreach (var prefix in prefixes)
            {
                line = line.Replace(prefix, string.Empty, StringComparison.Ordinal);
            }

            line = line.Replace('\\', '/');
            if (seen.Add(line))
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    internal static string? CodeOf(string diagnostic) => DiagnosticLine.Match(diagnostic) is { Success: true } m ? m.Groups["code"].Value : null;

    internal static string? SeverityOf(string diagnostic) => DiagnosticLine.Match(diagnostic) is { Success: true } m ? m.Groups["severity"].Value : null;

    /// <summary>The repository root as it may appear in output, with its separator, longest first.</summary>
    private static string[] RootPrefixes(string repoRoot)
    {
        var full = Path.GetFullPath(repoRoot).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        var candidates = new List<string> { full };
        // Where the temp folder is reached through a symbolic link (macOS: /var -> /private/var), tools may print either form.
        var resolved = Directory.Exists(full) ? new DirectoryInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName : null;
        if (resolved is not null)
        {
            candidates.Add(resolved.TrimEnd(Path.DirectorySeparatorChar));
        }

        return candidates
            .SelectMany(c => new[] { c + Path.DirectorySeparatorChar, c + Path.AltDirectorySeparatorChar })
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(c => c.Length)
            .ToArray();
    }

    /// <summary>
    /// The child build's environment: no MSBuild variables inherited from the `dotnet test` that runs us (they
    /// would point the child at the parent's MSBuild state), English messages, and no first-run or telemetry noise.
    /// The locale is pinned too, so that MSBuild's and the SDK's own messages stay the same on every machine
    /// (the toolkit formats its messages with the invariant culture).
    /// </summary>
    private static Dictionary<string, string?> Environment()
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            var name = (string)entry.Key;
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
            {
                environment[name] = null;
            }
        }

        environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        environment["DOTNET_NOLOGO"] = "1";
        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        environment["DOTNET_GENERATE_ASPNET_CERTIFICATE"] = "false";
        environment["MSBUILDDISABLENODEREUSE"] = "1";
        environment["LC_ALL"] = "C.UTF-8";
        return environment;
    }
}
