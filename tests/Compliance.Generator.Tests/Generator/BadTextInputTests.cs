using System;
using System.Linq;
using System.Text;
using Compliance.Generator.Tests.Infrastructure;
using Compliance.Model.Diagnostics;
using Microsoft.CodeAnalysis;
using static Compliance.Generator.Tests.Infrastructure.DiagnosticAssert;

namespace Compliance.Generator.Tests.Generator;

/// <summary>
/// Files that are broken as text, before any YAML meaning: empty, binary, NUL bytes, tabs, unclosed flow
/// collections, byte order marks and CRLF line endings. Each gives a clear diagnostic at the right place
/// (or none), the generator never throws, and positions stay those of the file as written.
/// </summary>
public sealed class BadTextInputTests
{
    private const DiagnosticSeverity Error = DiagnosticSeverity.Error;
    private const DiagnosticSeverity Warning = DiagnosticSeverity.Warning;
    private const string Extra = "controls/extra.yaml";

    private static GeneratorRun RunWith(params (string Path, string? Text)[] changes) => GeneratorHarness.Run(Fixtures.BaseWith(changes));

    [Fact]
    public void Empty_file_is_a_warning_not_an_error()
    {
        var run = RunWith((Extra, string.Empty));
        SingleAt(run, "CMP0005", Warning, Extra, 1, 1);
        Assert.Equal(new[] { "CMP0005" }, Ids(run));
        DidNotCrash(run);
    }

