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

// CMP0001-CMP0009 and CMP0099: reading the files.
public sealed partial class DiagnosticRuleTests
{
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
        Assert.Matches($@"^[1-9][0-9]* reference and coverage finding\(s\) \(CMP0021, CMP0024, CMP0027, CMP0030, CMP0035\) are held back while this file cannot be read: they may only follow from it\. Fix: {System.Text.RegularExpressions.Regex.Escape(Rules.ChecksHeldBack.Fix)}$", Message(d));
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
}
