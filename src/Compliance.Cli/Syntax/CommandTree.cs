using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using Compliance.Cli.Commands;

namespace Compliance.Cli.Syntax;

/// <summary>Every command of the tool under one root, each given the console, clock and environment it needs.</summary>
public static class CommandTree
{
    /// <param name="input">Standard input, asked for only when the gate is built: opening the console's reader cost about 10 ms.</param>
    /// <param name="invoked">
    /// The first word of the command line. When it names a command, only that command is built: building all twelve, with
    /// their options, was about 20 ms of every run (issue 15). Anything else (none, an option, a typo, a directive) builds
    /// them all, so root help, completion and did-you-mean still see every command.
    /// </param>
    public static RootCommand Create(Func<TextReader> input, TextWriter output, Func<DateTimeOffset> now, Func<string, string?> readEnvironment, Engine.Progress.IWorkProgress progress, string? invoked = null)
    {
        var commands = Commands(input, output, now, readEnvironment, progress);
        var root = new RootCommand("compliance: evidence-as-code compliance checks for HIPAA and SOC 2 programmes.");
        var only = commands.FindAll(c => c.Name == invoked);
        foreach (var (_, create) in only.Count == 1 ? only : commands)
        {
            root.Add(create());
        }

        // The tool's name in help, whatever the host process is called (dotnet, a test host).
        root.HelpName = "compliance";
        return root;
    }

    /// <summary>The command names, in help order, each with how to build it; a test holds each name to its command's.</summary>
    public static List<NamedCommand> Commands(Func<TextReader> input, TextWriter output, Func<DateTimeOffset> now, Func<string, string?> readEnvironment, Engine.Progress.IWorkProgress progress)
    {
        Func<DateTime> utcNow = () => now().UtcDateTime;
        return new List<NamedCommand>
        {
            new("check", () => CheckCommand.Create(output, utcNow, readEnvironment(StepSummary.Variable), progress)),
            new("site", () => SiteCommand.Create(output, utcNow, progress)),
            new("gate", () => GateCommand.Create(input(), output, now)),
            new("audit", () => AuditCommand.Create(output, now)),
            new("incident", () => IncidentCommand.Create(output)),
            new("verify-tls", () => VerifyTlsCommand.Create(output, now)),
            new("schema", () => SchemaCommand.Create(output)),
            new("init", () => InitCommand.Create(output, utcNow)),
            new("export", () => ExportCommand.Create(output, utcNow)),
            new("evidence", () => EvidenceCommand.Create(output, now)),
            new("collect", () => CollectCommand.Create(output, now, readEnvironment)),
            new("sample", () => SampleCommand.Create(output, utcNow)),
        };
    }
}

/// <summary>A command's name and how to build it.</summary>
public sealed record NamedCommand(string Name, Func<Command> Create);
