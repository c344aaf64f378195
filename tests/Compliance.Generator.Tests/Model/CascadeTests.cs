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
}
