using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Compliance.Generator.Pipeline;
using Compliance.Generator.Tests.Infrastructure;
using Compliance.Model.Diagnostics;
using Microsoft.CodeAnalysis;
using static Compliance.Generator.Tests.Infrastructure.DiagnosticAssert;

namespace Compliance.Generator.Tests.Generator;

/// <summary>
/// One test per rule of the catalog: the smallest input that breaks it, and the exact rule ID,
/// severity, file, 1-based line and column, and message the build prints. Each test is named
/// after its rule (CMPnnnn_...), and <see cref="Every_rule_in_the_catalog_has_a_test"/> keeps the
/// list complete: a rule added to <see cref="Rules"/> without a test here fails the build.
/// </summary>
public sealed partial class DiagnosticRuleTests
{
    /// <summary>Rules no input can produce, with the reason. Empty: every rule has a test below.</summary>
    private static readonly Dictionary<string, string> Unreachable = new(StringComparer.Ordinal);

    /// <summary>Gate-series rules that the generator reports itself because they need only the files' text.</summary>
    private static readonly string[] GeneratorGateRules = { "CMP1503" };

    private const DiagnosticSeverity Error = DiagnosticSeverity.Error;
    private const DiagnosticSeverity Warning = DiagnosticSeverity.Warning;

    private const string Extra = "controls/extra.yaml";

