using System;
using System.Linq;
using System.Text;
using Compliance.Generator.Tests.Infrastructure;

namespace Compliance.Generator.Tests.Generator;

/// <summary>The same programme gives byte-identical output whatever the order of the files or where the repository lives.</summary>
public sealed class DeterminismTests
{
    /// <summary>The mini programme plus files that raise findings in several files, so diagnostic order is exercised too.</summary>
    private static (string Path, string Text)[] Inputs() => Fixtures.Load("mini")
        .Append(("controls/broken.yaml", """
            controls:
              - id: IAM-01
                title: Duplicate
                description: x
                owner: alice
                status: implemented
                maps_to: [CC6.1]
              - id: OPS-08
                title: Unknown owner
                description: x
                owner: nobody
                status: implemented
                maps_to: [CC6.1]
              - id: OPS-09
                title: Bad status
                description: x
                owner: alice
                status: done

            """))
        .Append(("controls/a-empty.yaml", string.Empty))
        .Append(("policies/zz-page.md", "# Page\n"))
        .ToArray();

    private static string Fingerprint(GeneratorRun run) =>
        string.Join("\n", run.Sources.OrderBy(s => s.HintName, StringComparer.Ordinal).Select(s => $"== {s.HintName}\n{Convert.ToHexString(Encoding.UTF8.GetBytes(s.Text))}"))
        + "\n== diagnostics\n" + string.Join("\n", run.Diagnostics.Select(GeneratorRun.Format));

    [Fact]
    public void File_order_does_not_change_the_output()
    {
        var inputs = Inputs();
        var forward = GeneratorHarness.Run(inputs);
        var backward = GeneratorHarness.Run(inputs.Reverse().ToArray());
        var shuffled = GeneratorHarness.Run(inputs.OrderBy(f => f.Path.GetHashCode(StringComparison.Ordinal)).ThenBy(f => f.Path, StringComparer.Ordinal).ToArray());

        Assert.Equal(5, forward.Diagnostics.Length);
        Assert.Equal(Fingerprint(forward), Fingerprint(backward));
        Assert.Equal(Fingerprint(forward), Fingerprint(shuffled));
    }

    [Fact]
    public void Diagnostics_come_in_path_then_position_order()
    {
        var run = GeneratorHarness.Run(Inputs().Reverse().ToArray());
        Assert.Equal(
            new[]
            {
                "/repo/controls/a-empty.yaml(1,1): warning CMP0005",
                "/repo/controls/broken.yaml(2,9): error CMP0020",
                "/repo/controls/broken.yaml(11,12): error CMP0021",
                "/repo/controls/broken.yaml(18,13): error CMP0015",
                "/repo/policies/zz-page.md(1,1): warning CMP0008",
            },
            run.Diagnostics.Select(GeneratorRun.Format).Select(line => line.Substring(0, line.IndexOf(':', line.IndexOf("): ", StringComparison.Ordinal) + 3))));
    }

    [Fact]
    public void Repository_location_does_not_change_the_generated_code()
    {
        var inputs = Fixtures.Load("mini");
        var here = GeneratorHarness.Run(inputs);
        var elsewhere = GeneratorHarness.RunDriver(
            GeneratorHarness.CreateDriver(inputs.Select(f => new InMemoryAdditionalText("/home/ci/work/checkout/" + f.Path, f.Text)), root: "/home/ci/work/checkout"),
            GeneratorHarness.CreateCompilation());
        Assert.True(elsewhere.Diagnostics.IsEmpty, elsewhere.Describe());
        // ImmutableArray equality is by reference: compare the elements.
        Assert.Equal(here.Sources.ToArray(), elsewhere.Sources.ToArray());
    }
}
