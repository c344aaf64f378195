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

// CMP0010-CMP0019: the schema of each file kind.
public sealed partial class DiagnosticRuleTests
{
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
}