    [Fact]
    public void Every_rule_in_the_catalog_has_a_test()
    {
        var tested = typeof(DiagnosticRuleTests).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.GetCustomAttributes<FactAttribute>().Any())
            .Select(m => Regex.Match(m.Name, "^(CMP[0-9]{4})_"))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .ToHashSet(StringComparer.Ordinal);
        var structural = Rules.All.Select(r => r.Id).Where(id => id.StartsWith("CMP0", StringComparison.Ordinal)).Concat(GeneratorGateRules);
        var missing = structural.Where(id => !tested.Contains(id) && !Unreachable.ContainsKey(id)).ToList();
        Assert.True(missing.Count == 0, $"Rules without a test in {nameof(DiagnosticRuleTests)} (add a [Fact] named CMPnnnn_...): {string.Join(", ", missing)}");
        Assert.DoesNotContain(tested, id => Rules.Find(id) is null);
        Assert.DoesNotContain(Unreachable.Keys, tested.Contains);
    }

    [Fact]
    public void Base_programme_is_clean()
    {
        var run = GeneratorHarness.Run(Fixtures.BaseWith());
        Assert.True(run.Diagnostics.IsEmpty, run.Describe());
        DidNotCrash(run);
    }

    [Fact]
    public void CMP0001_malformed_yaml_points_at_the_bad_token()
    {
        var run = GeneratorHarness.Run(Fixtures.BaseWith((Extra, """
            controls:
              - id: C-2
                title: "never closed

            """)));
        var d = SingleAt(run, "CMP0001", Error, Extra, 3, 12);
        Assert.StartsWith("Malformed YAML: ", Message(d));
        Assert.EndsWith(" Fix: Correct the YAML at the position shown. YAML indents with spaces, never tabs.", Message(d));
        Assert.Equal(new[] { "CMP0001" }, Ids(run));
        DidNotCrash(run);
    }

    [Fact]
    public void CMP0009_an_unreadable_controls_file_holds_back_the_references_and_coverage_it_would_break()
    {
        // The controls file is broken: without the hold-back, every requirement it implements would be
        // reported as uncovered and every reference to its controls as dangling.
        var broken = Fixtures.Base[Fixtures.ControlsPath].Replace("    title: ", "    title: [never closed\n    x: ", StringComparison.Ordinal);
        var run = GeneratorHarness.Run(Fixtures.BaseWith((Fixtures.ControlsPath, broken)));
        var error = Assert.Single(run.Diagnostics, x => x.Id == "CMP0001");
        var d = SingleAt(run, "CMP0009", Warning, Fixtures.ControlsPath, error.Location.GetLineSpan().StartLinePosition.Line + 1, error.Location.GetLineSpan().StartLinePosition.Character + 1);
        Assert.Matches($@"^[1-9][0-9]* reference and coverage finding\(s\) \(CMP0021, CMP0024, CMP0030, CMP0035\) are held back while this file cannot be read: they may only follow from it\. Fix: {System.Text.RegularExpressions.Regex.Escape(Rules.ChecksHeldBack.Fix)}$", Message(d));
        Assert.Equal(new[] { "CMP0001", "CMP0009" }, Ids(run));

        // The same file readable again: nothing is held back.
        Assert.DoesNotContain(GeneratorHarness.Run(Fixtures.BaseWith()).Diagnostics, x => x.Id == "CMP0009");
        DidNotCrash(run);
    }

    [Fact]
    public void CMP0002_file_over_the_size_limit()
    {
        var text = "controls: []\n" + new string('#', 4 * 1024 * 1024);
        var run = GeneratorHarness.Run(Fixtures.BaseWith((Extra, text)));
        var d = SingleAt(run, "CMP0002", Error, Extra, 1, 1);
        Assert.Equal($"The file has {text.Length:N0} characters; programme files are limited to {4 * 1024 * 1024:N0}. Fix: Split the file into several smaller files; each may hold part of a list.", Message(d));
        DidNotCrash(run);
    }

    [Fact]
    public void CMP0003_yaml_nested_deeper_than_the_limit()
    {
        var run = GeneratorHarness.Run(Fixtures.BaseWith((Extra, new string('[', 70) + new string(']', 70) + "\n")));
        var d = SingleAt(run, "CMP0003", Error, Extra, 1, 65);
        Assert.Equal($"The YAML nests deeper than 64 levels. Fix: {Rules.YamlTooComplex.Fix}", Message(d));
        DidNotCrash(run);
    }

    [Fact]
    public void CMP0004_file_with_a_nul_byte_is_not_text()
    {
        var run = GeneratorHarness.Run(Fixtures.BaseWith((Extra, "controls:\n  - id: C-2\0\0\u0001\n")));
        var d = SingleAt(run, "CMP0004", Error, Extra, 1, 1);
        Assert.Equal($"The file is not UTF-8 text (a NUL or undecodable byte near character 21). Fix: {Rules.NotText.Fix}", Message(d));
        DidNotCrash(run);
    }

    [Fact]
    public void CMP0004_file_the_compiler_could_not_read()
    {
        var files = Fixtures.BaseWith().Select(f => GeneratorHarness.File(f.Path, f.Text))
            .Append(new InMemoryAdditionalText(GeneratorHarness.PathOf(Extra), text: (Microsoft.CodeAnalysis.Text.SourceText?)null));
        var run = GeneratorHarness.Run(files);
        var d = SingleAt(run, "CMP0004", Error, Extra, 1, 1);
        Assert.Equal($"The file could not be read. Fix: {Rules.NotText.Fix}", Message(d));
        DidNotCrash(run);
    }

    [Fact]
    public void CMP0005_comment_only_file_is_empty()
    {
        var run = GeneratorHarness.Run(Fixtures.BaseWith((Extra, "# Nothing here yet.\n")));
        var d = SingleAt(run, "CMP0005", Warning, Extra, 1, 1);
        Assert.Equal($"The file is empty, so it defines nothing. Fix: {Rules.EmptyFile.Fix}", Message(d));
        Assert.Equal(new[] { "CMP0005" }, Ids(run));
        DidNotCrash(run);
    }

    [Fact]
    public void CMP0006_unknown_root_key_with_did_you_mean()
    {
        var run = GeneratorHarness.Run(Fixtures.BaseWith((Extra, """
            # A typo in the root key.
            controlz:
              - id: C-2

            """)));
        var d = SingleAt(run, "CMP0006", Error, Extra, 2, 1);
        Assert.Equal($"The file's root keys (controlz) name no known kind of programme file. Did you mean 'controls'? Fix: {Rules.UnknownDocumentKind.Fix}", Message(d));
        Assert.Equal(new[] { "CMP0006" }, Ids(run));
        DidNotCrash(run);
    }

    [Fact]
    public void CMP0007_second_yaml_document()
    {
        var run = GeneratorHarness.Run(Fixtures.BaseWith((Extra, """
            controls: []
            ---
            people: []

            """)));
        var d = SingleAt(run, "CMP0007", Error, Extra, 2, 1);
        Assert.Equal($"The file holds more than one YAML document; programme files hold exactly one. Fix: {Rules.MultipleDocuments.Fix}", Message(d));
        DidNotCrash(run);
    }

    [Fact]
    public void CMP0008_markdown_without_front_matter()
    {
        var run = GeneratorHarness.Run(Fixtures.BaseWith(("policies/notes.md", "# Notes\n\nJust a page.\n"), ("policies/README.md", "# Policies\n")));
        var d = SingleAt(run, "CMP0008", Warning, "policies/notes.md", 1, 1);
        Assert.StartsWith("This Markdown file has no front matter, so it is not a policy and no check covers it. Fix: Add a front matter block", Message(d));
        Assert.Equal(new[] { "CMP0008" }, Ids(run));
        DidNotCrash(run);
    }

    [Fact]
    public void CMP0010_list_where_text_is_expected()
    {
        var run = GeneratorHarness.Run(Fixtures.BaseWith((Fixtures.ControlsPath, """
            controls:
              - id: C-1
                title: [Control, one]
                description: Does the thing.
                owner: alice
                status: implemented
                maps_to: [R1, R2]

            """)));
        var d = SingleAt(run, "CMP0010", Error, Fixtures.ControlsPath, 3, 12);
        Assert.Equal($"The field 'title' of control 'C-1' must be text, but is a list. Fix: {Rules.WrongType.Fix}", Message(d));
        DidNotCrash(run);
    }

    [Fact]
    public void CMP0011_unknown_key_with_did_you_mean()
    {
        var run = GeneratorHarness.Run(Fixtures.BaseWith((Fixtures.ControlsPath, """
            controls:
              - id: C-1
                title: Control one
                description: Does the thing.
                owner: alice
                status: implemented
                maps_to: [R1, R2]
                evidance: []

            """)));
        var d = SingleAt(run, "CMP0011", Error, Fixtures.ControlsPath, 8, 5);
        Assert.Equal("Control 'C-1' has an unknown key 'evidance'. Did you mean 'evidence'? Fix: Rename 'evidance' to 'evidence'.", Message(d));
        Assert.Equal(new[] { "CMP0011" }, Ids(run));
        DidNotCrash(run);
    }

    [Fact]
    public void CMP0012_missing_required_field_points_at_the_item()
    {
        var run = GeneratorHarness.Run(Fixtures.BaseWith((Extra, """
            controls:
              - id: C-2
                title: Control two
                owner: alice
                status: implemented
                maps_to: [R1]

            """)));
        var d = SingleAt(run, "CMP0012", Error, Extra, 2, 5);
        Assert.Equal("Control 'C-2' has no value for the required field 'description'. Fix: Add 'description: <value>' to control 'C-2'.", Message(d));
        Assert.Equal(new[] { "CMP0012" }, Ids(run));
        DidNotCrash(run);
    }

    [Fact]
    public void CMP0012_required_field_written_without_a_value_points_at_the_key()
    {
        var run = GeneratorHarness.Run(Fixtures.BaseWith((Extra, """
            controls:
              - id: C-2
                title: Control two
                description:
                owner: alice
                status: implemented
                maps_to: [R1]

            """)));
        var d = SingleAt(run, "CMP0012", Error, Extra, 4, 5);
        Assert.Equal("Control 'C-2' has no value for the required field 'description'. Fix: Add 'description: <value>' to control 'C-2'.", Message(d));
        DidNotCrash(run);
    }

    [Fact]
    public void CMP0013_duplicate_key_in_one_mapping()
    {
        var run = GeneratorHarness.Run(Fixtures.BaseWith((Fixtures.ControlsPath, """
            controls:
              - id: C-1
                title: Control one
                description: Does the thing.
                owner: alice
                status: implemented
                maps_to: [R1, R2]
                title: Control one, again

            """)));
        var d = SingleAt(run, "CMP0013", Error, Fixtures.ControlsPath, 8, 5);
        Assert.Equal($"The key 'title' appears twice in this control (first at line 3). Fix: {Rules.DuplicateKey.Fix}", Message(d));
        Assert.Equal(new[] { "CMP0013" }, Ids(run));
        DidNotCrash(run);
    }

    [Fact]
    public void CMP0014_key_of_the_wrong_case()
    {
        var run = GeneratorHarness.Run(Fixtures.BaseWith((Fixtures.ControlsPath, """
            controls:
              - id: C-1
                Title: Control one
                description: Does the thing.
                owner: alice
                status: implemented
                maps_to: [R1, R2]

            """)));
        var d = SingleAt(run, "CMP0014", Error, Fixtures.ControlsPath, 3, 5);
        Assert.Equal("The key 'Title' in control 'C-1' should be written 'title'. Fix: Rename 'Title' to 'title'.", Message(d));
        DidNotCrash(run);
    }

    [Fact]
    public void CMP0015_value_outside_the_allowed_set()
    {
        var run = GeneratorHarness.Run(Fixtures.BaseWith((Fixtures.ControlsPath, """
            controls:
              - id: C-1
                title: Control one
                description: Does the thing.
                owner: alice
                status: implemented-ish
                maps_to: [R1, R2]

            """)));
        var d = SingleAt(run, "CMP0015", Error, Fixtures.ControlsPath, 6, 13);
        Assert.Equal("The field 'status' of control 'C-1' is 'implemented-ish', which is not one of: implemented, partially-implemented, planned, not-applicable. Fix: Did you mean 'implemented'?", Message(d));
        DidNotCrash(run);
    }

    [Fact]
    public void CMP0016_id_with_whitespace()
    {
        var run = GeneratorHarness.Run(Fixtures.BaseWith((Extra, """
            controls:
              - id: "C 2"
                title: Control two
                description: Second.
                owner: alice
                status: implemented
                maps_to: [R1]

            """)));
        var d = SingleAt(run, "CMP0016", Error, Extra, 2, 9);
        Assert.Equal($"'C 2' in the id of this control is not a valid ID: IDs are non-empty and contain no whitespace. Fix: {Rules.InvalidId.Fix}", Message(d));
        Assert.Equal(new[] { "CMP0016" }, Ids(run));
        DidNotCrash(run);
    }

    [Fact]
    public void CMP0020_duplicate_id_across_two_files()
    {
        var run = GeneratorHarness.Run(Fixtures.BaseWith((Extra, """
            controls:
              - id: C-1
                title: Control one, again
                description: A copy.
                owner: alice
                status: implemented
                maps_to: [R1]

            """)));
        var d = SingleAt(run, "CMP0020", Error, Extra, 2, 9);
        Assert.Equal($"The control ID 'C-1' is already defined at /repo/controls/controls.yaml(2,9). Fix: {Rules.DuplicateId.Fix}", Message(d));
        Assert.Equal(new[] { "CMP0020" }, Ids(run));
        DidNotCrash(run);
    }

    [Fact]
    public void CMP0021_reference_to_an_unknown_person_with_did_you_mean()
    {
        var run = GeneratorHarness.Run(Fixtures.BaseWith((Fixtures.ControlsPath, """
            controls:
              - id: C-1
                title: Control one
                description: Does the thing.
                owner: alise
                status: implemented
                maps_to: [R1, R2]

            """)));
        var d = SingleAt(run, "CMP0021", Error, Fixtures.ControlsPath, 5, 12);
        Assert.Equal("The control 'C-1' names the person 'alise', which is not defined. Did you mean 'alice'? Fix: Replace 'alise' with 'alice'.", Message(d));
        Assert.Equal(new[] { "CMP0021" }, Ids(run));
        DidNotCrash(run);
    }

    [Fact]
    public void CMP0022_parent_from_another_framework()
    {
        var run = GeneratorHarness.Run(Fixtures.BaseWith(("controls/frameworks/fw2.yaml", """
            framework:
              id: fw2
              title: Framework two
            requirements:
              - id: X1
                title: Other
                kind: criterion
                parent: R1

            """)));
        var d = SingleAt(run, "CMP0022", Error, "controls/frameworks/fw2.yaml", 8, 13);
        Assert.Equal($"The requirement 'X1' has the parent 'R1' from another framework ('fw'). Fix: {Rules.InvalidHierarchy.Fix}", Message(d));
        Assert.Equal(new[] { "CMP0022" }, Ids(run));
        DidNotCrash(run);
    }

    [Fact]
    public void CMP0022_requirement_that_is_its_own_parent()
    {
        var run = GeneratorHarness.Run(Fixtures.BaseWith((Fixtures.FrameworkPath, """
            framework:
              id: fw
              title: Framework
            requirements:
              - id: R1
                title: Requirement one
                kind: standard
                required: true
                parent: R1
              - id: R2
                title: Requirement two
                kind: implementation-spec
                required: false

            """)));
        var d = SingleAt(run, "CMP0022", Error, Fixtures.FrameworkPath, 9, 13);
        Assert.Equal($"The parents of requirement 'R1' form a cycle through 'R1'. Fix: {Rules.InvalidHierarchy.Fix}", Message(d));
        DidNotCrash(run);
    }

    [Fact]
    public void CMP0023_crosswalk_source_from_the_wrong_framework()
    {
        var run = GeneratorHarness.Run(Fixtures.BaseWith(
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
                  - source: R1
                    target: R2
                    relationship: equivalent
                    rationale: Because.

                """)));
        var d = SingleAt(run, "CMP0023", Error, "controls/crosswalks/cw.yaml", 7, 13);
        Assert.Equal($"The source 'R1' belongs to the framework 'fw', but the crosswalk 'cw' takes its sources from 'fw2'. Fix: {Rules.CrosswalkSideMismatch.Fix}", Message(d));
        Assert.Equal(new[] { "CMP0023" }, Ids(run));
        DidNotCrash(run);
    }

    [Fact]
    public void CMP0024_second_programme()
    {
        var run = GeneratorHarness.Run(Fixtures.BaseWith(("controls/zz-programme.yaml", """
            programme:
              id: other
              name: Other
              scope:
                - framework: fw

            """)));
        var d = SingleAt(run, "CMP0024", Error, "controls/zz-programme.yaml", 2, 7);
        Assert.Equal($"A second programme 'other' is defined; the first is 'test' at /repo/controls/programme.yaml. Fix: {Rules.ProgrammeDefinition.Fix}", Message(d));
        Assert.Equal(new[] { "CMP0024" }, Ids(run));
        DidNotCrash(run);
    }

    [Fact]
    public void CMP0024_no_programme_has_no_location()
    {
        var run = GeneratorHarness.Run(Fixtures.BaseWith((Fixtures.ProgrammePath, null)));
        var d = Single(run, "CMP0024");
        Assert.Equal(Error, d.Severity);
        Assert.Equal(Location.None, d.Location);
        Assert.Equal($"No file defines the programme, so no framework is in scope and nothing is checked for coverage. Fix: {Rules.ProgrammeDefinition.Fix}", Message(d));
        Assert.Equal(new[] { "CMP0024" }, Ids(run));
        DidNotCrash(run);
    }

    [Fact]
    public void CMP0025_incident_with_more_state_residents_than_individuals_affected()
    {
        var run = GeneratorHarness.Run(Fixtures.BaseWith(("policies/incidents.yaml", """
            incidents:
              - id: INC-1
                title: Lost laptop
                discovered_on: 2026-03-01
                breach: true
                individuals_affected: 10
                states:
                  - state: CA
                    residents: 20

            """)));
        var d = SingleAt(run, "CMP0025", Error, "policies/incidents.yaml", 2, 9);
        Assert.Equal($"The incident 'INC-1' lists 20 residents across its states but only 10 individuals affected. Fix: {Rules.IncidentInconsistent.Fix}", Message(d));
        Assert.Equal(new[] { "CMP0025" }, Ids(run));
        DidNotCrash(run);
    }

    [Fact]
    public void CMP0026_business_associate_breach_without_covered_entities()
    {
        var run = GeneratorHarness.Run(Fixtures.BaseWith(
            (Fixtures.ProgrammePath, """
            programme:
              id: test
              name: Test
              role: business-associate
              scope:
                - framework: fw

            """),
            ("policies/incidents.yaml", """
            incidents:
              - id: INC-1
                title: Misdirected fax
                discovered_on: 2026-03-01
                breach: true
                individuals_affected: 1

            """)));
        var d = SingleAt(run, "CMP0026", Error, "policies/incidents.yaml", 2, 9);
        Assert.Equal($"The breach 'INC-1' names no covered entity, but a business associate owes notice to each covered entity whose PHI it involved (164.410(a)(1)). Fix: {Rules.BreachWithoutCoveredEntities.Fix}", Message(d));
        Assert.Equal(new[] { "CMP0026" }, Ids(run));
        DidNotCrash(run);
    }

    [Fact]
    public void CMP0030_uncovered_addressable_specification()
    {
        var run = GeneratorHarness.Run(Fixtures.BaseWith((Fixtures.ControlsPath, """
            controls:
              - id: C-1
                title: Control one
                description: Does the thing.
                owner: alice
                status: implemented
                maps_to: [R1]

            """)));
        var d = SingleAt(run, "CMP0030", Error, Fixtures.FrameworkPath, 9, 9);
        Assert.Equal("The in-scope requirement 'R2' (Requirement two) is implemented by no control. Fix: Add 'R2' to the maps_to of the control that implements it, or record an alternative or not-reasonable decision for this Addressable specification in a decisions file.", Message(d));
        Assert.Equal(new[] { "CMP0030" }, Ids(run));
        DidNotCrash(run);
    }

    [Fact]
    public void CMP0031_control_that_maps_nothing()
    {
        var run = GeneratorHarness.Run(Fixtures.BaseWith((Extra, """
            controls:
              - id: C-2
                title: Control two
                description: Second.
                owner: alice
                status: implemented
                maps_to: []
              - id: C-3
                title: Not applicable here
                description: Third.
                owner: alice
                status: not-applicable

            """)));
        var d = SingleAt(run, "CMP0031", Warning, Extra, 2, 9);
        Assert.Equal($"The control 'C-2' maps to no requirement. Fix: {Rules.UnmappedControl.Fix}", Message(d));
        Assert.Equal(new[] { "CMP0031" }, Ids(run));
        DidNotCrash(run);
    }

    [Fact]
    public void CMP0032_alternative_decision_on_a_required_specification()
    {
        var run = GeneratorHarness.Run(Fixtures.BaseWith(
            (Fixtures.ControlsPath, Fixtures.Base[Fixtures.ControlsPath].Replace("[R1, R2]", "[R2]")),
            ("controls/decisions.yaml", """
                decisions:
                  - requirement: R1
                    decision: alternative
                    rationale: Because.
                    alternative: Something else.
                    approved_by: alice
                    approved_on: 2026-01-15

                """)));
        var d = SingleAt(run, "CMP0032", Error, "controls/decisions.yaml", 2, 18);
        Assert.Equal($"'R1' (Requirement one) is a Required specification, so it cannot be met by a 'alternative' decision. Fix: {Rules.DecisionNotAllowed.Fix}", Message(d));
        Assert.Equal(new[] { "CMP0032" }, Ids(run));
        DidNotCrash(run);
    }

    [Fact]
    public void CMP0033_decided_and_mapped()
    {
        var run = GeneratorHarness.Run(Fixtures.BaseWith(("controls/decisions.yaml", """
            decisions:
              - requirement: R2
                decision: not-applicable
                rationale: We are not a clearinghouse.
                approved_by: alice
                approved_on: 2026-01-15

            """)));
        var d = SingleAt(run, "CMP0033", Warning, "controls/decisions.yaml", 2, 18);
        Assert.Equal($"'R2' has a 'not-applicable' decision but is also mapped by C-1. Fix: {Rules.DecidedButMapped.Fix}", Message(d));
        Assert.Equal(new[] { "CMP0033" }, Ids(run));
        DidNotCrash(run);
    }

    [Fact]
    public void CMP0034_scope_category_that_selects_nothing()
    {
        var run = GeneratorHarness.Run(Fixtures.BaseWith((Fixtures.ProgrammePath, """
            programme:
              id: test
              name: Test
              scope:
                - framework: fw
                  categories: [Security]

            """)));
        var d = SingleAt(run, "CMP0034", Error, Fixtures.ProgrammePath, 6, 20);
        Assert.Equal($"No requirement of 'fw' has the category 'Security'. Fix: {Rules.ScopeMatchesNothing.Fix}", Message(d));
        Assert.Equal(new[] { "CMP0034" }, Ids(run));
        DidNotCrash(run);
    }

    [Fact]
    public void CMP0035_required_specification_mapped_only_by_planned_controls()
    {
        var run = GeneratorHarness.Run(Fixtures.BaseWith((Fixtures.ControlsPath, Fixtures.Base[Fixtures.ControlsPath].Replace("status: implemented", "status: planned"))));
        var d = SingleAt(run, "CMP0035", Warning, Fixtures.ControlsPath, 7, 15);
        Assert.Equal($"The Required specification 'R1' is implemented only by planned controls (C-1). Fix: {Rules.PlannedOnly.Fix}", Message(d));
        Assert.Equal(new[] { "CMP0035" }, Ids(run));
        DidNotCrash(run);
    }

    [Fact]
    public void CMP0040_policy_that_governs_nothing()
    {
        var run = GeneratorHarness.Run(Fixtures.BaseWith(("policies/policy.md", """
            ---
            id: POL-1
            title: Policy
            owner: alice
            version: "1.0"
            approved_by: alice
            approved_on: 2026-01-01
            review_interval_days: 365
            ---
            # Policy

            """)));
        var d = SingleAt(run, "CMP0040", Warning, "policies/policy.md", 2, 5);
        Assert.Equal($"The policy 'POL-1' governs no control. Fix: {Rules.PolicyGovernsNothing.Fix}", Message(d));
        Assert.Equal(new[] { "CMP0040" }, Ids(run));
        DidNotCrash(run);
    }

    [Fact]
    public void CMP0050_ids_that_become_the_same_member_name()
    {
        var run = GeneratorHarness.Run(Fixtures.BaseWith((Extra, """
            controls:
              - id: C-2
                title: Control two
                description: Second.
                owner: alice
                status: implemented
                maps_to: [R1]
              - id: C.2
                title: Control two, with a dot
                description: Third.
                owner: alice
                status: implemented
                maps_to: [R1]

            """)));
        var d = SingleAt(run, "CMP0050", Warning, Extra, 8, 9);
        Assert.Equal($"The ID 'C.2' and the ID 'C-2' both become the C# name 'C_2'; this one is generated as 'C_2_2'. Fix: {Rules.IdentifierCollision.Fix}", Message(d));
        Assert.Equal(new[] { "CMP0050" }, Ids(run));
        Assert.Contains("public static global::Test.Compliance.Control C_2_2 => ", run.ControlsSource());
        DidNotCrash(run);
    }

    [Fact]
    public void CMP1503_waiver_of_a_structural_rule()
    {
        var run = GeneratorHarness.Run(Fixtures.BaseWith(("policies/waivers.yaml", """
            waivers:
              - id: W-1
                rule: CMP0031
                target: C-1
                reason: Testing.
                approved_by: alice
                approved_on: 2026-01-01
                expires_on: 2026-12-31

            """)));
        var d = SingleAt(run, "CMP1503", Error, "policies/waivers.yaml", 3, 11);
        Assert.StartsWith("The waiver 'W-1' names the rule 'CMP0031', which cannot be waived", Message(d));
        Assert.EndsWith($" Fix: {Rules.WaiverNotWaivable.Fix}", Message(d));
        Assert.Equal(new[] { "CMP1503" }, Ids(run));
        DidNotCrash(run);
    }

    /// <summary>
    /// No input reaches this rule unless the toolkit has a bug, so the test drives the one place that
    /// raises it: the guard that turns an exception in an emitter into an error instead of CS8785.
    /// </summary>
    [Fact]
    public void CMP0099_internal_error_is_an_error_without_location()
    {
        var d = DiagnosticFactory.Internal(new InvalidOperationException("boom"), "emitting ControlsPart");
        Assert.Equal("CMP0099", d.Id);
        Assert.Equal(Error, d.Severity);
        Assert.Equal(Location.None, d.Location);
        Assert.Equal($"Internal error in the compliance generator while emitting ControlsPart: InvalidOperationException: boom Fix: {Rules.InternalError.Fix}", Message(d));
        Assert.Equal(Rule.DefaultDocumentationUrl + "#cmp0099", d.Descriptor.HelpLinkUri);
        Assert.True(Uri.IsWellFormedUriString(d.Descriptor.HelpLinkUri, UriKind.Absolute));
    }

    [Fact]
    public void Every_rule_has_a_descriptor_with_its_title_severity_and_help_link()
    {
        foreach (var rule in Rules.All)
        {
            var d = DiagnosticFactory.Create(rule.At(null, "message"));
            Assert.Equal(rule.Id, d.Id);
            Assert.Equal(rule.Title, d.Descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(rule.Severity == Severity.Error ? Error : rule.Severity == Severity.Warning ? Warning : DiagnosticSeverity.Info, d.Severity);
            Assert.Equal($"{Rule.DefaultDocumentationUrl}#{rule.Id.ToLowerInvariant()}", d.Descriptor.HelpLinkUri);
        }
    }
}
