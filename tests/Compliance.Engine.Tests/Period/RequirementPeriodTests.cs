using System;
using System.IO;
using System.Linq;
using Compliance.Engine.Period;

namespace Compliance.Engine.Tests.Period;

/// <summary>
/// Requirements covered through their parts are assessed day by day (CMP2702), by the model's rule:
/// a parent is covered on a day when every in-scope part defined that day is covered, and a
/// not-applicable control covers nothing.
/// </summary>
public class RequirementPeriodTests
{
    private static readonly DayRange Year2026 = new(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));

    private const string Framework = """
        framework:
          id: mini
          title: Mini framework
        requirements:
          - id: M-1
            title: Encrypt data
            kind: standard
          - id: S-1
            title: Access control
            kind: standard
          - id: S-1.a
            title: Unique user identification
            kind: implementation-spec
            parent: S-1
          - id: S-1.b
            title: Automatic logoff
            kind: implementation-spec
            parent: S-1
        """;

    private static string Control(string id, string maps, string status = "implemented") => $"""
          - id: {id}
            title: Control {id}
            description: Does {maps}.
            owner: alice
            status: {status}
            maps_to: [{maps}]

        """;

    private static TestProgramme Parents()
    {
        var programme = new TestProgramme(git: false);
        programme.Write("controls/frameworks/mini.yaml", Framework);
        File.AppendAllText(Path.Combine(programme.Root, "controls/controls.yaml"), Control("IAM-01", "S-1.a"));
        programme.Git("init", "-q", "-b", "main");
        programme.Commit("S-1 with only its first part covered", "2026-01-01T09:00:00Z");

        // S-1.b is covered from 03-01: S-1 (through its parts) is uncovered 01-01..02-28, as S-1.b is.
        File.AppendAllText(Path.Combine(programme.Root, "controls/controls.yaml"), Control("IAM-02", "S-1.b"));
        programme.Commit("Cover S-1.b", "2026-03-01T09:00:00Z");
        return programme;
    }

    private static void Replace(TestProgramme programme, string relative, string from, string to)
    {
        var path = Path.Combine(programme.Root, relative);
        var text = File.ReadAllText(path);
        Assert.Contains(from, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }

    private static CheckResult CheckYear(TestProgramme programme) => programme.Check(new DateOnly(2026, 12, 31), o => o with { Period = Year2026 });

    [Fact]
    public void A_requirement_covered_through_its_parts_is_uncovered_on_the_days_one_part_was()
    {
        using var programme = Parents();

        var exceptions = CheckYear(programme).Period!.Exceptions.Where(e => e.RuleId == "CMP2702").ToList();

        Assert.Equal(new[] { "S-1 2026-01-01..2026-02-28", "S-1.b 2026-01-01..2026-02-28" }, exceptions.Select(e => $"{e.Target} {e.Days}").OrderBy(e => e, StringComparer.Ordinal));
        var parent = exceptions.Single(e => e.Target == "S-1");
        Assert.Equal("controls/frameworks/mini.yaml", parent.Location!.Path);
        Assert.Contains("not all of its parts were covered", parent.Message);
        Assert.Contains("uncovered on 2026-01-01: S-1.b)", parent.Message);
    }

    [Fact]
    public void A_part_added_to_its_framework_mid_period_needs_no_cover_before_it_was_added()
    {
        using var programme = new TestProgramme(git: false);
        programme.Write("controls/frameworks/mini.yaml", Framework.Replace("""
              - id: S-1.b
                title: Automatic logoff
                kind: implementation-spec
                parent: S-1
            """, string.Empty, StringComparison.Ordinal));
        File.AppendAllText(Path.Combine(programme.Root, "controls/controls.yaml"), Control("IAM-01", "S-1.a"));
        programme.Git("init", "-q", "-b", "main");
        programme.Commit("S-1 with one part, covered", "2026-01-01T09:00:00Z");
        programme.Write("controls/frameworks/mini.yaml", Framework);
        programme.Commit("S-1.b added to the framework", "2026-05-01T09:00:00Z");
        File.AppendAllText(Path.Combine(programme.Root, "controls/controls.yaml"), Control("IAM-02", "S-1.b"));
        programme.Commit("Cover S-1.b", "2026-05-11T09:00:00Z");

        var exceptions = CheckYear(programme).Period!.Exceptions.Where(e => e.RuleId == "CMP2702").Select(e => $"{e.Target} {e.Days}").OrderBy(e => e, StringComparer.Ordinal);

        Assert.Equal(new[] { "S-1 2026-05-01..2026-05-10", "S-1.b 2026-05-01..2026-05-10" }, exceptions);
    }

    [Fact]
    public void A_not_applicable_control_covers_nothing_on_any_day_as_at_the_head()
    {
        using var programme = new TestProgramme(git: false);
        File.AppendAllText(Path.Combine(programme.Root, "controls/controls.yaml"), Control("CRY-02", "M-1", status: "not-applicable"));
        Replace(programme, "controls/controls.yaml", "maps_to: [M-1]\n    evidence:", "maps_to: [M-9]\n    evidence:");
        programme.Write("controls/frameworks/mini.yaml", Framework.Replace("  - id: S-1\n", "  - id: M-9\n    title: Other\n    kind: standard\n  - id: S-1\n", StringComparison.Ordinal));
        programme.Git("init", "-q", "-b", "main");
        programme.Commit("M-1 only not applicable", "2026-01-01T09:00:00Z");
        Replace(programme, "controls/controls.yaml", "maps_to: [M-9]\n    evidence:", "maps_to: [M-1, M-9]\n    evidence:");
        programme.Commit("CRY-01 maps M-1", "2026-02-01T09:00:00Z");

        var exceptions = CheckYear(programme).Period!.Exceptions.Where(e => e.RuleId == "CMP2702" && e.Target == "M-1").Select(e => e.Days.ToString());

        Assert.Equal(new[] { "2026-01-01..2026-01-31" }, exceptions);
    }
}
