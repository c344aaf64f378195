using System;
using System.Linq;
using System.Text;
using Compliance.Generator.Tests.Infrastructure;
using Compliance.Model.Diagnostics;
using Microsoft.CodeAnalysis;
using static Compliance.Generator.Tests.Infrastructure.DiagnosticAssert;

namespace Compliance.Generator.Tests.Generator;

/// <summary>
/// Hostile and broken files, as a pull request can carry them: each gives a clear diagnostic at the
/// right place, the generator never throws (no CS8785, no CMP0099), and the emitted code still compiles.
/// </summary>
public sealed class BadInputTests
{
    private const DiagnosticSeverity Error = DiagnosticSeverity.Error;
    private const DiagnosticSeverity Warning = DiagnosticSeverity.Warning;
    private const string Extra = "controls/extra.yaml";

    private static GeneratorRun RunWith(params (string Path, string? Text)[] changes) => GeneratorHarness.Run(Fixtures.BaseWith(changes));

    [Fact]
    public void Ten_megabyte_file_is_refused_before_parsing()
    {
        var builder = new StringBuilder("controls:\n");
        while (builder.Length < 10 * 1024 * 1024)
        {
            builder.Append("  - id: C-").Append(builder.Length).Append("\n    title: Padding control\n");
        }

        var run = RunWith(("controls/huge.yaml", builder.ToString()));
        var d = SingleAt(run, "CMP0002", Error, "controls/huge.yaml", 1, 1);
        Assert.EndsWith($"programme files are limited to {4 * 1024 * 1024:N0}. Fix: {Rules.FileTooLarge.Fix}", Message(d));
        DidNotCrash(run);
    }

    [Fact]
    public void Billion_laughs_alias_bomb_is_stopped_at_the_alias_that_crosses_the_node_limit()
    {
        // Nine levels of ten aliases each: 10^9 nodes if expanded. Levels a-e come to 123,461 nodes;
        // each *e alias on line 6 adds 111,111, so the eighth one (column 8 + 7 * 4) crosses 1,000,000.
        var bomb = new StringBuilder("a: &a [" + string.Join(", ", Enumerable.Repeat("\"lol\"", 10)) + "]\n");
        for (var level = 'b'; level <= 'i'; level++)
        {
            bomb.Append(level).Append(": &").Append(level).Append(" [")
                .Append(string.Join(", ", Enumerable.Repeat("*" + (char)(level - 1), 10)))
                .Append("]\n");
        }

        var run = RunWith(("controls/lol.yaml", bomb.ToString()));
        var d = SingleAt(run, "CMP0003", Error, "controls/lol.yaml", 6, 36);
        Assert.Equal($"The YAML expands to more than 1,000,000 nodes through its aliases (a 'billion laughs' alias bomb?). Fix: {Rules.YamlTooComplex.Fix}", Message(d));
        DidNotCrash(run);
    }

    [Fact]
    public void Alias_to_an_undefined_anchor_is_malformed()
    {
        var run = RunWith((Extra, "controls: *missing\n"));
        var d = SingleAt(run, "CMP0001", Error, Extra, 1, 11);
        Assert.Equal($"Malformed YAML: The alias *missing names no anchor defined before it. Fix: {Rules.MalformedYaml.Fix}", Message(d));
        DidNotCrash(run);
    }

    [Fact]
    public void Key_that_is_a_list_is_malformed()
    {
        var run = RunWith((Extra, "controls: []\n? [a, b]\n: c\n"));
        var d = SingleAt(run, "CMP0001", Error, Extra, 2, 3);
        Assert.Equal($"Malformed YAML: Mapping keys must be plain text, not lists, mappings or null. Fix: {Rules.MalformedYaml.Fix}", Message(d));
        DidNotCrash(run);
    }

    [Fact]
    public void Merge_key_is_refused()
    {
        var run = RunWith((Extra, """
            controls:
              - &first
                id: C-2
                title: Control two
                description: Second.
                owner: alice
                status: implemented
                maps_to: [R1]
              - <<: *first
                id: C-3

            """));
        var d = SingleAt(run, "CMP0011", Error, Extra, 9, 5);
        Assert.Equal("Control 'C-3' uses a YAML merge key '<<', which the schema does not support. Fix: Write the merged keys out in full.", Message(d));
        DidNotCrash(run);
    }

