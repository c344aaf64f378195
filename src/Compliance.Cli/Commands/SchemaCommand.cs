using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using Compliance.Cli.Syntax;
using Compliance.Engine.Reports;
using Compliance.Model.Schema;

namespace Compliance.Cli.Commands;

/// <summary>
/// compliance schema [--out DIR] [--check]
/// Writes the JSON Schema of every programme file kind, generated from the model, to DIR (default: schemas).
/// With --check it writes nothing and exits 1 when a file in DIR differs from what would be written.
/// </summary>
public static class SchemaCommand
{
    public static Command Create(TextWriter output)
    {
        var command = new Command("schema", "Writes the JSON Schema of every programme file kind, for editors, generated from the model.")
        {
            CliOptions.Value("--out", "DIR", "Where to write the schemas (default: schemas)."),
            CliOptions.Flag("--check", "Write nothing; exit 1 when a schema in DIR differs from what would be written."),
        };
        command.SetAction(parsed => Execute(new ParsedArguments(parsed), output));
        return command;
    }

    public static int Run(IReadOnlyList<string> args, TextWriter output) => CommandInvoker.Run(Create(output), args);

    private static int Execute(ParsedArguments arguments, TextWriter output)
    {
        var folder = Path.GetFullPath(arguments.Value("--out") ?? "schemas");
        var stale = 0;
        foreach (var file in JsonSchemaGenerator.GenerateAll())
        {
            var path = Path.Combine(folder, file.Key);
            if (arguments.Flag("--check"))
            {
                if (!File.Exists(path) || File.ReadAllText(path) != file.Value)
                {
                    output.WriteLine($"{path}: out of date (run 'compliance schema --out {folder}')");
                    stale++;
                }

                continue;
            }

            if (File.Exists(path) && File.ReadAllText(path) == file.Value)
            {
                continue;
            }

            AtomicFile.WriteAllText(path, file.Value);
            output.WriteLine($"wrote {path}");
        }

        if (arguments.Flag("--check"))
        {
            output.WriteLine(stale == 0 ? $"The schemas in {folder} are up to date." : $"{stale} schema file(s) out of date.");
            return stale == 0 ? 0 : 1;
        }

        output.WriteLine($"Schemas in {folder} are up to date ({JsonSchemaGenerator.GenerateAll().Count} files).");
        return 0;
    }
}
