using System.Linq;
using Compliance.Generator.Tests.Infrastructure;
using Compliance.Model.Diagnostics;
using static Compliance.Generator.Tests.Infrastructure.DiagnosticAssert;

namespace Compliance.Generator.Tests.Generator;

/// <summary>The rules of malformed and hostile input: explicit YAML tags, symbolic links and unreadable documents.</summary>
public sealed partial class DiagnosticRuleTests
{
    [Fact]
    public void CMP0017_binary_tag_is_refused_not_read_as_text()
    {
        var run = GeneratorHarness.Run(Fixtures.BaseWith((Extra, """
            controls:
              - id: C-2
                title: !!binary Q29udHJvbCB0d28=
                description: Second.
                owner: alice
                status: implemented
                maps_to: [R1]

            """)));
        var d = SingleAt(run, "CMP0017", Error, Extra, 3, 12);
        Assert.Equal("The explicit YAML tag '!!binary' is not allowed: programme files use the core schema's implicit types only. Fix: Remove '!!binary' and write the value as plain YAML (quote it to make it text).", Message(d));
        DidNotCrash(run);
    }

    [Fact]
    public void CMP0018_symbolic_link_is_reported_and_never_read()
    {
        var files = Fixtures.BaseWith().Select(f => GeneratorHarness.File(f.Path, f.Text))
            .Append(new InMemoryAdditionalText(GeneratorHarness.PathOf("controls/outside.yaml"), "controls: []\n") { ComplianceLink = true });
        var run = GeneratorHarness.Run(files);
        var d = SingleAt(run, "CMP0018", Error, "controls/outside.yaml", 1, 1);
        Assert.Equal($"This is a symbolic link, which the programme never follows: programme files under controls/, policies/ and evidence/ must be regular files inside the repository. Fix: {Rules.LinkedProgrammeFile.Fix}", Message(d));
        DidNotCrash(run);
    }

    [Fact]
    public void CMP0019_policy_front_matter_that_never_closes_is_unreadable_not_a_page()
    {
        var run = GeneratorHarness.Run(Fixtures.BaseWith(("policies/access.md", """
            ---
            id: POL-1
            title: Access policy
            owner: alice

            # Access policy

            Text.

            """)));
        var d = SingleAt(run, "CMP0019", Error, "policies/access.md", 1, 1);
        Assert.Equal("The file opens a policy front matter block with '---', which is never closed, so it cannot be read as a policy; it is held as unreadable and the policy checks wait for it. Fix: Close the front matter with a line that holds only '---' after its last key, before the policy's text.", Message(d));
        Assert.DoesNotContain("CMP0008", Ids(run));
        DidNotCrash(run);
    }
}
