using System.Linq;
using Compliance.Generator.Tests.Infrastructure;

namespace Compliance.Generator.Tests.Model;

/// <summary>
/// An item with an invalid field keeps its identity in the linker's index: references to it resolve, and it is
/// reported once, at the bad field, not again by every file that names it (with a did-you-mean naming another item).
/// </summary>
public sealed class CascadeTests
{
    private static string[] Ids(GeneratorRun run) => run.Diagnostics.Select(d => d.Id).OrderBy(id => id, System.StringComparer.Ordinal).ToArray();

    [Fact]
    public void Control_title_key_in_the_wrong_case_does_not_make_its_sidecars_name_another_control()
    {
        var run = GeneratorHarness.Run(Fixtures.BaseWith(
            ("controls/extra.yaml", """
                controls:
                  - id: C-2
                    Title: Control two
                    description: Second.
                    owner: alice
                    status: implemented
                    maps_to: [R1]
                    evidence:
                      - id: report
                        description: A report.
                        collection: manual
                        freshness_days: 30

                """),
            ("evidence/c-2/report.json.evidence.yaml", """
                evidence:
                  artifact: report.json
                  control: C-2
                  requirement: report
                  collected_on: 2026-01-10
                  collector: alice
                  sha256: 0000000000000000000000000000000000000000000000000000000000000000

                """)));
        Assert.DoesNotContain("CMP0021", Ids(run));
        Assert.Contains(run.Diagnostics, d => d.Id == "CMP0014" && d.Location.GetLineSpan().StartLinePosition.Line == 2);
    }

    [Fact]
    public void Person_with_an_invalid_field_still_resolves_as_an_owner()
    {
        var run = GeneratorHarness.Run(Fixtures.BaseWith(("policies/more-people.yaml", """
            people:
              - id: bob
                name: Bob
                email: [not, text]
                role: Engineer
                status: active

            """), ("controls/extra.yaml", """
            controls:
              - id: C-2
                title: Control two
                description: Second.
                owner: bob
                status: implemented
                maps_to: [R1]

            """)));
        Assert.DoesNotContain("CMP0021", Ids(run));
        Assert.Contains("CMP0010", Ids(run));
    }

    [Fact]
    public void Control_with_an_invalid_status_holds_back_coverage_of_its_requirements()
    {
        var run = GeneratorHarness.Run(Fixtures.BaseWith((Fixtures.ControlsPath, """
            controls:
              - id: C-1
                title: Control one
                description: First.
                owner: alice
                status: finished
                maps_to: [R1, R2]

            """)));
        Assert.Equal(new[] { "CMP0009", "CMP0015" }, Ids(run));
    }

    [Fact]
    public void Evidence_requirement_with_an_invalid_field_does_not_make_its_sidecar_suggest_another()
    {
        var run = GeneratorHarness.Run(Fixtures.BaseWith(
            ("controls/extra.yaml", """
                controls:
                  - id: C-2
                    title: Control two
                    description: Second.
                    owner: alice
                    status: implemented
                    maps_to: [R1]
                    evidence:
                      - id: report
                        description: A report.
                        collection: manual
                        freshness_days: forever
                      - id: reports
                        description: More reports.
                        collection: manual
                        freshness_days: 30

                """),
            ("evidence/c-2/report.json.evidence.yaml", """
                evidence:
                  artifact: report.json
                  control: C-2
                  requirement: report
                  collected_on: 2026-01-10
                  collector: alice
                  sha256: 0000000000000000000000000000000000000000000000000000000000000000

                """)));
        Assert.DoesNotContain("CMP0021", Ids(run));
        Assert.Contains("CMP0010", Ids(run));
    }

    private const string FrameworkWithoutTitle = """
        framework:
          id: fw
          Title: Framework
        requirements:
          - id: R1
            title: Requirement one
            kind: standard
            required: true
          - id: R2
            title: Requirement two
            kind: implementation-spec
            required: false

        """;

    [Fact]
    public void Framework_with_an_invalid_field_keeps_its_requirements_so_controls_mapping_them_resolve_and_a_real_typo_still_reports()
    {
        var run = GeneratorHarness.Run(Fixtures.BaseWith((Fixtures.FrameworkPath, FrameworkWithoutTitle), ("controls/extra.yaml", """
            controls:
              - id: C-2
                title: Control two
                description: Second.
                owner: alice
                status: implemented
                maps_to: [R1, R9]

            """)));

        // Reported once at the bad key; R1 and R2 resolve; R9, which no file defines, is reported rather than held back with the file.
        Assert.Equal(new[] { "CMP0012", "CMP0014", "CMP0021" }, Ids(run));
        Assert.Contains(run.Diagnostics, d => d.Id == "CMP0021" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("'R9'", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Framework_with_an_invalid_field_holds_back_coverage_of_what_it_would_have_put_in_scope()
    {
        // Another framework in scope, left uncovered: its CMP0030 may only follow from the framework that cannot be read.
        var run = GeneratorHarness.Run(Fixtures.BaseWith((Fixtures.FrameworkPath, FrameworkWithoutTitle), ("controls/frameworks/other.yaml", """
            framework:
              id: other
              title: Other
            requirements:
              - id: O1
                title: Other one
                kind: standard
                required: true

            """), (Fixtures.ProgrammePath, """
            programme:
              id: test
              name: Test
              scope:
                - framework: fw
                - framework: other

            """)));

        Assert.Equal(new[] { "CMP0009", "CMP0012", "CMP0014" }, Ids(run));
        Assert.Contains(run.Diagnostics, d => d.Id == "CMP0009" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("the framework 'fw' cannot be read", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Crosswalk_with_an_invalid_field_is_reported_once_and_does_not_hold_back_a_real_typo_elsewhere()
    {
        var run = GeneratorHarness.Run(Fixtures.BaseWith(("controls/frameworks/cw.yaml", """
            crosswalk:
              id: cw
              title: [not, text]
              source: fw
              target: fw
            mappings:
              - source: R1
                target: R2
                relationship: equivalent
                rationale: Same.

            """), ("controls/extra.yaml", """
            controls:
              - id: C-2
                title: Control two
                description: Second.
                owner: alice
                status: implemented
                maps_to: [R9]

            """)));

        Assert.Equal(new[] { "CMP0010", "CMP0021" }, Ids(run));
    }
}
