using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Compliance.Generator.Tests.Infrastructure;
using Compliance.Model.Diagnostics;
using Compliance.Model.Linking;
using Compliance.Model.Parsing;
using Compliance.Tests.Shared;
using Xunit.Abstractions;

namespace Compliance.Generator.Tests.Model;

/// <summary>
/// Seeded mutations (<see cref="ProgrammeMutator"/>) of every kind of programme file through the parser and the
/// linker: the mini programme's controls, crosswalk, frameworks, decisions, vendors, people, waivers and policy,
/// plus an incidents registry and an evidence sidecar. Whatever the damage: findings with a location, never an
/// exception or an internal error (CMP0099), each mutant within 10 s. The gate and the site get the same
/// treatment in Compliance.Site.Tests (GateAndSiteMutationTests). The seeds are fixed, so a failure reproduces.
/// </summary>
public sealed class MutationTests
{
    private const int Seeds = 40;
    private const int Rounds = 25;

    private static readonly (string Path, string Text)[] Extra =
    {
        ("policies/incidents.yaml", "incidents:\n  - id: INC-1\n    title: Misdirected letter\n    discovered_on: 2026-01-10\n    breach: true\n    individuals_affected: 3\n    individuals_notified_on: 2026-01-20\n"),
        ("evidence/iam/review.csv.evidence.yaml", "evidence:\n  artifact: review.csv\n  control: IAM-01\n  requirement: access-review\n  collected_on: 2026-01-05\n  collector: alice\n  sha256: 0000000000000000000000000000000000000000000000000000000000000000\n"),
    };

    private readonly ITestOutputHelper _output;

    public MutationTests(ITestOutputHelper output) => _output = output;

    public static IEnumerable<object[]> SeedNumbers() => Enumerable.Range(1, Seeds).Select(seed => new object[] { seed });

    [Theory]
    [MemberData(nameof(SeedNumbers))]
    public void Damaged_files_of_every_kind_give_findings_not_exceptions(int seed)
    {
        var files = Fixtures.Load("mini").Where(f => ProgrammeFileParser.IsYaml(f.Path) || ProgrammeFileParser.IsMarkdown(f.Path)).Concat(Extra).ToArray();
        var random = new Random(seed);
        var seen = new SortedDictionary<string, int>(StringComparer.Ordinal);
        for (var round = 0; round < Rounds; round++)
        {
            // Every kind in turn, from a seed-dependent start, so that each seed damages each file at least once.
            var target = (seed + round) % files.Length;
            var text = ProgrammeMutator.Mutate(files[target].Text, random);
            var clock = Stopwatch.StartNew();
            var parsed = files.Select((f, i) => ProgrammeFileParser.Parse("/repo/" + f.Path, i == target ? text : f.Text)).ToList();
            var linked = ProgrammeLinker.Link(parsed);
            var where = $"seed {seed}, round {round}, {files[target].Path}:\n{text}\n---\n";

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"{where}took {clock.Elapsed.TotalSeconds:0.0} s");
            var internalErrors = linked.Findings.Where(f => f.RuleId == Rules.InternalError.Id).ToList();
            Assert.True(internalErrors.Count == 0, where + string.Join("\n", internalErrors.Select(f => f.Text)));
            // Every finding points at a file, except a programme missing altogether, which has no file to point at;
            // and that is never reported while a file cannot be read (it may be the programme file: CMP0009).
            Assert.All(linked.Findings.Where(f => f.RuleId != Rules.ProgrammeDefinition.Id), f => Assert.True(f.Location is not null, where + f.Text));
            if (!linked.Unreadable.IsEmpty)
            {
                Assert.DoesNotContain(linked.Findings, f => f.RuleId == Rules.ProgrammeDefinition.Id && f.Location is null);
            }

            foreach (var id in linked.Findings.Select(f => f.RuleId).Distinct())
            {
                seen[id] = seen.TryGetValue(id, out var n) ? n + 1 : 1;
            }
        }

        _output.WriteLine($"seed {seed}: {Rounds} mutants over {files.Length} files; rounds with each rule: {string.Join(", ", seen.Select(p => $"{p.Key}×{p.Value}"))}");
    }
}
