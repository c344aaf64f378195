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
}
