using System.Linq;
using Compliance.Model.Documents;
using Compliance.Model.Linking;
using Compliance.Model.Parsing;

namespace Compliance.Model.Tests.Linking;

/// <summary>
/// The linked programme lists every item dropped for an invalid field, with its kind, ID, parent and where it was
/// read, by path then position whatever order the files arrive in: the site and the reports show that list.
/// </summary>
public sealed class IncompleteItemsTests
{
    private const string Programme = "programme:\n  id: test\n  name: Test\n  scope:\n    - framework: fw\n";

    // Two controls without a title (lines 2 and 11); the valid one between them is linked as usual.
    private const string Controls =
        "controls:\n" +
        "  - id: C-1\n    description: First.\n    owner: alice\n    status: implemented\n" +
        "  - id: C-2\n    title: Two\n    description: Second.\n    owner: alice\n    status: implemented\n" +
        "  - id: C-3\n    Title: Three\n    description: Third.\n    owner: alice\n    status: implemented\n";

    // R2 has no kind, so it is dropped; R1 and R3 are read.
    private const string Framework =
        "framework:\n  id: fw\n  title: Framework\nrequirements:\n" +
        "  - id: R1\n    title: One\n    kind: standard\n" +
        "  - id: R2\n    title: Two\n" +
        "  - id: R3\n    title: Three\n    kind: standard\n";

    private static LinkedProgramme Link(params (string Path, string Text)[] files) =>
        ProgrammeLinker.Link(files.Select(f => ProgrammeFileParser.Parse(f.Path, f.Text)));

    private static (string Kind, string Id, string? Parent, string Path, int Line, int Column)[] Listed(LinkedProgramme programme) =>
        programme.Incomplete.Select(i => (i.Kind, i.Id.Value, i.Parent, i.Span.Path, i.Span.Line, i.Span.Column)).ToArray();

    [Fact]
    public void Two_incomplete_controls_and_an_invalid_requirement_are_listed_by_path_then_position()
    {
        // Given in reverse path order: the list is still in path order.
        var linked = Link(
            ("controls/frameworks/fw.yaml", Framework),
            ("controls/programme.yaml", Programme),
            ("controls/controls.yaml", Controls));

        Assert.Equal(
            new (string, string, string?, string, int, int)[]
            {
                ("control", "C-1", null, "controls/controls.yaml", 2, 9),
                ("control", "C-3", null, "controls/controls.yaml", 11, 9),
                ("requirement", "R2", "fw", "controls/frameworks/fw.yaml", 8, 9),
            },
            Listed(linked));
        Assert.Equal(new[] { "C-2" }, linked.Controls.Select(c => c.Id.Value).ToArray());
        Assert.Equal(new[] { "R1", "R3" }, linked.Frameworks.Single().Requirements.Select(r => r.Id.Value).ToArray());
    }

    [Fact]
    public void A_framework_kept_by_identity_comes_before_its_requirements_though_the_parser_keeps_the_invalid_one_first()
    {
        var untitled = Framework.Replace("  title: Framework\n", string.Empty, System.StringComparison.Ordinal);
        var linked = Link(("controls/programme.yaml", Programme), ("controls/frameworks/fw.yaml", untitled));

        Assert.Equal(
            new (string, string, string?, string, int, int)[]
            {
                ("framework", "fw", null, "controls/frameworks/fw.yaml", 2, 7),
                ("requirement", "R1", "fw", "controls/frameworks/fw.yaml", 4, 9),
                ("requirement", "R2", "fw", "controls/frameworks/fw.yaml", 7, 9),
                ("requirement", "R3", "fw", "controls/frameworks/fw.yaml", 9, 9),
            },
            Listed(linked));
    }

    [Fact]
    public void A_programme_with_no_invalid_field_lists_nothing()
    {
        var linked = Link(("controls/programme.yaml", Programme), ("controls/frameworks/fw.yaml", Framework.Replace("  - id: R2\n    title: Two\n", string.Empty, System.StringComparison.Ordinal)));
        Assert.Empty(linked.Incomplete);
    }

    [Fact]
    public void The_list_takes_part_in_equality()
    {
        var before = Link(("controls/controls.yaml", Controls));
        var after = Link(("controls/controls.yaml", Controls.Replace("C-3", "C-4", System.StringComparison.Ordinal)));
        Assert.NotEqual(before.Incomplete, after.Incomplete);
        Assert.Equal(before.Incomplete, Link(("controls/controls.yaml", Controls)).Incomplete);
    }
}
