using System;
using System.IO;
using System.Security;

namespace Compliance.EndToEnd.Tests.Harness;

/// <summary>
/// A programme in a fresh git repository under the temp folder: a copy of a fixture plus the MSBuild
/// files that load the toolkit from this repository and the prebuilt generator from the test output.
/// Tests edit files, commit with fixed dates and run real builds; the folder is deleted on dispose.
/// </summary>
public sealed class ProgrammeRepo : IDisposable
{
    public const string ProjectFileName = "Programme.csproj";
    public const string Namespace = "Acme.Compliance";

    /// <summary>The as-of date every programme is checked at, so that the gate's time-dependent rules give the same answer every day.</summary>
    public const string AsOf = "2026-02-01";

    private ProgrammeRepo(string root) => Root = root;

    /// <summary>The repository's root folder (no trailing separator): the programme root that holds controls/ and policies/.</summary>
    public string Root { get; }

    public string ProjectPath => Path.Combine(Root, ProjectFileName);

    /// <summary>
    /// Copies the named fixture under Fixtures/ into a new repository and makes its first commit at <see cref="Git.DefaultDate"/>.
    /// With <paramref name="gate"/> the build runs the whole gate (generator, then 'compliance check'); without it, only the generator.
    /// </summary>
    public static ProgrammeRepo FromFixture(string fixture, bool gate = true, DateTimeOffset? date = null)
    {
        var source = RepoLayout.Fixture(fixture);
        if (!Directory.Exists(source))
        {
            throw new DirectoryNotFoundException($"No fixture '{fixture}' at {source}.");
        }

        CheckToolkitIsBuilt(gate);
        var root = Path.Combine(Path.GetTempPath(), "compliance-e2e-" + Guid.NewGuid().ToString("N").Substring(0, 12));
        var repo = new ProgrammeRepo(root);
        try
        {
            CopyDirectory(source, root);
            repo.WriteBuildFiles(gate);
            Git.Run(root, date ?? Git.DefaultDate, "init", "--quiet");
            repo.Commit($"Add the '{fixture}' fixture", date ?? Git.DefaultDate);
            return repo;
        }
        catch
        {
            repo.Dispose();
            throw;
        }
    }

    public string PathOf(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    public string Read(string relativePath) => File.ReadAllText(PathOf(relativePath));

    /// <summary>Writes a file (LF line endings, as the repository's .gitattributes asks), creating its folder.</summary>
    public ProgrammeRepo Write(string relativePath, string content)
    {
        var path = PathOf(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content.Replace("\r\n", "\n"));
        return this;
    }

    /// <summary>Replaces text that occurs exactly once in a file, so that a fixture change cannot silently make an edit miss.</summary>
    public ProgrammeRepo Replace(string relativePath, string oldText, string newText)
    {
        var text = Read(relativePath);
        var first = text.IndexOf(oldText, StringComparison.Ordinal);
        if (first < 0 || text.IndexOf(oldText, first + 1, StringComparison.Ordinal) >= 0)
        {
            throw new InvalidOperationException($"Expected '{oldText}' exactly once in {relativePath}, found it {(first < 0 ? "nowhere" : "more than once")}.");
        }

        return Write(relativePath, text.Substring(0, first) + newText + text.Substring(first + oldText.Length));
    }

    public ProgrammeRepo Append(string relativePath, string text) => Write(relativePath, Read(relativePath) + text);

    public ProgrammeRepo Delete(string relativePath)
    {
        File.Delete(PathOf(relativePath));
        return this;
    }

    /// <summary>Stages everything and commits with the fixed identity and the given date; returns the commit's SHA.</summary>
    public string Commit(string message, DateTimeOffset date)
    {
        Git.Run(Root, date, "add", "--all");
        Git.Run(Root, date, "commit", "--quiet", "--message", message);
        return Git.Run(Root, date, "rev-parse", "HEAD");
    }

    public BuildResult Build(TimeSpan? timeout = null, params string[] extraArguments) =>
        DotnetBuild.Run(ProjectPath, Root, timeout, extraArguments);

    public void Dispose()
    {
        if (!Directory.Exists(Root))
        {
            return;
        }

        // git makes its object files read-only; clear that so the delete works everywhere.
        foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build process that outlived its time-out may still hold a file; the temp folder is cleaned later.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static void CheckToolkitIsBuilt(bool gate)
    {
        foreach (var assembly in RepoLayout.AnalyzerAssemblies)
        {
            if (!File.Exists(Path.Combine(RepoLayout.AnalyzerDir, assembly)))
            {
                throw new FileNotFoundException($"{assembly} is not in the test output folder {RepoLayout.AnalyzerDir}; the ProjectReference to the generator (and the YamlDotNet reference) should put it there.");
            }
        }

        foreach (var tool in gate ? new[] { RepoLayout.ComplianceCli, RepoLayout.ComplianceTasks } : Array.Empty<string>())
        {
            if (!File.Exists(tool))
            {
                throw new FileNotFoundException($"The gate's {Path.GetFileName(tool)} is not at {tool}; the test project's ProjectReferences should have built it.");
            }
        }
    }

    private void WriteBuildFiles(bool gate)
    {
        // The gate runs the CLI and the task built from src/ (see the test project's references), or is switched off.
        // The task assembly is set either way: its ComplianceProgrammeFiles task lists the files the compiler reads.
        var tasks = $"<ComplianceTasksAssembly>{Xml(RepoLayout.ComplianceTasks)}</ComplianceTasksAssembly>";
        var gateSettings = gate
            ? $"<ComplianceCliPath>{Xml(RepoLayout.ComplianceCli)}</ComplianceCliPath>\n    {tasks}"
            : $"<ComplianceCheck>false</ComplianceCheck>\n    {tasks}";
        Write("Directory.Build.props", $"""
            <Project>
              <!-- Written by the end-to-end test harness: this repository is a compliance programme. -->
              <PropertyGroup>
                <RepoRoot>$(MSBuildThisFileDirectory)</RepoRoot>
                <IsComplianceProgramme>true</IsComplianceProgramme>
                <ComplianceAnalyzerDir>{Xml(RepoLayout.AnalyzerDir)}</ComplianceAnalyzerDir>
                {gateSettings}
              </PropertyGroup>
            </Project>

            """);
        Write("Directory.Build.targets", $"""
            <Project>
              <!-- The toolkit's MSBuild logic, imported from source as a package's build/ folder would import it. -->
              <Import Project="{Xml(RepoLayout.SdkProps)}" Condition="'$(IsComplianceProgramme)' == 'true'" />
              <Import Project="{Xml(RepoLayout.SdkTargets)}" Condition="'$(IsComplianceProgramme)' == 'true'" />
            </Project>

            """);
        Write(ProjectFileName, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ComplianceNamespace>{Namespace}</ComplianceNamespace>
                <ComplianceAsOf>{AsOf}</ComplianceAsOf>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
                <GenerateDocumentationFile>false</GenerateDocumentationFile>
              </PropertyGroup>
            </Project>

            """);
        Write(".gitignore", "bin/\nobj/\nartifacts/\n");
    }

    private static string Xml(string text) => SecurityElement.Escape(text);

    private static void CopyDirectory(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
