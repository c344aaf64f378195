using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Compliance.Cli;
using Compliance.Cli.Commands;
using Compliance.Cli.Init;
using Compliance.Engine;
using Compliance.Model.Diagnostics;
using Compliance.Model.Parsing;

namespace Compliance.Init.Tests;

public sealed class InitTests
{
    private static readonly DateTime Now = new(2026, 11, 1, 9, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void In_an_empty_folder_it_creates_the_whole_programme()
    {
        using var folder = new TempFolder();

        var (exit, output) = Init(folder, "--name", "Acme Health");

        Assert.Equal(0, exit);
        var expected = new[]
        {
            "controls/programme.yaml", "controls/frameworks/hipaa-security.yaml", "controls/frameworks/hipaa-breach.yaml", "controls/frameworks/soc2.yaml",
            "controls/crosswalks/soc2-hipaa-security.yaml", "controls/crosswalks/soc2-hipaa-breach.yaml", "controls/examples.yaml", "controls/decisions.yaml",
            "policies/information-security.md", "policies/people.yaml", "policies/vendors.yaml", "policies/waivers.yaml", "policies/incidents.yaml",
            "evidence/README.md", ".gitignore", ".github/workflows/compliance.yml", ".github/workflows/compliance-collect.yml", "compliance/AcmeHealth.Compliance.csproj", ".vscode/settings.json",
            "schemas/controls.schema.json", "schemas/programme-file.schema.json",
        };
        foreach (var file in expected)
        {
            Assert.True(File.Exists(folder.File(file)), $"{file} was not created.");
            Assert.Contains($"  created  {file}", output);
        }

        Assert.Contains("0 already existed", output);
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void The_scaffolded_programme_is_structurally_valid_and_only_lacks_coverage_and_evidence()
    {
        using var folder = new TempFolder();
        Init(folder, "--name", "Acme Health");

        foreach (var file in ProgrammeFiles(folder.Path))
        {
            var parsed = ProgrammeFileParser.Parse(file, File.ReadAllText(folder.File(file)));
            Assert.True(parsed.Findings.Count == 0, $"{file}: {string.Join(" | ", parsed.Findings)}");
        }

        var result = ComplianceCheck.Run(new CheckOptions(folder.Path, new DateOnly(2026, 11, 1)));

        // What a new programme lacks: controls for most requirements (CMP0030) and collected evidence (CMP1101).
        var errorRules = result.Findings.Where(f => f.Severity == Severity.Error).Select(f => f.RuleId).Distinct().OrderBy(r => r).ToList();
        Assert.Equal(new[] { "CMP0030", "CMP1101" }, errorRules);
        Assert.Equal("Acme Health", result.Programme.Programme!.Name);
        Assert.Equal(new[] { "hipaa-security", "hipaa-breach", "soc2" }, result.Programme.Programme.Scope.Select(s => s.Framework.Value));
        Assert.Equal(4, result.Programme.Controls.Count);
        Assert.Single(result.Programme.Policies);
    }

    [Fact]
    public void Every_modeline_points_at_a_scaffolded_schema_of_the_files_kind()
    {
        using var folder = new TempFolder();
        Init(folder, "--name", "Acme");

        var yamlFiles = ProgrammeFiles(folder.Path).Where(f => f.EndsWith(".yaml", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(yamlFiles);
        foreach (var file in yamlFiles)
        {
            var text = File.ReadAllText(folder.File(file));
            var match = Regex.Match(text, @"\A# yaml-language-server: \$schema=(\S+)\n");
            Assert.True(match.Success, $"{file} has no modeline on its first line.");
            var schema = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(folder.File(file))!, match.Groups[1].Value));
            Assert.True(File.Exists(schema), $"{file}: {schema} does not exist.");
            var kind = ProgrammeFileParser.Parse(file, text).Kind;
            Assert.Equal($"{kind}.schema.json", Path.GetFileName(schema));
        }
    }

    [Fact]
    public void The_collect_workflow_runs_on_a_schedule_never_on_pull_requests_and_opens_a_pull_request()
    {
        using var folder = new TempFolder();
        Init(folder, "--name", "Acme");

        var workflow = File.ReadAllText(folder.File(".github/workflows/compliance-collect.yml"));

        Assert.Contains("  schedule:", workflow);
        Assert.DoesNotContain(workflow.Split('\n'), l => !l.TrimStart().StartsWith('#') && l.Contains("pull_request"));
        Assert.Contains("compliance collect --due --commit", workflow);
        Assert.Contains("ref: ${{ github.event.repository.default_branch }}", workflow);
        Assert.Contains("environment: evidence-collection", workflow);
        Assert.Contains("gh pr create", workflow);
        Assert.DoesNotContain("secrets.", File.ReadAllText(folder.File(".github/workflows/compliance.yml")));
    }

    [Fact]
    public void The_workflow_runs_the_gate_on_full_history_and_publishes_the_SARIF_and_the_site()
    {
        using var folder = new TempFolder();
        Init(folder, "--name", "Acme");

        var workflow = File.ReadAllText(folder.File(".github/workflows/compliance.yml"));

        Assert.Contains("fetch-depth: 0", workflow);
        Assert.Contains("run: dotnet build compliance/Acme.Compliance.csproj", workflow);
        Assert.Contains("uses: github/codeql-action/upload-sarif@v3", workflow);
        Assert.Contains("sarif_file: artifacts/compliance/compliance.sarif", workflow);
        // The check's step summary says what changed since a pull request's base branch.
        Assert.Contains("format('origin/{0}', github.base_ref)", workflow);
        Assert.Contains("-p:ComplianceSiteCompareTo=\"$COMPARE_TO\"", workflow);
        Assert.Contains("path: artifacts/site", workflow);
        Assert.Contains("artifacts/", File.ReadAllText(folder.File(".gitignore")));
    }

    [Fact]
    public void The_programme_project_references_the_package_of_the_same_version_and_points_at_the_root()
    {
        using var folder = new TempFolder();
        Init(folder, "--name", "Acme Health");

        var project = File.ReadAllText(folder.File("compliance/AcmeHealth.Compliance.csproj"));
        var version = typeof(InitCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];

        Assert.Contains($"<PackageReference Include=\"Compliance.Sdk\" Version=\"{version}\"", project);
        Assert.Contains("<ComplianceRoot>$(MSBuildThisFileDirectory)../</ComplianceRoot>", project);
        Assert.Contains("<ComplianceNamespace>AcmeHealth.Compliance</ComplianceNamespace>", project);
    }

    [Fact]
    public void In_an_existing_repository_a_conflicting_file_is_reported_and_left_alone()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("controls"));
        File.WriteAllText(folder.File(".gitignore"), "node_modules/\n");
        File.WriteAllText(folder.File("controls/programme.yaml"), "programme:\n  id: ours\n  name: Ours\n  scope:\n    - framework: soc2\n");
        File.WriteAllText(folder.File("README.md"), "# Our repository\n");
        var before = Snapshot(folder.Path);

        var (exit, output) = Init(folder, "--name", "Acme");

        Assert.Equal(0, exit);
        Assert.Contains("  exists   .gitignore (left alone; make sure it ignores artifacts/)", output);
        Assert.Contains("  exists   controls/programme.yaml (left alone)", output);
        Assert.Contains("  created  controls/examples.yaml", output);
        var after = Snapshot(folder.Path);
        foreach (var (path, content) in before)
        {
            Assert.Equal(content, after[path]);
        }

        Assert.Contains("2 already existed", output);
    }

