using System.Linq;
using Compliance.Generator.Tests.Infrastructure;
using static Compliance.Generator.Tests.Infrastructure.DiagnosticAssert;

namespace Compliance.Generator.Tests.Generator;

/// <summary>IDs become C# member names; whatever the IDs, the generated classes must compile.</summary>
public sealed class MemberNameTests
{
    private static GeneratorRun RunWithFramework(string id) => GeneratorHarness.Run(Fixtures.BaseWith(("controls/frameworks/extra.yaml", $"""
        framework:
          id: {id}
          title: Extra
        requirements:
          - id: {id}-1
            title: Extra requirement
            kind: criterion

        """)));

    [Theory]
    [InlineData("collect", "Collect_2")] // regression: Requirements has a private Collect() method (CS0102)
    [InlineData("all", "All_2")]
    [InlineData("requirements", "Requirements_2")]
    [InlineData("equals", "Equals_2")]
    [InlineData("class", "Class")]
    [InlineData("Equals", "Equals_2")]
    [InlineData("2fa", "_2fa")]
    public void Framework_ids_that_meet_reserved_names_still_compile(string id, string className)
    {
        var run = RunWithFramework(id);
        Assert.True(run.Diagnostics.IsEmpty, run.Describe());
        DidNotCrash(run);
        Assert.Contains($"public static partial class {className}\n", run.Source($"Compliance.Requirements.{className.TrimStart('@')}.g.cs"));
        Assert.Contains($"all.AddRange({className}.All);", run.Source("Compliance.Requirements.g.cs"));
    }

    [Fact]
    public void Frameworks_whose_class_names_differ_only_in_case_get_files_of_their_own()
    {
        // Roslyn compares hint names ignoring case: 'Soc2' and 'SOC2' are two classes but would be one file name.
        var run = GeneratorHarness.Run(Fixtures.BaseWith(
            ("controls/frameworks/lower.yaml", "framework:\n  id: soc2\n  title: Lower\nrequirements:\n  - id: lower-1\n    title: One\n    kind: criterion\n"),
            ("controls/frameworks/upper.yaml", "framework:\n  id: SOC2\n  title: Upper\nrequirements:\n  - id: upper-1\n    title: One\n    kind: criterion\n")));
        Assert.True(run.Diagnostics.IsEmpty, run.Describe());
        DidNotCrash(run);
        Assert.Contains("public static partial class Soc2\n", run.Source("Compliance.Requirements.Soc2.g.cs"));
        Assert.Contains("public static partial class SOC2\n", run.Source("Compliance.Requirements.SOC2_2.g.cs"));
    }

    [Theory]
    [InlineData("class", "Class")]
    [InlineData("_class", "@class")]
    [InlineData("2FA", "_2FA")]
    [InlineData("All", "All_2")]
    [InlineData("Controls", "Controls_2")]
    [InlineData("ToString", "ToString_2")]
    [InlineData("AllInOrder", "AllInOrder_2")]
    [InlineData("In_extra", "In_extra_2")]
    [InlineData("System", "System")]
    public void Control_ids_that_are_keywords_or_reserved_names_still_compile(string id, string member)
    {
        var run = GeneratorHarness.Run(Fixtures.BaseWith(("controls/extra.yaml", $"""
            controls:
              - id: {id}
                title: Odd ID
                description: An ID that is a keyword or a reserved member name.
                owner: alice
                status: implemented
                maps_to: [R1]

            """)));
        Assert.True(run.Diagnostics.IsEmpty, run.Describe());
        DidNotCrash(run);
        Assert.Contains($"public static global::Test.Compliance.Control {member} => ", run.ControlsSource());
    }

    [Fact]
    public void Controls_files_whose_names_clean_up_alike_get_distinct_generated_files()
    {
        static string Control(string id) => $"""
            controls:
              - id: {id}
                title: Control {id}
                description: One of two files whose names differ only by characters a hint name cannot hold.
                owner: alice
                status: implemented
                maps_to: [R1]

            """;
        var run = GeneratorHarness.Run(Fixtures.BaseWith(("controls/x y.yaml", Control("XY-1")), ("controls/x_y.yaml", Control("XY-2")), ("controls/deep/er/z.yaml", Control("Z-1"))));

        Assert.True(run.Diagnostics.IsEmpty, run.Describe());
        DidNotCrash(run);
        Assert.Contains("XY_1 = ", run.Source("Compliance.Controls.x_y.g.cs"));
        Assert.Contains("XY_2 = ", run.Source("Compliance.Controls.x_y_2.g.cs"));
        Assert.Contains("Z_1 = ", run.Source("Compliance.Controls.deep.er.z.g.cs"));
    }
}