    [Fact]
    public void List_at_the_root_is_the_wrong_type()
    {
        var run = RunWith((Extra, "- id: C-2\n"));
        var d = SingleAt(run, "CMP0010", Error, Extra, 1, 1);
        Assert.Equal($"Expected the file to be a mapping of keys to values, but found a list. Fix: {Rules.WrongType.Fix}", Message(d));
        Assert.Equal(new[] { "CMP0010" }, Ids(run));
        DidNotCrash(run);
    }

    [Fact]
    public void Key_of_the_wrong_case_in_a_person()
    {
        var run = RunWith((Fixtures.PeoplePath, Fixtures.Base[Fixtures.PeoplePath].Replace("    name: Alice", "    Name: Alice")));
        var d = SingleAt(run, "CMP0014", Error, Fixtures.PeoplePath, 3, 5);
        Assert.Equal("The key 'Name' in person 'alice' should be written 'name'. Fix: Rename 'Name' to 'name'.", Message(d));
        DidNotCrash(run);
    }

    [Fact]
    public void Duplicate_keys_in_a_vendor()
    {
        var run = RunWith(("policies/vendors.yaml", """
            vendors:
              - id: v1
                name: Vendor One
                handles_phi: false
                name: Vendor One Again
                services:
                  - id: svc.example
                    name: Service

            """));
        var d = SingleAt(run, "CMP0013", Error, "policies/vendors.yaml", 5, 5);
        Assert.Equal($"The key 'name' appears twice in this vendor (first at line 3). Fix: {Rules.DuplicateKey.Fix}", Message(d));
        Assert.Equal(new[] { "CMP0013" }, Ids(run));
        DidNotCrash(run);
    }

    [Fact]
    public void Yaml_one_one_boolean_is_refused_with_a_hint()
    {
        var run = RunWith(("policies/vendors.yaml", """
            vendors:
              - id: v1
                name: Vendor One
                handles_phi: yes
                services:
                  - id: svc.example
                    name: Service

            """));
        var d = SingleAt(run, "CMP0010", Error, "policies/vendors.yaml", 4, 18);
        Assert.Equal("The field 'handles_phi' of vendor 'v1' must be true or false, but is 'yes'. Fix: Write handles_phi: true; 'yes' is a YAML 1.1 boolean that other tools read as text.", Message(d));
        Assert.Equal(new[] { "CMP0010" }, Ids(run));
        DidNotCrash(run);
    }

    [Fact]
    public void Unknown_key_in_a_requirement_with_did_you_mean()
    {
        var run = RunWith((Fixtures.FrameworkPath, Fixtures.Base[Fixtures.FrameworkPath].Replace("    kind: standard", "    kind: standard\n    sumary: A typo.")));
        var d = SingleAt(run, "CMP0011", Error, Fixtures.FrameworkPath, 8, 5);
        Assert.Contains("Did you mean 'summary'?", Message(d));
        Assert.Equal("Requirement 'R1' has an unknown key 'sumary'. Did you mean 'summary'? Fix: Rename 'sumary' to 'summary'.", Message(d));
        DidNotCrash(run);
    }

    [Fact]
    public void Impossible_calendar_date_is_an_invalid_value()
    {
        var run = RunWith(("policies/more-people.yaml", """
            people:
              - id: carol
                name: Carol
                email: carol@example.test
                role: Engineer
                phi_access: false
                status: revoked
                revoked_on: 2025-02-29

            """));
        var d = SingleAt(run, "CMP0015", Error, "policies/more-people.yaml", 8, 17);
        Assert.Equal("The field 'revoked_on' of person 'carol' is '2025-02-29', which is not a calendar date. Fix: Write the date as YYYY-MM-DD, e.g. 2026-01-31.", Message(d));
        Assert.Equal(new[] { "CMP0015" }, Ids(run));
        DidNotCrash(run);
    }

    [Fact]
    public void Dangling_requirement_reference_with_did_you_mean()
    {
        var run = RunWith((Fixtures.ControlsPath, Fixtures.Base[Fixtures.ControlsPath].Replace("[R1, R2]", "[R1, R2, R22]")));
        var d = SingleAt(run, "CMP0021", Error, Fixtures.ControlsPath, 7, 23);
        Assert.Equal("The control 'C-1' names the requirement 'R22', which is not defined. Did you mean 'R2'? Fix: Replace 'R22' with 'R2'.", Message(d));
        Assert.Equal(new[] { "CMP0021" }, Ids(run));
        DidNotCrash(run);
    }

