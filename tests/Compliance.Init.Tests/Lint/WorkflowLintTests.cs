using System;
using System.IO;
using Compliance.Cli.Commands;

namespace Compliance.Init.Tests.Lint;

/// <summary>The GitHub Actions workflow that 'compliance init' writes, linted by actionlint.</summary>
public sealed class WorkflowLintTests
{
    [ActionlintFact]
    public void The_workflow_init_writes_passes_actionlint()
    {
        using var folder = new TempFolder();
        var exit = InitCommand.Run(new[] { "--root", folder.Path, "--name", "Acme Health" }, TextWriter.Null, () => new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc));
        Assert.Equal(0, exit);

        var (lint, output) = Actionlint.Lint(folder.File(".github/workflows/compliance.yml"));

        Assert.True(lint == 0, output);
        Assert.Contains("actionlint: 0 finding(s)", output);
    }

    [ActionlintFact]
    public void Actionlint_reports_a_job_without_a_runner_and_an_undefined_context_property()
    {
        using var folder = new TempFolder();
        var workflow = folder.File("broken.yml");
        File.WriteAllText(workflow, "name: x\non: push\njobs:\n  a:\n    steps:\n      - run: echo ${{ github.nope }}\n");

        var (lint, output) = Actionlint.Lint(workflow);

        Assert.True(lint == 1, output);
        Assert.Contains("broken.yml:4:3: \"runs-on\" section is missing in job \"a\" [syntax-check]", output);
        Assert.Contains("property \"nope\" is not defined", output);
    }
}
