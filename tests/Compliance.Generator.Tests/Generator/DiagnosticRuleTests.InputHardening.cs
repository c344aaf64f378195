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
}
