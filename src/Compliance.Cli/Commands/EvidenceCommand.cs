using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
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
    public const string Usage = "compliance evidence add FILE --control ID --requirement ID [--collected-on YYYY-MM-DD] [--collector PERSON|job:NAME] [--description TEXT] [--name NAME] [--root DIR]";

    private static readonly HashSet<string> ValueOptions = new() { "--control", "--requirement", "--collected-on", "--collector", "--description", "--name", "--root" };

    public static int Run(IReadOnlyList<string> args, TextWriter output, Func<DateTimeOffset> now)
    {
        if (args.FirstOrDefault() != "add")
        {
            throw new UsageException("evidence takes a subcommand: add.");
        }

        var source = args.Skip(1).FirstOrDefault() is { } file && !file.StartsWith("--", StringComparison.Ordinal)
            ? file
            : throw new UsageException("evidence add takes the FILE to store.");
        var arguments = Arguments.Parse(args.Skip(2).ToList(), ValueOptions, new HashSet<string>());
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
