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

// CMP0030-CMP0050: coverage and member names.
public sealed partial class DiagnosticRuleTests
{
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
}
