using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Reflection;
using Compliance.Cli.Syntax;
using Compliance.Cli.Init;

namespace Compliance.Cli.Commands;

/// <summary>
/// compliance init [--frameworks hipaa,soc2] [--name NAME] [--root DIR]
/// Scaffolds a new programme in DIR (default: the current folder), an empty folder or an existing repository.
/// Never overwrites: a file that exists is reported and left alone, so a second run changes nothing.
/// Exit code 0 (also when everything existed already), 2 for wrong usage.
/// </summary>
public static class InitCommand
{
    public static Command Create(TextWriter output, Func<DateTime> utcNow)
    {
        var command = new Command("init", "Scaffolds a programme in an empty folder or an existing repository; never overwrites a file that exists.")
        {
            CliOptions.Value("--frameworks", "LIST", "A comma-separated list of the frameworks to scaffold: hipaa, soc2, hipaa-security, hipaa-breach.", "hipaa,soc2", "hipaa", "soc2", "hipaa-security", "hipaa-breach"),
            CliOptions.Value("--name", "NAME", "The programme's name (default: the folder's name)."),
            CliOptions.Value("--root", "DIR", "The folder to scaffold in (default: the current folder)."),
        };
        command.SetAction(parsed => Execute(new ParsedArguments(parsed), output, utcNow));
        return command;
    }

    public static int Run(IReadOnlyList<string> args, TextWriter output, Func<DateTime> utcNow) =>
        CommandInvoker.Run(Create(output, utcNow), args);

    private static int Execute(ParsedArguments arguments, TextWriter output, Func<DateTime> utcNow)
    {
        var root = Path.GetFullPath(arguments.Value("--root") ?? Directory.GetCurrentDirectory());
        if (File.Exists(root))
        {
            throw new UsageException($"--root '{root}' is a file, not a folder.");
        }

        var name = arguments.Value("--name") ?? new DirectoryInfo(root).Name;
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new UsageException("--name needs a value.");
        }

        var options = new InitOptions(name.Trim(), ProgrammeTemplate.ParseFrameworks(arguments.Value("--frameworks")), DateOnly.FromDateTime(utcNow()), ToolkitVersion());
        var results = Scaffolder.Write(root, ProgrammeTemplate.Files(options));
        foreach (var result in results)
        {
            output.WriteLine(result.Outcome == ScaffoldOutcome.Created
                ? $"  created  {result.Path}"
                : $"  exists   {result.Path} (left alone{Advice(result.Path)})");
        }

        var created = results.Count(r => r.Outcome == ScaffoldOutcome.Created);
        var existing = results.Count - created;
        output.WriteLine($"{created} file(s) created, {existing} already existed and were left alone, in {root}.");
        if (created > 0)
        {
            var project = results.First(r => r.Path.EndsWith(".csproj", StringComparison.Ordinal)).Path;
            output.WriteLine($"Next: edit controls/examples.yaml and policies/people.yaml, then run 'dotnet build {project}'. It lists what the programme still lacks.");
        }

        return 0;
    }

    private static string Advice(string path) => path switch
    {
        ".gitignore" => "; make sure it ignores artifacts/",
        ".vscode/settings.json" => "; see the README for the yaml.schemas setting",
        _ => string.Empty,
    };

    private static string ToolkitVersion() =>
        typeof(InitCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.1.0";
}
