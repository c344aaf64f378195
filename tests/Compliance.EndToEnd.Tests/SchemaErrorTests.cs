using System;
using Compliance.EndToEnd.Tests.Harness;

namespace Compliance.EndToEnd.Tests;

/// <summary>Single-file problems: unknown keys, malformed YAML and hostile YAML.</summary>
public sealed class SchemaErrorTests
{
    private static readonly DateTimeOffset EditDate = new(2026, 2, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void MisspelledKeyIsAnUnknownKeyWithDidYouMeanAndTheRequiredFieldIsMissing()
    {
        using var repo = ProgrammeRepo.FromFixture("valid");
        repo.Replace("controls/access.yaml", "    owner: bob\n", "    ownr: bob\n");
        repo.Commit("Misspell a key", EditDate);

        var result = repo.Build();

        BuildAssert.Fails(
            result,
            "controls/access.yaml(15,5): error CMP0012: Control 'IAM-02' has no value for the required field 'owner'. Fix: Add 'owner: <value>' to control 'IAM-02'. (https://github.com/evidence-as-code/compliance/blob/main/docs/diagnostics.md#cmp0012)",
            "controls/access.yaml(18,5): error CMP0011: Control 'IAM-02' has an unknown key 'ownr'. Did you mean 'owner'? Fix: Rename 'ownr' to 'owner'. (https://github.com/evidence-as-code/compliance/blob/main/docs/diagnostics.md#cmp0011)");
    }

    /// <summary>
    /// The error points at the tab itself (line 5, column 1) and the fix says why.
    /// A malformed file contributes nothing, so what it defined would be missing downstream (MF-2 uncovered, the policy's
    /// reference to CRY-01 dangling): those findings are held back in one CMP0009 warning until the file reads again.
    /// </summary>
    [Fact]
    public void TabIndentationIsMalformedYamlAndTheFileContributesNothing()
    {
        using var repo = ProgrammeRepo.FromFixture("valid");
        repo.Replace("controls/crypto.yaml", "    owner: alice\n", "\towner: alice\n");
        repo.Commit("Indent with a tab", EditDate);

        var result = repo.Build();

        BuildAssert.Fails(
            result,
            "controls/crypto.yaml(5,1): error CMP0001: Malformed YAML: While scanning a plain scalar, found a tab character that violate indentation. Fix: YAML forbids tab characters for indentation: indent with spaces. (https://github.com/evidence-as-code/compliance/blob/main/docs/diagnostics.md#cmp0001)",
            "controls/crypto.yaml(5,1): warning CMP0009: 3 reference and coverage finding(s) (CMP0021, CMP0024, CMP0027, CMP0030, CMP0035) are held back while this file cannot be read: they may only follow from it. Fix: Fix the file that cannot be read first; the held-back checks run again on the next build. (https://github.com/evidence-as-code/compliance/blob/main/docs/diagnostics.md#cmp0009)");

        // The generator reads evidence sidecars too, so a sidecar's reference to this file's control is held back as well.
        // Fixed: the held-back checks run again, and nothing else was wrong.
        repo.Replace("controls/crypto.yaml", "\towner: alice\n", "    owner: alice\n");
        repo.Commit("Indent with spaces", EditDate);
        BuildAssert.Passes(repo.Build());
    }

    /// <summary>Nine levels of nine aliases would expand to ~387 million nodes; the reader stops at the first alias past one million (the first *f).</summary>
    [Fact]
    public void AliasBombIsRefusedBeforeItExpands()
    {
        using var repo = ProgrammeRepo.FromFixture("valid");
        repo.Write("controls/bomb.yaml", """
            a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]
            b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
            c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
            d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
            e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
            f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
            g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
            h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
            i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]

            """);
        repo.Commit("Add a billion-laughs file", EditDate);

        var result = repo.Build();

        BuildAssert.Fails(
            result,
            "controls/bomb.yaml(7,8): error CMP0003: The YAML expands to more than 1,000,000 nodes through its aliases (a 'billion laughs' alias bomb?). Fix: Remove the nested anchors and aliases (&name / *name) and write the values out. (https://github.com/evidence-as-code/compliance/blob/main/docs/diagnostics.md#cmp0003)");
    }
}