    [Fact]
    public void A_second_run_reports_every_file_as_existing_and_changes_nothing()
    {
        using var folder = new TempFolder();
        Init(folder, "--name", "Acme", "--frameworks", "soc2");
        File.WriteAllText(folder.File("controls/examples.yaml"), "controls: []\n");
        var first = Snapshot(folder.Path);

        var (exit, output) = Init(folder, "--name", "Acme", "--frameworks", "soc2");

        Assert.Equal(0, exit);
        Assert.Equal(first, Snapshot(folder.Path));
        Assert.Contains("0 file(s) created", output);
        Assert.DoesNotContain("  created  ", output);
        foreach (var file in first.Keys)
        {
            Assert.Contains($"  exists   {file}", output);
        }
    }

    [Theory]
    [InlineData("soc2", new[] { "soc2" }, new[] { "CC3.2", "CC6.1", "CC7.2", "CC7.4" })]
    [InlineData("hipaa-breach", new[] { "hipaa-breach" }, new[] { "164.410" })]
    [InlineData("hipaa", new[] { "hipaa-security", "hipaa-breach" }, new[] { "164.308(a)(1)(ii)(A)", "164.308(a)(2)", "164.312(d)", "164.312(b)", "164.410" })]
    public void Only_the_chosen_frameworks_are_scaffolded_and_mapped(string frameworks, string[] catalogs, string[] mapped)
    {
        using var folder = new TempFolder();
        Init(folder, "--name", "Acme", "--frameworks", frameworks);

        var written = Directory.GetFiles(folder.File("controls/frameworks")).Select(f => Path.GetFileNameWithoutExtension(f)).OrderBy(f => f);
        Assert.Equal(catalogs.OrderBy(c => c), written);
        Assert.Equal(catalogs.Contains("soc2") && catalogs.Length > 1, Directory.Exists(folder.File("controls/crosswalks")));
        var result = ComplianceCheck.Run(new CheckOptions(folder.Path, new DateOnly(2026, 11, 1)));
        Assert.Equal(mapped.OrderBy(m => m), result.Programme.Controls.SelectMany(c => c.MapsTo).Select(m => m.Value).OrderBy(m => m));
        Assert.DoesNotContain(result.Findings, f => f.Severity == Severity.Error && f.RuleId is not ("CMP0030" or "CMP1101"));
    }

