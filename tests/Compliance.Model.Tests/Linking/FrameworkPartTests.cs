using System.Linq;
using System.Text;
using Compliance.Model.Diagnostics;
using Compliance.Model.Documents;
using Compliance.Model.Linking;
using Compliance.Model.Parsing;

namespace Compliance.Model.Tests.Linking;

/// <summary>
/// A framework's requirements may span files: the linker merges each framework_part into its framework,
/// after the framework file's own requirements and in ordinal path order, and reports a part of an unknown
/// framework (CMP0027) and a requirement in two of its files (CMP0028) at file(line,col).
/// </summary>
public sealed class FrameworkPartTests
{
    private const string Catalog = "controls/frameworks/fw.yaml";

    private const string Programme = "programme:\n  id: test\n  name: Test\n  scope:\n    - framework: fw\n";

    private const string Framework = "framework:\n  id: fw\n  title: Framework\nrequirements:\n  - id: R1\n    title: One\n    kind: standard\n";

    private static string Part(string framework, params string[] ids) =>
        $"framework_part:\n  framework: {framework}\nrequirements:\n" + string.Concat(ids.Select(id => $"  - id: {id}\n    title: Requirement {id}\n    kind: standard\n    parent: R1\n"));

    private static LinkedProgramme Link(params (string Path, string Text)[] files) =>
        ProgrammeLinker.Link(files.Select(f => ProgrammeFileParser.Parse(f.Path, f.Text)));

    private static string[] RequirementIds(LinkedProgramme programme) =>
        programme.Frameworks.Single().Requirements.Select(r => r.Id.Value).ToArray();

    private static string[] StructuralFindings(LinkedProgramme programme) =>
        programme.Findings.Where(f => f.RuleId != Rules.UncoveredRequirement.Id).Select(f => $"{f.Location?.Path}({f.Location?.Line},{f.Location?.Column}): {f.RuleId}").ToArray();

    [Fact]
    public void A_part_is_read_as_a_framework_part()
    {
        var parsed = ProgrammeFileParser.Parse("controls/frameworks/fw/a.yaml", Part("fw", "R2"));
        Assert.Equal(DocumentKinds.FrameworkPart, parsed.Kind);
        Assert.Empty(parsed.Findings);
        Assert.Equal("fw", parsed.FrameworkPart!.Framework.Value);
        Assert.Equal(("R2", "fw", 4, 9), parsed.FrameworkPart.Requirements.Select(r => (r.Id.Value, r.FrameworkId, r.Id.Span.Line, r.Id.Span.Column)).Single());
    }

    [Fact]
    public void Parts_merge_after_the_catalog_in_ordinal_path_order_whatever_order_they_arrive_in()
    {
        var linked = Link(
            ("controls/frameworks/fw/b.yaml", Part("fw", "R4")),
            ("controls/frameworks/fw/B.yaml", Part("fw", "R3")),
            ("controls/frameworks/a-before-the-catalog.yaml", Part("fw", "R2")),
            (Catalog, Framework),
            ("controls/programme.yaml", Programme));

        Assert.Empty(StructuralFindings(linked));

        // Ordinal: "B" < "b", and a part that sorts before the catalog still follows the catalog's own requirements.
        Assert.Equal(new[] { "R1", "R2", "R3", "R4" }, RequirementIds(linked));
        Assert.Equal(new[] { "R1", "R2", "R3", "R4" }, linked.Coverage.Select(c => c.RequirementId).ToArray());
        Assert.All(linked.Frameworks.Single().Requirements, r => Assert.Equal("fw", r.FrameworkId));
        Assert.Equal("controls/frameworks/fw/B.yaml", linked.Frameworks.Single().Requirements[2].Id.Span.Path);
        Assert.Equal(Catalog, linked.Frameworks.Single().Id.Span.Path);
    }

    [Fact]
    public void A_split_framework_links_equal_to_the_single_file_but_for_positions()
    {
        var single = Link((Catalog, Framework + "  - id: R2\n    title: Requirement R2\n    kind: standard\n    parent: R1\n"), ("controls/programme.yaml", Programme));
        var split = Link((Catalog, Framework), ("controls/frameworks/fw/a.yaml", Part("fw", "R2")), ("controls/programme.yaml", Programme));

        static object Shape(LinkedProgramme p) => string.Join("|", p.Frameworks.SelectMany(f => f.Requirements).Select(r => $"{r.Id.Value},{r.FrameworkId},{r.Title},{r.Kind},{r.Parent?.Value}"));
        Assert.Equal(Shape(single), Shape(split));
        Assert.Equal(single.Coverage.Select(c => (c.RequirementId, c.State)), split.Coverage.Select(c => (c.RequirementId, c.State)));
        Assert.Equal(single.InScopeRequirements, split.InScopeRequirements);
        Assert.Equal(single.Findings.Select(f => (f.RuleId, f.Message)), split.Findings.Select(f => (f.RuleId, f.Message)));
    }

