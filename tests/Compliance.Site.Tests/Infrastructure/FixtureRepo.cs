using System;
using System.IO;
using System.Linq;
using Compliance.Engine;

namespace Compliance.Site.Tests.Infrastructure;

/// <summary>
/// A fixture programme in a fresh git repository under the temp folder, with fixed commit dates:
/// <list type="bullet">
/// <item>"mini": a first commit on 2026-06-01 (Fixtures/mini without the files listed in
/// Fixtures/mini-before/added-later.txt, and with mini-before's older files), tagged audit-2026-q2,
/// then the full fixture on 2026-09-15.</item>
/// <item>any other fixture: one commit on 2026-01-15.</item>
/// </list>
/// The audit log under evidence/audit/ is not a fixture file: <see cref="FixtureAuditLogs"/> appends its
/// events with the engine's appender and fixed timestamps before the last commit.
/// </summary>
public sealed class FixtureRepo : IDisposable
{
    public const string Tag = "audit-2026-q2";

    public static readonly DateOnly AsOf = new(2026, 10, 1);
    public static readonly DateTimeOffset FirstCommit = new(2026, 6, 1, 10, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset SecondCommit = new(2026, 9, 15, 15, 30, 0, TimeSpan.Zero);

    private FixtureRepo(string root) => Root = root;

    public string Root { get; }

    public static FixtureRepo Create(string fixture)
    {
        var source = Path.Combine(TestPaths.Fixtures, fixture);
        if (!Directory.Exists(source))
        {
            throw new DirectoryNotFoundException($"No fixture '{fixture}' at {source}.");
        }

        var root = Path.Combine(Path.GetTempPath(), $"site-fixture-{fixture}-{Guid.NewGuid():N}".Substring(0, 40));
        var repo = new FixtureRepo(root);
        try
        {
            Directory.CreateDirectory(root);
            Git.Run(root, FirstCommit, "init", "--quiet");
            if (fixture == "mini")
            {
                var before = Path.Combine(TestPaths.Fixtures, "mini-before");
                Copy(source, root);
                foreach (var line in File.ReadAllLines(Path.Combine(before, "added-later.txt")).Where(l => l.Length > 0 && !l.StartsWith('#')))
                {
                    File.Delete(Path.Combine(root, line));
                }

                Copy(Path.Combine(before, "policies"), Path.Combine(root, "policies"));
                repo.Commit("Programme as of the second quarter", FirstCommit);
                Git.Run(root, FirstCommit, "tag", Tag);
                Copy(source, root);
                FixtureAuditLogs.Write(fixture, root);
                repo.Commit("Third-quarter evidence and policy 1.1", SecondCommit);
            }
            else
            {
                Copy(source, root);
                FixtureAuditLogs.Write(fixture, root);
                repo.Commit($"Add the '{fixture}' fixture", new DateTimeOffset(2026, 1, 15, 10, 0, 0, TimeSpan.Zero));
            }

            return repo;
        }
        catch
        {
            repo.Dispose();
            throw;
        }
    }

    public string Commit(string message, DateTimeOffset date)
    {
        Git.Run(Root, date, "add", "--all");
        Git.Run(Root, date, "commit", "--quiet", "--message", message);
        return Git.Run(Root, date, "rev-parse", "HEAD");
    }

    public CheckResult Check() => ComplianceCheck.Run(new CheckOptions(Root, AsOf));

    /// <summary>Checks the programme and renders its site into <paramref name="output"/>, comparing with the tag for "what changed".</summary>
    public SiteResult Render(string output) => SiteGenerator.Render(Check(), new SiteOptions(output) { CompareTo = Tag });

    public void Dispose() => TempFolder.Delete(Root);

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}

/// <summary>A folder under the temp folder for one test, deleted afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder(string name = "site")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(string relative) => System.IO.Path.Combine(Path, relative);

    public void Dispose() => Delete(Path);

    public static void Delete(string path)
    {
        if (!Directory.Exists(path))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }

        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
