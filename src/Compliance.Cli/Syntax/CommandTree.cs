using System;
using System.CommandLine;
using System.IO;
using Compliance.Cli.Commands;

namespace Compliance.Cli.Syntax;

/// <summary>Every command of the tool under one root, each given the console, clock and environment it needs.</summary>
public static class CommandTree
{
    public static RootCommand Create(TextReader input, TextWriter output, Func<DateTimeOffset> now, Func<string, string?> readEnvironment, Engine.Progress.IWorkProgress progress)
    {
        Func<DateTime> utcNow = () => now().UtcDateTime;
        var root = new RootCommand("compliance: evidence-as-code compliance checks for HIPAA and SOC 2 programmes.")
        {
            CheckCommand.Create(output, utcNow, readEnvironment(StepSummary.Variable), progress),
            SiteCommand.Create(output, utcNow, progress),
            GateCommand.Create(input, output, now),
            AuditCommand.Create(output, now),
            IncidentCommand.Create(output),
            VerifyTlsCommand.Create(output, now),
            SchemaCommand.Create(output),
            InitCommand.Create(output, utcNow),
            ExportCommand.Create(output, utcNow),
            EvidenceCommand.Create(output, now),
            CollectCommand.Create(output, now, readEnvironment),
            SampleCommand.Create(output, utcNow),
        };

        // The tool's name in help, whatever the host process is called (dotnet, a test host).
        root.HelpName = "compliance";
        return root;
    }
}