    [Fact]
    public void A_part_of_an_unknown_framework_is_CMP0027_at_its_framework_value()
    {
        var linked = Link((Catalog, Framework), ("controls/frameworks/other.yaml", Part("fx", "R2")), ("controls/programme.yaml", Programme));
        var finding = Assert.Single(linked.Findings, f => f.RuleId == Rules.UnknownFrameworkOfPart.Id);
        Assert.Equal(("controls/frameworks/other.yaml", 2, 14), (finding.Location!.Path, finding.Location.Line, finding.Location.Column));
        Assert.Contains("'fx', which no file defines", finding.Message);
        Assert.Contains("Did you mean 'fw'?", finding.Message);
        Assert.Equal(new[] { "R1" }, RequirementIds(linked));
        Assert.Equal(Severity.Error, finding.Severity);
    }

    [Fact]
    public void A_requirement_in_the_catalog_and_a_part_is_CMP0028_at_the_part_and_kept_once()
    {
        var linked = Link((Catalog, Framework), ("controls/frameworks/fw/a.yaml", Part("fw", "R2", "R1")), ("controls/programme.yaml", Programme));
        Assert.Equal(new[] { "controls/frameworks/fw/a.yaml(8,9): CMP0028" }, StructuralFindings(linked));
        Assert.Contains($"already defined in another of its files, at {Catalog}(5,9)", linked.Findings.Single(f => f.RuleId == "CMP0028").Message);
        Assert.Equal(new[] { "R1", "R2" }, RequirementIds(linked));
    }

    [Fact]
    public void A_requirement_in_two_parts_is_CMP0028_at_the_later_path()
    {
        var linked = Link((Catalog, Framework), ("controls/frameworks/fw/b.yaml", Part("fw", "R2")), ("controls/frameworks/fw/a.yaml", Part("fw", "R2")), ("controls/programme.yaml", Programme));
        Assert.Equal(new[] { "controls/frameworks/fw/b.yaml(4,9): CMP0028" }, StructuralFindings(linked));
    }

    [Fact]
    public void A_requirement_of_a_part_that_another_framework_defines_stays_CMP0020_as_in_one_file()
    {
        var other = "framework:\n  id: other\n  title: Other\nrequirements:\n  - id: R2\n    title: Two\n    kind: standard\n";
        var linked = Link((Catalog, Framework), ("controls/frameworks/other.yaml", other), ("controls/frameworks/fw/a.yaml", Part("fw", "R2")), ("controls/programme.yaml", Programme));
        // fw and its parts come first (fw.yaml sorts before other.yaml), exactly as if R2 were in fw.yaml itself.
        Assert.Equal(new[] { "controls/frameworks/other.yaml(5,9): CMP0020" }, StructuralFindings(linked));
    }

    [Fact]
    public void A_part_without_its_framework_key_is_a_clear_error_not_a_crash()
    {
        var linked = Link((Catalog, Framework), ("controls/frameworks/fw/a.yaml", "framework_part:\n  title: oops\nrequirements: []\n"), ("controls/programme.yaml", Programme));
        Assert.Contains(linked.Findings, f => f.Location?.Path == "controls/frameworks/fw/a.yaml" && f.Severity == Severity.Error);
        Assert.DoesNotContain(linked.Findings, f => f.RuleId == Rules.InternalError.Id);
    }

    /// <summary>The catalog that motivated parts: 32,000 requirements do not fit in one 4 MiB file, but do in 16 parts.</summary>
    [Fact]
    public void A_framework_of_32000_requirements_split_over_16_files_loads()
    {
        const int PerPart = 2_000;
        string PartOf(int part)
        {
            var text = new StringBuilder("framework_part:\n  framework: fw\nrequirements:\n");
            for (var i = 0; i < PerPart; i++)
            {
                text.Append($"  - id: REQ-{part:D2}-{i:D4}\n    title: Synthetic requirement {i} of family {part}, written at the length a real catalog's titles have\n    kind: criterion\n    parent: R1\n    category: Family {part}\n    summary: A summary in the catalog's own words, about as long as a real one is, so that the size is realistic.\n");
            }

            return text.ToString();
        }

        var parts = Enumerable.Range(0, 16).Select(p => ($"controls/frameworks/fw/family-{p:D2}.yaml", PartOf(p))).ToArray();
        var whole = Framework + string.Concat(parts.Select(p => p.Item2.Substring(p.Item2.IndexOf("  - id:", System.StringComparison.Ordinal))));

        // Not one file: the limit is per file and stays.
        Assert.True(whole.Length > Yaml.YamlLimits.Default.MaxChars, $"{whole.Length} characters");
        Assert.NotEmpty(ProgrammeFileParser.Parse(Catalog, whole).Findings);

        var linked = Link(parts.Append((Catalog, Framework)).Append(("controls/programme.yaml", Programme)).ToArray());
        Assert.Empty(StructuralFindings(linked));
        Assert.Equal(32_001, linked.Frameworks.Single().Requirements.Count);
        Assert.Equal("REQ-15-1999", linked.Frameworks.Single().Requirements[^1].Id.Value);
    }
}