    [Fact]
    public void Binary_file_decoded_with_replacement_characters_is_not_text()
    {
        // A PNG header as the compiler's UTF-8 decoder hands it over: 0x89 becomes U+FFFD, and NULs stay.
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52 };
        var run = RunWith(("controls/logo.yaml", new UTF8Encoding(false, throwOnInvalidBytes: false).GetString(png)));
        var d = SingleAt(run, "CMP0004", Error, "controls/logo.yaml", 1, 1);
        Assert.StartsWith("The file is not UTF-8 text (a NUL or undecodable byte near character 0).", Message(d));
        DidNotCrash(run);
    }

    [Fact]
    public void File_of_nul_bytes_is_not_text()
    {
        var run = RunWith((Extra, "\0\0\0\0"));
        SingleAt(run, "CMP0004", Error, Extra, 1, 1);
        Assert.Equal(new[] { "CMP0004" }, Ids(run));
        DidNotCrash(run);
    }

    [Fact]
    public void Tab_indentation_is_malformed_yaml_at_the_tab_and_the_message_says_tabs()
    {
        // Regression: YamlDotNet reports this at the start of the enclosing mapping, line 1; the reader points at the tab.
        var run = RunWith((Extra, "controls:\n\t- id: C-2\n"));
        var d = SingleAt(run, "CMP0001", Error, Extra, 2, 1);
        Assert.Equal("Malformed YAML: While scanning a mapping, found invalid tab as indentation. Fix: YAML forbids tab characters for indentation: indent with spaces.", Message(d));
        DidNotCrash(run);
    }

    [Theory]
    [InlineData("")]
    [InlineData("    owner: samira\n    status: implemented\n")]
    public void Unclosed_flow_list_that_runs_into_block_text_is_malformed_yaml_at_the_bracket_not_an_internal_error(string more)
    {
        // Regression: with the second variant YamlDotNet's scanner throws InvalidOperationException, which surfaced as
        // CMP0099; with the first it fails at the end of the file, far from the cause.
        var run = RunWith((Extra, """
            controls:
              - id: IAM-01
                title: Workforce single sign-on with phishing-resistant MFA
                description: |
              - broken: [unclosed
                  Every workforce login to a system that can reach ePHI - Google Cloud console and
                  gcloud, GitHub, Datadog, Sentry, Zendesk and the internal admin console - goes through
                  Okta SSO (SAML/OIDC). The Okta authentication policy for these apps requires a
                  WebAuthn authenticator (platform Touch ID or a YubiKey); SMS, voice and email factors
                  are disabled, which satisfies person or entity authentication (164.312(d)). Google
                  Cloud access uses Workforce Identity Federation with Okta, so there are no
                  standalone Google passwords. Local accounts in SaaS tools are disabled except the
                  break-glass accounts in IAM-05.

            """ + more));
        var d = SingleAt(run, "CMP0001", Error, Extra, 5, 13);
        Assert.Equal("Malformed YAML: the flow list '[' opened here is not closed before the text that follows it. Fix: Close it with ']' on the same line, or write the items as a block list.", Message(d));
        Assert.DoesNotContain(run.Diagnostics, x => x.Id == "CMP0099");
        DidNotCrash(run);
    }

    [Fact]
    public void Tab_indentation_further_down_a_file_is_found()
    {
        var text = Fixtures.Base[Fixtures.ControlsPath].Replace("    owner: alice", "  \towner: alice");
        var run = RunWith((Fixtures.ControlsPath, text));
        var d = SingleAt(run, "CMP0001", Error, Fixtures.ControlsPath, 5, 3);
        Assert.Equal(text.IndexOf('\t', StringComparison.Ordinal), d.Location.SourceSpan.Start);
        Assert.Contains("tab", Message(d), StringComparison.Ordinal);
        Assert.EndsWith(" Fix: YAML forbids tab characters for indentation: indent with spaces.", Message(d));
        DidNotCrash(run);
    }

    [Fact]
    public void Byte_order_mark_parses_and_keeps_positions()
    {
        var clean = RunWith((Fixtures.ControlsPath, "\uFEFF" + Fixtures.Base[Fixtures.ControlsPath]));
        Assert.True(clean.Diagnostics.IsEmpty, clean.Describe());
        Assert.Contains("new global::Test.Compliance.SourceRef(\"controls/controls.yaml\", 2)", clean.ControlsSource());

        var text = "\uFEFFcontrolz:\n  - id: C-2\n";
        var run = RunWith((Extra, text));
        var d = SingleAt(run, "CMP0006", Error, Extra, 1, 1);
        Assert.Equal(1, d.Location.SourceSpan.Start); // the span indexes the text as given, BOM included
        Assert.Equal("controlz", text.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length));
        DidNotCrash(run);
    }

    [Fact]
    public void Byte_order_mark_with_an_error_further_down()
    {
        var text = "\uFEFF" + Fixtures.Base[Fixtures.ControlsPath].Replace("    maps_to:", "    evidance: []\n    maps_to:");
        var run = RunWith((Fixtures.ControlsPath, text));
        var d = SingleAt(run, "CMP0011", Error, Fixtures.ControlsPath, 7, 5);
        Assert.Equal(text.IndexOf("evidance", StringComparison.Ordinal), d.Location.SourceSpan.Start);
        DidNotCrash(run);
    }

    [Fact]
    public void Crlf_line_endings_keep_lines_columns_and_offsets()
    {
        var text = Fixtures.Base[Fixtures.ControlsPath].Replace("    maps_to:", "    evidance: []\n    maps_to:").Replace("\n", "\r\n");
        var run = RunWith((Fixtures.ControlsPath, text));
        var d = SingleAt(run, "CMP0011", Error, Fixtures.ControlsPath, 7, 5);
        Assert.Equal(text.IndexOf("evidance", StringComparison.Ordinal), d.Location.SourceSpan.Start);
        Assert.Equal("evidance", text.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length));
        DidNotCrash(run);
    }

    [Fact]
    public void Crlf_policy_front_matter_keeps_positions()
    {
        var policy = "---\r\nid: POL-1\r\ntitle: Policy\r\nowner: alice\r\nversion: \"1.0\"\r\napproved_by: alice\r\napproved_on: 2026-01-01\r\nreview_interval_days: 365\r\n---\r\n# Policy\r\n";
        var run = RunWith(("policies/policy.md", policy));
        SingleAt(run, "CMP0040", Warning, "policies/policy.md", 2, 5);
        Assert.Equal(new[] { "CMP0040" }, Ids(run));
        DidNotCrash(run);
    }
}
