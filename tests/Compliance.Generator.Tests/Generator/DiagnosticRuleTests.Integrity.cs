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

// CMP0020-CMP0029: IDs and references across files.
public sealed partial class DiagnosticRuleTests
{
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
    public void CMP0027_framework_part_of_an_unknown_framework_with_did_you_mean()
    {
        var run = GeneratorHarness.Run(Fixtures.BaseWith(("controls/frameworks/fw-more.yaml", """
            framework_part:
              framework: fx
            requirements:
              - id: R3
                title: Requirement three
                kind: standard

            """), (Extra, """
            controls:
              - id: C-3
                title: Control three
                description: Maps the orphaned requirement.
                owner: alice
                status: implemented
                maps_to: [R3]

            """)));
        var d = SingleAt(run, "CMP0027", Error, "controls/frameworks/fw-more.yaml", 2, 14);
        Assert.Equal("This framework part belongs to the framework 'fx', which no file defines, so its 1 requirement(s) belong to no framework. Did you mean 'fw'? Fix: Replace 'fx' with 'fw'.", Message(d));

        // The control that maps R3 is not told R3 is undefined: the part's own error says why.
        Assert.Equal(new[] { "CMP0027" }, Ids(run));
        DidNotCrash(run);
    }

    [Fact]
    public void CMP0028_requirement_in_the_framework_file_and_in_a_part()
    {
        var run = GeneratorHarness.Run(Fixtures.BaseWith(("controls/frameworks/fw-more.yaml", """
            framework_part:
              framework: fw
            requirements:
              - id: R3
                title: Requirement three
                kind: standard
                informative: true
              - id: R2
                title: Requirement two, again
                kind: standard

            """)));
        var d = SingleAt(run, "CMP0028", Error, "controls/frameworks/fw-more.yaml", 8, 9);
        Assert.Equal($"The requirement 'R2' of the framework 'fw' is already defined in another of its files, at /repo/controls/frameworks/fw.yaml(9,9). Fix: {Rules.RequirementInTwoFilesOfFramework.Fix}", Message(d));
        Assert.Equal(new[] { "CMP0028" }, Ids(run));
        DidNotCrash(run);
    }

    [Fact]
    public void CMP0028_requirement_in_two_parts_is_reported_at_the_later_path()
    {
        const string Part = """
            framework_part:
              framework: fw
            requirements:
              - id: R3
                title: Requirement three
                kind: standard
                informative: true

            """;
        var run = GeneratorHarness.Run(Fixtures.BaseWith(("controls/frameworks/fw/b.yaml", Part), ("controls/frameworks/fw/a.yaml", Part)));
        var d = SingleAt(run, "CMP0028", Error, "controls/frameworks/fw/b.yaml", 4, 9);
        Assert.Contains("already defined in another of its files, at /repo/controls/frameworks/fw/a.yaml(4,9).", Message(d));
        Assert.Equal(new[] { "CMP0028" }, Ids(run));
        DidNotCrash(run);
    }
}
