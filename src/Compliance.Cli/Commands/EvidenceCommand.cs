using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using Compliance.Cli.Syntax;
using Compliance.Engine.Collection;
using Compliance.Engine.Loading;

namespace Compliance.Cli.Commands;

/// <summary>
/// compliance evidence add FILE --control ID --requirement ID [--collected-on DATE] [--collector PERSON|job:NAME]
///                           [--description TEXT] [--name NAME] [--root DIR]
/// Copies a collected file into its requirement's folder with a sidecar and an audit event. Exit 1 when refused.
/// </summary>
public static class EvidenceCommand
{
    public static Command Create(TextWriter output, Func<DateTimeOffset> now)
    {
        var file = new Argument<string>("FILE") { Description = "The collected file to store.", Arity = ArgumentArity.ZeroOrOne };
        var add = new Command("add", "Copies a collected file into its requirement's evidence folder, with a sidecar and an audit event. Exit 1 when refused.")
        {
            file,
            CliOptions.Value("--control", "ID", "The control the evidence is for (required)."),
            CliOptions.Value("--requirement", "ID", "The control's requirement the evidence is for (required)."),
            CliOptions.Value("--collected-on", "YYYY-MM-DD", "The day the evidence was collected (default: today in UTC)."),
            CliOptions.Value("--collector", "PERSON|job:NAME", "Who collected it: a person in the workforce registry, or job:NAME."),
            CliOptions.Value("--description", "TEXT", "What the evidence shows."),
            CliOptions.Value("--name", "NAME", "The stored file's name (default: the file's own name)."),
            CliOptions.Root(),
        };
        add.SetAction(parsed => Add(parsed.GetValue(file), new ParsedArguments(parsed), output, now));
        var evidence = new Command("evidence", "Stores collected evidence in the programme.") { add };
        CommandInvoker.RequireSubcommand(evidence, "evidence takes a subcommand: add.");
        return evidence;
    }

    public static int Run(IReadOnlyList<string> args, TextWriter output, Func<DateTimeOffset> now) =>
        CommandInvoker.Run(Create(output, now), args);

    private static int Add(string? file, ParsedArguments arguments, TextWriter output, Func<DateTimeOffset> now)
    {
        var source = file is not null && !file.StartsWith("--", StringComparison.Ordinal)
            ? file
            : throw new UsageException("evidence add takes the FILE to store.");
        var root = Roots.Resolve(arguments.Value("--root"));
        var request = new EvidenceAddRequest(
            root,
            Path.GetFullPath(source),
            arguments.Value("--control") ?? throw new UsageException("evidence add needs --control ID."),
            arguments.Value("--requirement") ?? throw new UsageException("evidence add needs --requirement ID."),
            Dates.Parse(arguments.Value("--collected-on"), "--collected-on"),
            arguments.Value("--collector"),
            arguments.Value("--description"),
            arguments.Value("--name"));

        var result = EvidenceAddition.Add(request, ProgrammeLoader.Load(root), now);
        if (!result.Added)
        {
            output.WriteLine($"compliance: refused ({result.Refusal}): {result.Message}");
            return 1;
        }

        output.WriteLine($"added {result.Stored!.Artifact} (sha256 {result.Stored.Sha256}), audit event {result.Event!.Seq}");
        output.WriteLine("commit these paths together:");
        output.WriteLine($"  {result.Stored.Artifact}");
        output.WriteLine($"  {result.Stored.Sidecar}");
        foreach (var log in Engine.Audit.AuditLog.OwnFiles(Engine.Audit.AuditLog.DefaultPath))
        {
            output.WriteLine($"  {log}");
        }

        return 0;
    }
}
