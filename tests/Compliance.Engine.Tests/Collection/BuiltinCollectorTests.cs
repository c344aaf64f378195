using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Authentication;
using System.Text.Json;
using Compliance.Engine.Audit;
using Compliance.Engine.Collection;

namespace Compliance.Engine.Tests.Collection;

/// <summary>The built-in collectors (collector: { builtin: ... }): stored like any collector's output, with sidecar and event.</summary>
public class BuiltinCollectorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    private static void DeclareRequirement(TestProgramme programme, string id, string collector)
    {
        var controls = Path.Combine(programme.Root, "controls/controls.yaml");
        File.WriteAllText(controls, File.ReadAllText(controls) + $"""
                  - id: {id}
                    description: Collected by a built-in collector.
                    collection: automated
                    freshness_days: 14
                    collector:
            {collector}

            """);
    }

    private static void DeclareEndpoint(TestProgramme programme, string url) => programme.Write("controls/programme.yaml", $"""
        programme:
          id: acme
          name: Acme Health
          scope:
            - framework: mini
          endpoints:
            - id: api
              url: {url}
              evidence: CRY-01/tls
        """);

    private static IReadOnlyList<CollectionOutcome> Collect(TestProgramme programme, string key)
    {
        var check = programme.Check(DateOnly.FromDateTime(Now.UtcDateTime));
        Assert.DoesNotContain(TestProgramme.Lines(check, "CMP0"), l => l.Contains("error"));
        var planned = CollectionPlan.Select(check, CollectionMode.All, key);
        return EvidenceCollection.Run(programme.Root, check.Programme, planned, () => Now, _ => null);
    }

    [Fact]
    public void Tls_verifies_each_declared_endpoint_against_a_real_server_and_the_check_accepts_the_record()
    {
        using var server = new LocalTlsServer(SslProtocols.Tls13);
        using var programme = new TestProgramme(git: false);
        DeclareEndpoint(programme, server.Url);
        programme.Write("controls/internal-ca.pem", server.CertificatePem);
        DeclareRequirement(programme, "tls", "          builtin: tls\n          ca_file: controls/internal-ca.pem");

        var outcome = Assert.Single(Collect(programme, "CRY-01/tls"));

        Assert.True(outcome.Collected, outcome.Run.Message);
        Assert.Equal("evidence/cry-01/tls/tls-api-20261101T120000Z.json", outcome.Stored!.Artifact);
        var sidecar = File.ReadAllText(Path.Combine(programme.Root, outcome.Stored.Sidecar));
        Assert.Contains("type: \"tls-verification\"", sidecar);
        Assert.Contains("endpoint: \"api\"", sidecar);
        Assert.Contains("collector: \"job:tls\"", sidecar);
        var check = programme.Check(DateOnly.FromDateTime(Now.UtcDateTime));
        Assert.Equal("Tls13", Assert.Single(check.Endpoints).Latest!.Protocol);
        Assert.DoesNotContain(TestProgramme.Lines(check), l => l.Contains("CMP18") || l.Contains("CMP110"));
        var recorded = Assert.Single(AuditLog.ForRoot(programme.Root).Read());
        Assert.Equal("builtin:tls", recorded.Field("method"));
        Assert.Equal(ProductionMethod.BuiltIn, ArtifactProductions.Of(ArtifactProductions.From(new[] { recorded }), outcome.Stored.Artifact).Method);
    }

    [Fact]
    public void Tls_records_a_failed_handshake_as_what_was_verified_for_the_check_to_judge()
    {
        using var server = new LocalTlsServer(SslProtocols.Tls13);
        using var programme = new TestProgramme(git: false);
        DeclareEndpoint(programme, server.Url);
        DeclareRequirement(programme, "tls", "          builtin: tls");

        var outcome = Assert.Single(Collect(programme, "CRY-01/tls"));

        // The test server's certificate chains to no system root: the record says the handshake failed.
        Assert.True(outcome.Collected, outcome.Run.Message);
        Assert.Contains("\"succeeded\": false", File.ReadAllText(Path.Combine(programme.Root, outcome.Stored!.Artifact)).Replace("\":false", "\": false"));
        Assert.Contains(TestProgramme.Lines(programme.Check(DateOnly.FromDateTime(Now.UtcDateTime))), l => l.Contains("CMP18"));
    }

    [Fact]
    public void Tls_without_an_endpoint_for_the_requirement_fails_and_leaves_nothing_behind()
    {
        using var programme = new TestProgramme(git: false);
        DeclareRequirement(programme, "tls", "          builtin: tls");

        var outcome = Assert.Single(Collect(programme, "CRY-01/tls"));

        Assert.Equal(CollectorFailure.BuiltinFailed, outcome.Run.Failure);
        Assert.Contains("no endpoint", outcome.Run.Message);
        Assert.False(Directory.Exists(Path.Combine(programme.Root, "evidence/cry-01/tls")) && Directory.EnumerateFileSystemEntries(Path.Combine(programme.Root, "evidence/cry-01/tls")).Any());
        Assert.Empty(AuditLog.ForRoot(programme.Root).Read());
    }

    [Fact]
    public void A_builtin_with_a_run_command_or_an_option_of_another_builtin_is_warned_of_at_its_position_and_ignored()
    {
        using var programme = new TestProgramme(git: false);
        DeclareRequirement(programme, "tls", "          builtin: tls\n          run: [/bin/echo]");
        DeclareRequirement(programme, "history", "          builtin: git-history\n          ca_file: controls/ca.pem");

        var check = programme.Check();
        var lines = TestProgramme.Lines(check, "CMP1111");

        Assert.Contains(lines, l => l.StartsWith("controls/controls.yaml(", StringComparison.Ordinal) && l.Contains("warning CMP1111: The collector of 'CRY-01/tls' is the built-in tls collector, which does not use 'run': it is ignored."));
        Assert.Contains(lines, l => l.Contains("'CRY-01/history' is the built-in git-history collector, which does not use 'ca_file'"));
        var tls = check.Programme.Controls.Single().Evidence.Single(e => e.Id.Value == "tls").Collector!;
        Assert.Empty(tls.Run);
    }
}
