using System.Linq;
using Compliance.Generator.Tests.Infrastructure;
using Compliance.Model.Documents;
using Compliance.Model.Linking;
using Compliance.Model.Parsing;

namespace Compliance.Generator.Tests.Model;

/// <summary>
/// A file meant as a document that cannot be read is an error and is held in the programme as unreadable
/// (<see cref="LinkedProgramme.Unreadable"/>): what depends on it waits behind CMP0009 instead of vanishing or
/// cascading into "not defined" errors. The cases beyond the example are shapes the mutation harness produces.
/// </summary>
public sealed class UnreadableDocumentTests
{
    private const string Sidecar = """
        evidence:
          artifact: report.json
          control: C-1
          requirement: report
          collected_on: 2026-01-10
          collector: alice
          sha256: 0000000000000000000000000000000000000000000000000000000000000000

        """;

    private static LinkedProgramme Link(params (string Path, string? Text)[] changes) =>
        ProgrammeLinker.Link(Fixtures.BaseWith(changes).Select(f => ProgrammeFileParser.Parse(f.Path, f.Text)));

    private static string[] Ids(LinkedProgramme programme) => programme.Findings.Select(f => f.RuleId).Distinct().OrderBy(id => id, System.StringComparer.Ordinal).ToArray();

    [Fact]
    public void Policy_front_matter_that_never_closes_is_held_as_an_unreadable_policy()
    {
        var linked = Link(("policies/access.md", "---\nid: POL-1\ntitle: Access\n\n# Access\n"));
        var file = Assert.Single(linked.Unreadable);
        Assert.Equal(("policies/access.md", DocumentKinds.Policy, "CMP0019"), (file.Path, file.Kind, file.Reason.RuleId));
    }

    [Fact]
    public void Front_matter_opening_on_the_only_line_is_unreadable_not_a_page()
    {
        var linked = Link(("policies/access.md", "---"));
        Assert.Equal("CMP0019", Assert.Single(linked.Unreadable).Reason.RuleId);
        Assert.DoesNotContain("CMP0008", Ids(linked));
    }

    [Fact]
    public void Controls_file_with_an_explicit_tag_holds_back_the_references_to_its_controls()
    {
        var linked = Link(
            (Fixtures.ControlsPath, "controls:\n  - id: C-1\n    title: !!binary Q29udHJvbA==\n"),
            ("evidence/c-1/report.json.evidence.yaml", Sidecar));
        Assert.Equal("CMP0017", Assert.Single(linked.Unreadable).Reason.RuleId);
        Assert.Equal(new[] { "CMP0009", "CMP0017" }, Ids(linked));
    }

    [Fact]
    public void Controls_file_whose_root_is_a_list_is_unreadable_and_does_not_cascade()
    {
        var linked = Link(
            (Fixtures.ControlsPath, "- controls:\n  - id: C-1\n"),
            ("evidence/c-1/report.json.evidence.yaml", Sidecar));
        Assert.Single(linked.Unreadable);
        Assert.DoesNotContain("CMP0021", Ids(linked));
        Assert.DoesNotContain("CMP0030", Ids(linked));
    }

    [Fact]
    public void Symbolic_link_in_place_of_the_controls_file_is_unreadable_and_does_not_cascade()
    {
        var files = Fixtures.BaseWith((Fixtures.ControlsPath, null)).Select(f => ProgrammeFileParser.Parse(f.Path, f.Text))
            .Append(ProgrammeFileParser.Link(Fixtures.ControlsPath));
        var linked = ProgrammeLinker.Link(files);
        Assert.Equal("CMP0018", Assert.Single(linked.Unreadable).Reason.RuleId);
        Assert.Equal(new[] { "CMP0009", "CMP0018" }, Ids(linked));
    }

    [Fact]
    public void Plain_page_and_readme_are_not_unreadable()
    {
        var linked = Link(("policies/notes.md", "# Notes\n"), ("policies/README.md", "# Policies\n"));
        Assert.Empty(linked.Unreadable);
    }
}
