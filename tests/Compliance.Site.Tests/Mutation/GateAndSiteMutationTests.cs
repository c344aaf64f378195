using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Compliance.Engine;
using Compliance.Model.Diagnostics;
using Compliance.Model.Files;
using Compliance.Site.Tests.Infrastructure;
using Compliance.Tests.Shared;
using Xunit.Abstractions;

namespace Compliance.Site.Tests.Mutation;

/// <summary>
/// The mutation harness through the gate and the site, in process, as 'compliance check --site' runs them
/// (ComplianceCheck.Run, then SiteGenerator.Render; the CLI turns an exception of either into CMP1901). Each
/// seed damages one file of the mini programme (every kind in turn, the audit log included) in a copy that sits
/// in a sandbox beside a canary file. Each mutant: within 10 s; no exception and no CMP0099 or CMP1901; every
/// finding located; no page holding the input's markup unencoded; nothing read from outside the repository
/// (the canary's content appears nowhere) or written outside it (the sandbox holds only the repository).
/// </summary>
public sealed class GateAndSiteMutationTests
{
    private const int Seeds = 12;

    private readonly ITestOutputHelper _output;

    public GateAndSiteMutationTests(ITestOutputHelper output) => _output = output;

    public static IEnumerable<object[]> SeedNumbers() => Enumerable.Range(1, Seeds).Select(seed => new object[] { seed });

    [Theory]
    [MemberData(nameof(SeedNumbers))]
    public void Damaged_programme_is_checked_and_rendered_without_internal_errors(int seed)
    {
        using var sandbox = new TempFolder();
        var root = Path.Combine(sandbox.Path, "repo");
        CopyFixture(root);
        File.WriteAllText(Path.Combine(sandbox.Path, "outside.txt"), ProgrammeMutator.Canary);
        var files = ProgrammeFileSet.Enumerate(root).Files.Append(Engine.Audit.AuditLog.DefaultPath).ToArray();
        var target = files[seed % files.Length];
        var random = new Random(seed);
        var original = File.ReadAllText(Path.Combine(root, target));
        var text = ProgrammeMutator.Mutate(original, random);
        File.WriteAllText(Path.Combine(root, target), text);
        var where = $"seed {seed}, {target}:\n{text}\n---\n";

        var clock = Stopwatch.StartNew();
        var result = ComplianceCheck.Run(new CheckOptions(root, FixtureRepo.AsOf));
        var site = Path.Combine(root, "artifacts", "site");
        SiteGenerator.Render(result, new SiteOptions(site));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"{where}took {clock.Elapsed.TotalSeconds:0.0} s");

        Assert.DoesNotContain(result.Findings, f => f.RuleId == Rules.InternalError.Id || f.RuleId == Rules.CheckFailed.Id);
        Assert.All(result.Findings.Where(f => f.RuleId != Rules.ProgrammeDefinition.Id && f.RuleId != Rules.ProvenanceUnavailable.Id),
            f => Assert.True(f.Location is not null, where + f.Text));
        Assert.DoesNotContain(result.Findings, f => f.Message.Contains(ProgrammeMutator.Canary, StringComparison.Ordinal));
        foreach (var page in Directory.EnumerateFiles(site, "*.html", SearchOption.AllDirectories))
        {
            var html = File.ReadAllText(page);
            Assert.False(html.Contains(ProgrammeMutator.Marker, StringComparison.Ordinal), $"{where}{page} holds the marker unencoded");
            Assert.False(html.Contains(ProgrammeMutator.Canary, StringComparison.Ordinal), $"{where}{page} shows a file from outside the repository");
        }

        Assert.Equal(new[] { "outside.txt", "repo" }, Directory.EnumerateFileSystemEntries(sandbox.Path).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));
        _output.WriteLine($"seed {seed}: {target}; {result.Findings.Count} findings: {string.Join(", ", result.Findings.GroupBy(f => f.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}×{g.Count()}"))}; {clock.Elapsed.TotalMilliseconds:0} ms");
    }

    private static void CopyFixture(string root)
    {
        var source = Path.Combine(TestPaths.Fixtures, "mini");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(root, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        FixtureAuditLogs.Write("mini", root);
    }
}