    [Fact]
    public void An_unknown_framework_is_a_usage_error()
    {
        using var folder = new TempFolder();

        var error = Assert.Throws<UsageException>(() => Init(folder, "--frameworks", "iso27001"));

        Assert.Contains("'iso27001' is not one of them", error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public void The_scaffold_is_deterministic()
    {
        var options = new InitOptions("Acme", ProgrammeTemplate.ParseFrameworks("hipaa,soc2"), new DateOnly(2026, 11, 1), "0.1.0");

        Assert.Equal(ProgrammeTemplate.Files(options), ProgrammeTemplate.Files(options));
    }

    [Theory]
    [InlineData("Acme Health", "acme-health", "AcmeHealth")]
    [InlineData("  St. Mary's Clinic  ", "st-mary-s-clinic", "StMarySClinic")]
    [InlineData("42 Labs", "42-labs", "Programme42Labs")]
    public void Names_become_a_programme_ID_and_a_namespace(string name, string slug, string identifier)
    {
        Assert.Equal(slug, ProgrammeTemplate.Slug(name));
        Assert.Equal(identifier, ProgrammeTemplate.Identifier(name));
    }

    [Fact]
    public void A_file_created_meanwhile_is_not_overwritten()
    {
        using var folder = new TempFolder();
        var path = folder.File("a/b.txt");

        Assert.True(Scaffolder.CreateNew(path, "first"));
        Assert.False(Scaffolder.CreateNew(path, "second"));
        Assert.Equal("first", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(folder.File("a")));
    }

    private static (int Exit, string Output) Init(TempFolder folder, params string[] args)
    {
        var output = new StringWriter();
        var exit = InitCommand.Run(new[] { "--root", folder.Path }.Concat(args).ToList(), output, () => Now);
        return (exit, output.ToString().Replace("\r\n", "\n"));
    }

    private static IEnumerable<string> ProgrammeFiles(string root) =>
        new[] { "controls", "policies" }
            .SelectMany(d => Directory.GetFiles(Path.Combine(root, d), "*", SearchOption.AllDirectories))
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .OrderBy(f => f, StringComparer.Ordinal);

    private static Dictionary<string, string> Snapshot(string root) =>
        Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllText);
}