    [Fact]
    public void Dangling_reference_without_a_close_match_has_no_suggestion()
    {
        var run = RunWith((Fixtures.ControlsPath, Fixtures.Base[Fixtures.ControlsPath].Replace("owner: alice", "owner: zebediah")));
        var d = SingleAt(run, "CMP0021", Error, Fixtures.ControlsPath, 5, 12);
        Assert.Equal("The control 'C-1' names the person 'zebediah', which is not defined. Fix: Correct the ID, or define the person 'zebediah'.", Message(d));
        DidNotCrash(run);
    }

    [Fact]
    public void Duplicate_person_across_two_files_keeps_the_first_by_path()
    {
        var run = RunWith(("policies/more-people.yaml", Fixtures.Base[Fixtures.PeoplePath].Replace("alice@example.test", "alice2@example.test")));
        var d = SingleAt(run, "CMP0020", Error, Fixtures.PeoplePath, 2, 9);
        Assert.Equal($"The person ID 'alice' is already defined at /repo/policies/more-people.yaml(2,9). Fix: {Rules.DuplicateId.Fix}", Message(d));
        Assert.Equal(new[] { "CMP0020" }, Ids(run));
        DidNotCrash(run);
    }

    [Fact]
    public void Emails_that_differ_only_in_case_are_duplicates()
    {
        // Regression: the generated FindPersonByEmail ignores case, so two such people passed the build and then
        // made the generated ProgrammeIndex throw on first use.
        var run = RunWith((Fixtures.PeoplePath, Fixtures.Base[Fixtures.PeoplePath] + """
              - id: alice2
                name: Alice Again
                email: Alice@Example.test
                role: Engineer
                phi_access: false
                status: active

            """));
        var d = SingleAt(run, "CMP0020", Error, Fixtures.PeoplePath, 10, 12);
        Assert.Equal($"The person e-mail ID 'Alice@Example.test' is already defined at /repo/policies/people.yaml(4,12). Fix: {Rules.DuplicateId.Fix}", Message(d));
        Assert.Equal(new[] { "CMP0020" }, Ids(run));
        DidNotCrash(run);
    }

    [Fact]
    public void Uncovered_requirement_names_the_control_of_its_crosswalk_partner()
    {
        var run = RunWith(
            (Fixtures.ControlsPath, Fixtures.Base[Fixtures.ControlsPath].Replace("[R1, R2]", "[R1]")),
            ("controls/frameworks/fw2.yaml", """
                framework:
                  id: fw2
                  title: Framework two
                requirements:
                  - id: X1
                    title: Other
                    kind: criterion

                """),
            ("controls/crosswalks/cw.yaml", """
                crosswalk:
                  id: cw
                  title: Crosswalk
                  source: fw2
                  target: fw
                mappings:
                  - source: X1
                    target: R2
                    relationship: intersects
                    rationale: Both ask for it.

                """),
            (Extra, """
                controls:
                  - id: C-2
                    title: Control two
                    description: Implements X1.
                    owner: alice
                    status: implemented
                    maps_to: [X1]

                """));
        var d = SingleAt(run, "CMP0030", Error, Fixtures.FrameworkPath, 9, 9);
        Assert.Equal(
            "The in-scope requirement 'R2' (Requirement two) is implemented by no control. Its crosswalk partner 'X1' is covered by control 'C-2': if that control also satisfies 'R2', add it to that control's maps_to."
            + " Fix: Add 'R2' to the maps_to of the control that implements it, or record an alternative or not-reasonable decision for this Addressable specification in a decisions file.",
            Message(d));
        Assert.Equal(new[] { "CMP0030" }, Ids(run));
        DidNotCrash(run);
    }

    [Fact]
    public void Control_without_maps_to_is_a_warning()
    {
        var run = RunWith((Extra, """
            controls:
              - id: C-2
                title: Control two
                description: Second.
                owner: alice
                status: partially-implemented

            """));
        SingleAt(run, "CMP0031", Warning, Extra, 2, 9);
        Assert.Equal(new[] { "CMP0031" }, Ids(run));
        DidNotCrash(run);
    }

    [Fact]
    public void Files_without_the_compliance_metadata_or_of_other_types_are_ignored()
    {
        var files = Fixtures.BaseWith().Select(f => GeneratorHarness.File(f.Path, f.Text))
            .Append(new InMemoryAdditionalText(GeneratorHarness.PathOf("controls/other-analyzer.yaml"), "not: [valid", complianceSource: false))
            .Append(GeneratorHarness.File("controls/notes.txt", "\0 binary \0"));
        var run = GeneratorHarness.Run(files);
        Assert.True(run.Diagnostics.IsEmpty, run.Describe());
        DidNotCrash(run);
    }
}
