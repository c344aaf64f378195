using System.Linq;

namespace Compliance.Engine.Tests.Frameworks;

/// <summary>
/// The check reads a framework split over files (framework_part) from disk, through the programme's one file
/// set, and reaches the same findings as with the one file: only the position of a requirement's own finding
/// moves, to the file that defines it.
/// </summary>
public sealed class SplitFrameworkCheckTests
{
    private const string Catalog = """
        framework:
          id: mini
          title: Mini framework
        requirements:
          - id: M-1
            title: Encrypt data
            kind: standard

        """;

    private const string MoreRequirements = """
          - id: M-2
            title: Review access
            kind: standard
          - id: M-3
            title: Definitions
            kind: definition
            informative: true

        """;

    private const string Part = "controls/frameworks/mini/access.yaml";

    private static (string Rule, string Message)[] WithoutPositions(CheckResult result) =>
        result.Findings.Select(f => (f.RuleId, f.Message)).OrderBy(f => f.RuleId, System.StringComparer.Ordinal).ThenBy(f => f.Message, System.StringComparer.Ordinal).ToArray();

    [Fact]
    public void A_split_framework_checks_with_the_same_findings_as_the_single_file()
    {
        using var single = new TestProgramme(git: false);
        single.Write("controls/frameworks/mini.yaml", Catalog + MoreRequirements);

        using var split = new TestProgramme(git: false);
        split.Write("controls/frameworks/mini.yaml", Catalog);
        split.Write(Part, "framework_part:\n  framework: mini\nrequirements:\n" + MoreRequirements);

        // Stale evidence and an uncovered requirement: findings of the gate and of the model both.
        var asOf = new System.DateOnly(2027, 1, 15);
        var expected = single.Check(asOf);
        var actual = split.Check(asOf);

        Assert.Contains(expected.Findings, f => f.RuleId == "CMP0030");
        Assert.Contains(expected.Findings, f => f.RuleId.StartsWith("CMP11", System.StringComparison.Ordinal));
        Assert.Equal(WithoutPositions(expected), WithoutPositions(actual));
        Assert.Equal(
            expected.Programme.Coverage.Select(c => (c.RequirementId, c.State, c.InScope)),
            actual.Programme.Coverage.Select(c => (c.RequirementId, c.State, c.InScope)));

        // The uncovered requirement is reported where it is written: in the part, on its id.
        var uncovered = actual.Findings.Single(f => f.RuleId == "CMP0030");
        Assert.EndsWith(Part, uncovered.Location!.Path.Replace('\\', '/'));
        Assert.Equal((4, 9), (uncovered.Location.Line, uncovered.Location.Column));
    }

    [Fact]
    public void A_part_of_an_unknown_framework_fails_the_check_at_the_part()
    {
        using var programme = new TestProgramme(git: false);
        programme.Write(Part, "framework_part:\n  framework: minni\nrequirements:\n" + MoreRequirements);

        var finding = programme.Check().Findings.Single(f => f.RuleId == "CMP0027");
        Assert.Equal(Model.Diagnostics.Severity.Error, finding.Severity);
        Assert.EndsWith(Part, finding.Location!.Path.Replace('\\', '/'));
        Assert.Equal((2, 14), (finding.Location.Line, finding.Location.Column));
    }
}
